import { allEventContracts } from '../events/catalog';
import { EventContract } from '../events/event-contract';
import { EVENT_CONTENT_TYPE } from '../envelope/kafka-headers';
import { definedRequestPatterns, RequestPattern } from '../requests/request-pattern';
import { GATEWAY_REPLY_TOPIC, platformTopicCatalog, TopicSpec } from '../topics';
import { deadLetterTopic, domainTopic, replyTopic, requestTopic } from './asyncapi-channels';
import {
  DEAD_LETTER,
  deadLetterMessage,
  eventMessage,
  KAFKA_BINDING_VERSION,
  REPLY,
  REPLY_PROBE,
  replyMessage,
  replyProbeMessage,
  requestMessage,
  requestMessageId,
} from './asyncapi-messages';
import {
  ASYNCAPI_VERSION,
  AsyncApiChannel,
  AsyncApiDocument,
  AsyncApiMessage,
  AsyncApiOperation,
} from './asyncapi-types';

const SERVER = 'kafka';

export interface AsyncApiSources {
  /** The platform's version, shown as the document's version. */
  readonly version: string;
  readonly topics?: readonly TopicSpec[];
  readonly events?: readonly EventContract<unknown>[];
  readonly requests?: readonly RequestPattern<unknown, unknown>[];
}

const DESCRIPTION = [
  '**Deutsch.** Die Ereignisströme der Plattform des Innovators Club im Deutschen Städte- und Gemeindebund. ' +
    'Jeder Dienst veröffentlicht die Tatsachen seines Bereichs auf einem eigenen Topic (`ic.<dienst>.v<n>`), ' +
    'geschlüsselt nach der ID des Aggregats (Mitglied, Veranstaltung …), damit dessen Ereignisse in Reihenfolge ' +
    'bleiben. Die Ereignisse werden nie gelöscht: Wer neu beginnt, liest ab dem Anfang. Jede Nachricht ist ein ' +
    'CloudEvent 1.0 im Binärmodus: die Attribute stehen in den Kafka-Headern `ce_…`, die Daten als JSON im Wert. ' +
    '`ce_type` nennt die Tatsache und die Version ihres Schemas (`….v1`); eine inkompatible Änderung bekommt einen ' +
    'neuen Typ (`….v2`). Leser ignorieren Felder, die sie nicht kennen, und rechnen mit neuen Werten in ' +
    'Aufzählungen. Nach einem Absturz kann ein Ereignis ein zweites Mal ankommen; Leser erkennen es an `ce_id`. ' +
    'Die Schemas der Daten sind JSON Schema draft-07 (aus den 2020-12-Schemas in `libs/contracts` übertragen; ' +
    `AsyncAPI 3.0 verlangt draft-07). Die Anfragen des Gateways an die Dienste (\`ic.<dienst>.requests\`) und ihre ` +
    `Antworten (\`${GATEWAY_REPLY_TOPIC}\`) sind kurzlebig und nur für die Plattform selbst bestimmt.`,
  '**English.** The event streams of the platform of the Innovators Club of the Deutscher Städte- und ' +
    'Gemeindebund. Each service publishes the facts of its domain on a topic of its own (`ic.<service>.v<n>`), ' +
    'keyed by the id of the aggregate (member, event …) so that its events stay in order. Events are kept ' +
    'forever: a new reader starts from the beginning. Every message is a CloudEvent 1.0 in binary mode: the ' +
    'attributes in the Kafka headers `ce_…`, the data as JSON in the value. `ce_type` names the fact and the ' +
    'version of its schema (`….v1`); an incompatible change gets a new type (`….v2`). Readers ignore fields ' +
    'they do not know and expect new values in enumerations. After a crash an event may arrive a second time; ' +
    'readers recognise it by `ce_id`. The data schemas are JSON Schema draft-07 (carried over from the 2020-12 ' +
    'schemas in `libs/contracts`; AsyncAPI 3.0 requires draft-07). The gateway’s requests to the services ' +
    `(\`ic.<service>.requests\`) and their replies (\`${GATEWAY_REPLY_TOPIC}\`) are short-lived and meant for ` +
    'the platform itself.',
].join('\n\n');

/**
 * One AsyncAPI 3.0 document of every topic in the catalog: the domain topics with every event
 * type (payload = its JSON Schema, headers = the CloudEvents attributes), their dead-letter topics,
 * and the gateway's request/reply topics with every request pattern.
 */
export function buildAsyncApiDocument(sources: AsyncApiSources): AsyncApiDocument {
  const topics = sources.topics ?? platformTopicCatalog();
  const events = sources.events ?? allEventContracts;
  const requests = sources.requests ?? definedRequestPatterns();

  const messages: Record<string, AsyncApiMessage> = {};
  for (const contract of events) messages[contract.type] = eventMessage(contract);
  for (const pattern of requests) messages[requestMessageId(pattern)] = requestMessage(pattern);
  messages[REPLY] = replyMessage();
  messages[REPLY_PROBE] = replyProbeMessage();
  messages[DEAD_LETTER] = deadLetterMessage();

  const channels: Record<string, AsyncApiChannel> = {};
  const operations: Record<string, AsyncApiOperation> = {};
  for (const topic of topics) {
    const entry = {
      domain: () => domainTopic(topic, events),
      'dead-letter': () => deadLetterTopic(topic, topics),
      request: () => requestTopic(topic, requests),
      reply: () => replyTopic(topic),
    }[topic.kind]();
    channels[topic.name] = entry.channel;
    Object.assign(operations, entry.operations);
  }

  return {
    asyncapi: ASYNCAPI_VERSION,
    id: 'urn:de:dstgb:innovators-club:streams',
    info: {
      title: 'Innovators Club: Ereignisströme / event streams',
      version: sources.version,
      description: DESCRIPTION,
      tags: [{ name: 'cloudevents' }, { name: 'kafka' }],
    },
    defaultContentType: EVENT_CONTENT_TYPE,
    servers: {
      [SERVER]: {
        host: '{broker}',
        protocol: 'kafka',
        title: 'Kafka',
        description:
          'Ein Broker des Kafka-Clusters der Plattform (`KAFKA_BROKERS`). / A broker of the platform’s Kafka cluster (`KAFKA_BROKERS`).',
        variables: {
          broker: { default: '127.0.0.1:9092', description: 'host:port' },
        },
        bindings: { kafka: { bindingVersion: KAFKA_BINDING_VERSION } },
      },
    },
    channels,
    operations,
    components: { messages },
  };
}
