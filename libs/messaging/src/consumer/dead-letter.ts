import { DeadLetterReason, deadLetterTopicOf, DLT_HEADERS } from '@ic/contracts';
import { metricsRegistry } from '@ic/platform';
import { KafkaMessage } from 'kafkajs';
import { Counter } from 'prom-client';
import { headerText } from '../cloud-event';
import { KafkaConnection } from '../kafka-connection';

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
