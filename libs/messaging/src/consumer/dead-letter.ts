import {
  CE_HEADERS,
  DeadLetterReason,
  DeadLetterReasons,
  deadLetterTopicOf,
  DLT_HEADERS,
  REDELIVERY_HEADERS,
} from '@ic/contracts';
import { metricsRegistry } from '@ic/platform';
import { KafkaMessage } from 'kafkajs';
import { Counter } from 'prom-client';
import { headerText } from '../cloud-event';
import { KafkaConnection, OutgoingMessage } from '../kafka-connection';

export interface DeadLetter {
  readonly topic: string;
  readonly partition: number;
  readonly message: KafkaMessage;
  readonly reason: DeadLetterReason;
  readonly error: string;
  readonly attempts: number;
  /** The consumer group that gave up on it. */
  readonly group: string;
}

export const deadLetteredMessages = new Counter({
  name: 'ic_dead_lettered_messages_total',
  help: 'Messages sent to <topic>.dlt, by the topic they came from, the reason and the consumer group that gave up',
  labelNames: ['topic', 'reason', 'group'] as const,
  registers: [metricsRegistry],
});

/**
 * Sends a message to `<topic>.dlt` unchanged (key, value, headers) with the reason and where it
 * came from in DLT headers, so that it can be inspected and replayed.
 */
export async function sendToDeadLetterTopic(kafka: KafkaConnection, letter: DeadLetter): Promise<void> {
  const { topic, partition, message } = letter;
  const headers: Record<string, string> = {};
  for (const name of Object.keys(message.headers ?? {})) {
    const value = headerText(message.headers, name);
    if (value !== undefined) headers[name] = value;
  }
  await kafka.send(deadLetterTopicOf(topic), [
    {
      key: message.key,
      value: message.value,
      headers: {
        ...headers,
        [DLT_HEADERS.reason]: letter.reason,
        [DLT_HEADERS.error]: letter.error.slice(0, 2000),
        [DLT_HEADERS.attempts]: String(letter.attempts),
        [DLT_HEADERS.topic]: topic,
        [DLT_HEADERS.partition]: String(partition),
        [DLT_HEADERS.offset]: message.offset,
        [DLT_HEADERS.group]: letter.group,
        [DLT_HEADERS.failedAt]: new Date().toISOString(),
      },
    },
  ]);
  deadLetteredMessages.inc({ topic, reason: letter.reason, group: letter.group });
}

/** A message read back from a `<topic>.dlt`: where it is, what the DLT headers say, and the message as it came. */
export interface ReadDeadLetter {
  /** `<topic>.dlt:<partition>:<offset>`: its place in the dead-letter topic, unique and stable. */
  readonly id: string;
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly reason: DeadLetterReason;
  readonly error: string;
  readonly attempts: number;
  readonly group: string;
  readonly failedAt: Date;
  readonly eventId?: string;
  readonly eventType?: string;
  readonly key: string | null;
  readonly value: Buffer | null;
  /** The message's own headers, without the DLT headers. */
  readonly headers: Readonly<Record<string, string>>;
}

const DEAD_LETTER_HEADER_NAMES: ReadonlySet<string> = new Set([
  ...Object.values(DLT_HEADERS),
  ...Object.values(REDELIVERY_HEADERS),
]);

/**
 * Reads a message of a dead-letter topic. Undefined for one without the group and original topic
 * (written before they were recorded): it cannot be sent back to anyone.
 */
export function readDeadLetter(
  deadLetterTopic: string,
  partition: number,
  message: KafkaMessage,
): ReadDeadLetter | undefined {
  const header = (name: string) => headerText(message.headers, name);
  const topic = header(DLT_HEADERS.topic);
  const group = header(DLT_HEADERS.group);
  if (!topic || !group) return undefined;
  const reason = header(DLT_HEADERS.reason);
  const failedAt = new Date(header(DLT_HEADERS.failedAt) ?? Number(message.timestamp));
  const headers: Record<string, string> = {};
  for (const name of Object.keys(message.headers ?? {})) {
    const value = header(name);
    if (value !== undefined && !DEAD_LETTER_HEADER_NAMES.has(name)) headers[name] = value;
  }
  const eventId = header(CE_HEADERS.id);
  const eventType = header(CE_HEADERS.type);
  return {
    id: `${deadLetterTopic}:${partition}:${message.offset}`,
    topic,
    partition: Number(header(DLT_HEADERS.partition) ?? 0),
    offset: header(DLT_HEADERS.offset) ?? '',
    reason: DeadLetterReasons.find((known) => known === reason) ?? 'handler-failed',
    error: header(DLT_HEADERS.error) ?? '',
    attempts: Number(header(DLT_HEADERS.attempts) ?? 0),
    group,
    failedAt: Number.isNaN(failedAt.getTime()) ? new Date(0) : failedAt,
    ...(eventId ? { eventId } : {}),
    ...(eventType ? { eventType } : {}),
    key: message.key ? message.key.toString('utf8') : null,
    value: message.value,
    headers,
  };
}

/**
 * The message that sends a dead letter back to its topic: as it came (key, so the same partition
 * and order as its aggregate's later events; body; headers), addressed to the one group that gave
 * up on it (EventConsumer: the others skip it).
 */
export function redeliveryOf(
  letter: Pick<ReadDeadLetter, 'id' | 'group' | 'key' | 'value' | 'headers'>,
): OutgoingMessage {
  return {
    key: letter.key,
    value: letter.value,
    headers: {
      ...letter.headers,
      [REDELIVERY_HEADERS.deadLetterId]: letter.id,
      [REDELIVERY_HEADERS.group]: letter.group,
    },
  };
}
