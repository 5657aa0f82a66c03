import { allEventContracts } from '../events/catalog';
import { EventContract, JsonSchema } from '../events/event-contract';
import {
  CE_HEADERS,
  CLOUD_EVENTS_SPEC_VERSION,
  DeadLetterReasons,
  DLT_HEADERS,
  EVENT_CONTENT_TYPE,
  eventSourceOf,
  RPC_HEADERS,
} from '../envelope/kafka-headers';
import { definedRequestPatterns, RequestPattern } from '../requests/request-pattern';
import {
  GATEWAY_REPLY_TOPIC,
  platformTopicCatalog,
  RequestHandlingService,
  RequestHandlingServices,
  requestTopicOf,
  TopicSpec,
} from '../topics';
import { DRAFT_07_SCHEMA_FORMAT, toDraft07 } from './json-schema-draft07';
import { deadLetterSendersOf, ownerOf, readersOf } from './stream-readers';

export const ASYNCAPI_VERSION = '3.0.0';
const KAFKA_BINDING_VERSION = '0.5.0';
const SERVER = 'kafka';

export interface AsyncApiMessage {
  readonly name: string;
  readonly title: string;
  readonly summary: string;
  readonly contentType: string;
  readonly headers: JsonSchema;
  readonly payload: { readonly schemaFormat: string; readonly schema: JsonSchema };
  readonly correlationId?: { readonly description: string; readonly location: string };
  readonly bindings: { readonly kafka: Readonly<Record<string, unknown>> };
  readonly examples?: readonly {
    readonly name: string;
    readonly summary: string;
    readonly headers: Readonly<Record<string, string>>;
    readonly payload: unknown;
  }[];
}

export interface AsyncApiChannel {
  readonly address: string;
  readonly title: string;
  readonly description: string;
  readonly messages: Readonly<Record<string, { readonly $ref: string }>>;
  readonly bindings: { readonly kafka: Readonly<Record<string, unknown>> };
}

export interface AsyncApiOperation {
  readonly action: 'send' | 'receive';
  readonly channel: { readonly $ref: string };
  readonly title: string;
  readonly summary: string;
  readonly messages: readonly { readonly $ref: string }[];
  readonly reply?: Readonly<Record<string, unknown>>;
}

/** The AsyncAPI 3.0 document of the platform's Kafka topics. */
export interface AsyncApiDocument {
  readonly asyncapi: typeof ASYNCAPI_VERSION;
  readonly id: string;
  readonly info: Readonly<Record<string, unknown>>;
  readonly defaultContentType: string;
  readonly servers: Readonly<Record<string, unknown>>;
  readonly channels: Readonly<Record<string, AsyncApiChannel>>;
  readonly operations: Readonly<Record<string, AsyncApiOperation>>;
  readonly components: { readonly messages: Readonly<Record<string, AsyncApiMessage>> };
}

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

/** A topic's channel and the operations of the services that send to it or receive from it. */
interface TopicEntry {
  readonly channel: AsyncApiChannel;
  readonly operations: Readonly<Record<string, AsyncApiOperation>>;
}

function domainTopic(topic: TopicSpec, events: readonly EventContract<unknown>[]): TopicEntry {
  const ids = events.filter((contract) => contract.topic === topic.name).map((contract) => contract.type);
  const owner = ownerOf(topic.name);
  const operations: Record<string, AsyncApiOperation> = {
    [`${owner}.sends.${topic.name}`]: operation('send', topic.name, ids, {
      title: `${owner} veröffentlicht / publishes`,
      summary: `Der Dienst ${owner} veröffentlicht seine Ereignisse über den Outbox-Relay. / The ${owner} service publishes its events through its outbox relay.`,
    }),
  };
  for (const reader of readersOf(topic.name)) {
    operations[`${reader}.receives.${topic.name}`] = operation('receive', topic.name, ids, {
      title: `${reader} liest / reads`,
      summary: `Der Dienst ${reader} liest in seiner eigenen Consumer-Gruppe. / The ${reader} service reads in a consumer group of its own.`,
    });
  }
  return { channel: channel(topic, domainTitle(topic.name), domainDescription(topic.name), ids), operations };
}

function deadLetterTopic(topic: TopicSpec, topics: readonly TopicSpec[]): TopicEntry {
  const source = sourceOfDeadLetters(topic.name);
  const senders = isDomainTopic(source, topics) ? deadLetterSendersOf(source) : [requestHandlerOf(source)];
  return {
    channel: channel(
      topic,
      `Dead letters of ${source}`,
      `Nachrichten von \`${source}\`, die ein Leser nicht verarbeiten konnte, unverändert, mit dem Grund in den \`dlt_…\`-Headern. / Messages of \`${source}\` a reader could not handle, unchanged, with the reason in the \`dlt_…\` headers.`,
      [DEAD_LETTER],
    ),
    operations: Object.fromEntries(
      senders.map((sender) => [
        `${sender}.sends.${topic.name}`,
        operation('send', topic.name, [DEAD_LETTER], {
          title: `${sender} legt ab / dead-letters`,
          summary: `Was der Dienst ${sender} von \`${source}\` nicht verarbeiten kann. / What the ${sender} service cannot handle of \`${source}\`.`,
        }),
      ]),
    ),
  };
}

function requestTopic(topic: TopicSpec, requests: readonly RequestPattern<unknown, unknown>[]): TopicEntry {
  const ids = requests.filter((pattern) => pattern.topic === topic.name).map(requestMessageId);
  const service = requestHandlerOf(topic.name);
  const reply = {
    channel: { $ref: `#/channels/${GATEWAY_REPLY_TOPIC}` },
    address: {
      location: `$message.header#/${RPC_HEADERS.replyTopic}`,
      description: 'Das Antwort-Topic des anfragenden Gateways. / The reply topic of the asking gateway.',
    },
    messages: [{ $ref: `#/channels/${GATEWAY_REPLY_TOPIC}/messages/${REPLY}` }],
  };
  return {
    channel: channel(
      topic,
      `Requests to ${service}`,
      `Anfragen des Gateways an den Dienst ${service}; \`${RPC_HEADERS.pattern}\` nennt die Anfrage, die Antwort geht an das Topic in \`${RPC_HEADERS.replyTopic}\`. / The gateway's requests to the ${service} service; \`${RPC_HEADERS.pattern}\` names the request, the reply goes to the topic in \`${RPC_HEADERS.replyTopic}\`.`,
      ids,
    ),
    operations: {
      [`gateway.sends.${topic.name}`]: {
        ...operation('send', topic.name, ids, {
          title: 'gateway fragt / asks',
          summary: `Das Gateway fragt den Dienst ${service} und wartet auf die Antwort. / The gateway asks the ${service} service and waits for the reply.`,
        }),
        reply,
      },
      [`${service}.receives.${topic.name}`]: {
        ...operation('receive', topic.name, ids, {
          title: `${service} antwortet / answers`,
          summary: `Der Dienst ${service} beantwortet jede Anfrage auf dem Antwort-Topic. / The ${service} service answers every request on the reply topic.`,
        }),
        reply,
      },
    },
  };
}

/** Its messages are sent and received through the `reply` of the request operations. */
function replyTopic(topic: TopicSpec): TopicEntry {
  return {
    channel: channel(
      topic,
      'Replies to the gateway',
      `Die Antworten der Dienste an das Gateway, geschlüsselt nach \`${RPC_HEADERS.correlationId}\`; jede Instanz des Gateways liest alle in einer eigenen Consumer-Gruppe. / The services' replies to the gateway, keyed by \`${RPC_HEADERS.correlationId}\`; every gateway instance reads all of them in a consumer group of its own.`,
      [REPLY, REPLY_PROBE],
    ),
    operations: {},
  };
}

const REPLY = 'Reply';
const REPLY_PROBE = 'ReplyProbe';
const DEAD_LETTER = 'DeadLetter';

function channel(
  topic: TopicSpec,
  title: string,
  description: string,
  messageIds: string[],
): AsyncApiChannel {
  return {
    address: topic.name,
    title,
    description,
    messages: Object.fromEntries(messageIds.map((id) => [id, { $ref: `#/components/messages/${id}` }])),
    bindings: {
      kafka: {
        partitions: topic.partitions,
        topicConfiguration: kafkaTopicConfiguration(topic.config),
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
  };
}

function operation(
  action: 'send' | 'receive',
  channelId: string,
  messageIds: string[],
  text: { title: string; summary: string },
): AsyncApiOperation {
  return {
    action,
    channel: { $ref: `#/channels/${channelId}` },
    ...text,
    messages: messageIds.map((id) => ({ $ref: `#/channels/${channelId}/messages/${id}` })),
  };
}

/** The topic configs as the Kafka binding types them (numbers, cleanup.policy as a list). */
function kafkaTopicConfiguration(config: Readonly<Record<string, string>>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(config).map(([name, value]): [string, unknown] =>
      name === 'cleanup.policy' ? [name, value.split(',')] : [name, Number(value)],
    ),
  );
}

function domainTitle(topic: string): string {
  const owner = ownerOf(topic);
  return `Ereignisse des Dienstes ${owner} / events of the ${owner} service`;
}

function domainDescription(topic: string): string {
  const owner = ownerOf(topic);
  const readers = readersOf(topic).join(', ');
  return (
    `Die Ereignisse des Dienstes ${owner}. Schlüssel: die ID des Aggregats (auch in \`${CE_HEADERS.subject}\`), ` +
    `so bleiben dessen Ereignisse in Reihenfolge. Aufbewahrung unbegrenzt. Gelesen von: ${readers}. ` +
    `Was ein Leser nicht verarbeiten kann, legt er in \`${topic}.dlt\` ab.\n\n` +
    `The events of the ${owner} service. Key: the id of the aggregate (also in \`${CE_HEADERS.subject}\`), so ` +
    `that its events stay in order. Kept forever. Read by: ${readers}. What a reader cannot handle it puts ` +
    `into \`${topic}.dlt\`.`
  );
}

function sourceOfDeadLetters(deadLetterTopic: string): string {
  return deadLetterTopic.replace(/\.dlt$/, '');
}

function isDomainTopic(name: string, topics: readonly TopicSpec[]): boolean {
  return topics.some((topic) => topic.name === name && topic.kind === 'domain');
}

function requestHandlerOf(requestTopic: string): RequestHandlingService {
  const service = RequestHandlingServices.find((candidate) => requestTopicOf(candidate) === requestTopic);
  if (!service) throw new Error(`${requestTopic} is not the request topic of a service`);
  return service;
}

const text = (description: string): JsonSchema => ({ type: 'string', description });
const constant = (value: string, description: string): JsonSchema => ({
  type: 'string',
  const: value,
  description,
});

function eventHeaders(contract: EventContract<unknown>): JsonSchema {
  return {
    type: 'object',
    required: [
      CE_HEADERS.specversion,
      CE_HEADERS.id,
      CE_HEADERS.type,
      CE_HEADERS.source,
      CE_HEADERS.time,
      CE_HEADERS.subject,
      CE_HEADERS.contentType,
    ],
    properties: {
      [CE_HEADERS.specversion]: constant(CLOUD_EVENTS_SPEC_VERSION, 'CloudEvents specversion'),
      [CE_HEADERS.id]: {
        type: 'string',
        format: 'uuid',
        description:
          'Eindeutig je Ereignis; Duplikate daran erkennen. / Unique per event; recognise duplicates by it.',
      },
      [CE_HEADERS.type]: constant(
        contract.type,
        'Tatsache und Schemaversion. / The fact and its schema version.',
      ),
      [CE_HEADERS.source]: constant(
        eventSourceOf(ownerOf(contract.topic)),
        'Der veröffentlichende Dienst. / The publishing service.',
      ),
      [CE_HEADERS.time]: {
        type: 'string',
        format: 'date-time',
        description: 'Wann es geschah (UTC, ISO 8601). / When it happened (UTC, ISO 8601).',
      },
      [CE_HEADERS.subject]: {
        type: 'string',
        minLength: 1,
        description:
          'Die ID des Aggregats, gleich dem Kafka-Schlüssel. / The id of the aggregate, equal to the Kafka key.',
      },
      [CE_HEADERS.correlationId]: text(
        'Erweiterungsattribut: verbindet die Anfragen und Ereignisse einer Benutzeraktion. / Extension attribute: links the requests and events of one user action.',
      ),
      [CE_HEADERS.contentType]: constant(EVENT_CONTENT_TYPE, 'Der Wert ist JSON. / The value is JSON.'),
    },
  };
}

const AGGREGATE_KEY: JsonSchema = {
  type: 'string',
  description: 'Die ID des Aggregats (= ce_subject). / The id of the aggregate (= ce_subject).',
};

function eventMessage(contract: EventContract<unknown>): AsyncApiMessage {
  const [, fact, version] = /\.([A-Za-z]+)\.(v\d+)$/.exec(contract.type) ?? [];
  const subject = exampleSubjectOf(contract.example);
  return {
    name: fact,
    title: `${fact} (${version})`,
    summary: contract.description,
    contentType: EVENT_CONTENT_TYPE,
    headers: eventHeaders(contract),
    payload: { schemaFormat: DRAFT_07_SCHEMA_FORMAT, schema: toDraft07(contract.schema) },
    correlationId: {
      description: 'ce_correlationid, wenn gesetzt. / ce_correlationid, when set.',
      location: `$message.header#/${CE_HEADERS.correlationId}`,
    },
    bindings: { kafka: { key: AGGREGATE_KEY, bindingVersion: KAFKA_BINDING_VERSION } },
    examples: [
      {
        name: fact,
        summary: `Ein ${fact}-Ereignis, wie es auf ${contract.topic} liegt. / A ${fact} event as it lies on ${contract.topic}.`,
        headers: {
          [CE_HEADERS.specversion]: CLOUD_EVENTS_SPEC_VERSION,
          [CE_HEADERS.id]: '0c6f1e1a-8d3b-4b8e-9a6e-2f1d3c4b5a69',
          [CE_HEADERS.type]: contract.type,
          [CE_HEADERS.source]: eventSourceOf(ownerOf(contract.topic)),
          [CE_HEADERS.time]: '2026-11-21T10:00:00.000Z',
          [CE_HEADERS.subject]: subject,
          [CE_HEADERS.contentType]: EVENT_CONTENT_TYPE,
        },
        payload: contract.example,
      },
    ],
  };
}

/** The key of the example: the example's first `…Id` field, as every event names its aggregate first. */
function exampleSubjectOf(example: unknown): string {
  const id = Object.entries(example as Record<string, unknown>).find(
    ([name, value]) => name.endsWith('Id') && typeof value === 'string',
  );
  return id ? (id[1] as string) : '5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10';
}

function requestMessageId(pattern: RequestPattern<unknown, unknown>): string {
  return `request.${pattern.name}`;
}

function requestMessage(pattern: RequestPattern<unknown, unknown>): AsyncApiMessage {
  return {
    name: pattern.name,
    title: pattern.name,
    summary: `Die Anfrage ${pattern.name} an den Dienst ${pattern.service}. / The ${pattern.name} request to the ${pattern.service} service.`,
    contentType: EVENT_CONTENT_TYPE,
    headers: {
      type: 'object',
      required: [
        RPC_HEADERS.pattern,
        RPC_HEADERS.correlationId,
        RPC_HEADERS.replyTopic,
        RPC_HEADERS.identity,
        RPC_HEADERS.deadline,
      ],
      properties: {
        [RPC_HEADERS.pattern]: constant(pattern.name, 'Die Anfrage. / The request.'),
        [RPC_HEADERS.correlationId]: text('Kommt mit der Antwort zurück. / Comes back with the reply.'),
        [RPC_HEADERS.replyTopic]: {
          type: 'string',
          pattern: '^ic\\.[a-z-]+\\.replies$',
          description: 'Wohin die Antwort geht. / Where the reply goes.',
        },
        [RPC_HEADERS.identity]: text(
          'JSON {subject, roles, sessionId?}: wer fragt, vom Gateway geprüft. / JSON {subject, roles, sessionId?}: who asks, verified by the gateway.',
        ),
        [RPC_HEADERS.idempotencyKey]: text(
          'Eine Wiederholung mit demselben Schlüssel wirkt einmal. / A retry with the same key acts once.',
        ),
        [RPC_HEADERS.deadline]: {
          type: 'string',
          pattern: '^\\d+$',
          description:
            'Epoch-Millisekunden, nach denen der Fragende aufgegeben hat. / Epoch milliseconds after which the caller has given up.',
        },
      },
    },
    payload: {
      schemaFormat: DRAFT_07_SCHEMA_FORMAT,
      schema: {
        type: 'object',
        description:
          'Die Anfrage als JSON; ihre Felder beschreibt das OpenAPI-Dokument des Gateways. / The request as JSON; the gateway’s OpenAPI document describes its fields.',
      },
    },
    correlationId: {
      description: RPC_HEADERS.correlationId,
      location: `$message.header#/${RPC_HEADERS.correlationId}`,
    },
    bindings: {
      kafka: {
        key: text(
          'Der Partitionsschlüssel der Anfrage (bei Anmeldungen die Veranstaltungs-ID), sonst der Idempotenzschlüssel oder die Korrelations-ID. / The request’s partition key (the event id for registrations), else the idempotency key or the correlation id.',
        ),
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
  };
}

function replyMessage(): AsyncApiMessage {
  return {
    name: REPLY,
    title: 'Reply',
    summary: `Die Antwort eines Dienstes: \`{"data": …}\` oder \`{"problem": …}\` (RFC 9457, deutsch), je nach \`${RPC_HEADERS.outcome}\`. / A service's reply: \`{"data": …}\` or \`{"problem": …}\` (RFC 9457, in German), as \`${RPC_HEADERS.outcome}\` says.`,
    contentType: EVENT_CONTENT_TYPE,
    headers: {
      type: 'object',
      required: [RPC_HEADERS.correlationId, RPC_HEADERS.outcome],
      properties: {
        [RPC_HEADERS.correlationId]: text('Aus der Anfrage. / From the request.'),
        [RPC_HEADERS.outcome]: { type: 'string', enum: ['ok', 'error'] },
      },
    },
    payload: {
      schemaFormat: DRAFT_07_SCHEMA_FORMAT,
      schema: {
        oneOf: [
          { type: 'object', required: ['data'], properties: { data: {} }, additionalProperties: false },
          {
            type: 'object',
            required: ['problem'],
            additionalProperties: false,
            properties: {
              problem: {
                type: 'object',
                required: ['type', 'title', 'status'],
                properties: {
                  type: { type: 'string' },
                  title: { type: 'string' },
                  status: { type: 'integer' },
                  detail: { type: 'string' },
                  correlationId: { type: 'string' },
                  errors: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: { field: { type: 'string' }, message: { type: 'string' } },
                    },
                  },
                },
              },
            },
          },
        ],
      },
    },
    correlationId: {
      description: RPC_HEADERS.correlationId,
      location: `$message.header#/${RPC_HEADERS.correlationId}`,
    },
    bindings: {
      kafka: {
        key: text('Die Korrelations-ID. / The correlation id.'),
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
  };
}

function replyProbeMessage(): AsyncApiMessage {
  return {
    name: REPLY_PROBE,
    title: 'Reply channel probe',
    summary:
      'Ohne Wert: ein Gateway prüft beim Start, dass es sein Antwort-Topic liest. / Without a value: a gateway checks at start that it reads its reply topic.',
    contentType: EVENT_CONTENT_TYPE,
    headers: {
      type: 'object',
      required: [RPC_HEADERS.probe],
      properties: { [RPC_HEADERS.probe]: text('Die ID der Probe. / The probe id.') },
    },
    payload: { schemaFormat: DRAFT_07_SCHEMA_FORMAT, schema: { type: 'null' } },
    bindings: {
      kafka: { key: text('Die ID der Probe. / The probe id.'), bindingVersion: KAFKA_BINDING_VERSION },
    },
  };
}

function deadLetterMessage(): AsyncApiMessage {
  return {
    name: DEAD_LETTER,
    title: 'Dead letter',
    summary:
      'Die Nachricht, wie sie auf dem Ursprungs-Topic lag (Schlüssel, Wert und Header unverändert), dazu der Grund. / The message as it lay on its topic (key, value and headers unchanged), with the reason.',
    contentType: EVENT_CONTENT_TYPE,
    headers: {
      type: 'object',
      required: [DLT_HEADERS.reason, DLT_HEADERS.error],
      properties: {
        [DLT_HEADERS.reason]: { type: 'string', enum: [...DeadLetterReasons] },
        [DLT_HEADERS.error]: text(
          'Die Fehlermeldung (höchstens 2000 Zeichen). / The error (at most 2000 characters).',
        ),
        [DLT_HEADERS.attempts]: { type: 'string', pattern: '^\\d+$' },
        [DLT_HEADERS.topic]: text('Das Ursprungs-Topic. / The original topic.'),
        [DLT_HEADERS.partition]: { type: 'string', pattern: '^\\d+$' },
        [DLT_HEADERS.offset]: { type: 'string', pattern: '^\\d+$' },
        [DLT_HEADERS.group]: text('Die Consumer-Gruppe, die aufgab. / The consumer group that gave up.'),
        [DLT_HEADERS.failedAt]: { type: 'string', format: 'date-time' },
      },
    },
    payload: {
      schemaFormat: DRAFT_07_SCHEMA_FORMAT,
      schema: {
        description: 'Unverändert, auch wenn es kein JSON ist. / Unchanged, even when it is not JSON.',
      },
    },
    bindings: {
      kafka: {
        key: text('Der ursprüngliche Schlüssel. / The original key.'),
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
  };
}
