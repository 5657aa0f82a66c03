import { EventContract } from '../events/event-contract';
import { CE_HEADERS, RPC_HEADERS } from '../envelope/kafka-headers';
import { RequestPattern } from '../requests/request-pattern';
import {
  GATEWAY_REPLY_TOPIC,
  RequestHandlingService,
  RequestHandlingServices,
  requestTopicOf,
  TopicSpec,
} from '../topics';
import {
  DEAD_LETTER,
  KAFKA_BINDING_VERSION,
  REPLY,
  REPLY_PROBE,
  requestMessageId,
} from './asyncapi-messages';
import { AsyncApiChannel, AsyncApiOperation } from './asyncapi-types';
import { deadLetterSendersOf, ownerOf, readersOf } from './stream-readers';

/** A topic's channel and the operations of the services that send to it or receive from it. */
export interface TopicEntry {
  readonly channel: AsyncApiChannel;
  readonly operations: Readonly<Record<string, AsyncApiOperation>>;
}

export function domainTopic(topic: TopicSpec, events: readonly EventContract<unknown>[]): TopicEntry {
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

export function deadLetterTopic(topic: TopicSpec, topics: readonly TopicSpec[]): TopicEntry {
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

export function requestTopic(
  topic: TopicSpec,
  requests: readonly RequestPattern<unknown, unknown>[],
): TopicEntry {
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
export function replyTopic(topic: TopicSpec): TopicEntry {
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
