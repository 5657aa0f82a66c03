import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Kafka, logLevel } from 'kafkajs';
import { domainTopicNames, RawMessage } from './stream-conformance';

/**
 * Where each domain topic ended before the end-to-end tests began. Integration tests share the
 * broker and put deliberate poison on domain topics (to test dead-lettering), so the conformance
 * check looks only at what came after: the messages the platform produced during the e2e tests.
 * `npm test` writes the file and names it in IC_CONFORMANCE_POSITIONS; without it every message counts.
 */
export const CONFORMANCE_POSITIONS_VARIABLE = 'IC_CONFORMANCE_POSITIONS';

type Positions = Record<string, string>;

export async function recordStreamPositions(brokers: readonly string[], file: string): Promise<void> {
  const admin = new Kafka({
    clientId: 'stream-positions',
    brokers: [...brokers],
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    const positions: Positions = {};
    for (const topic of domainTopicNames()) {
      for (const { partition, high } of await admin.fetchTopicOffsets(topic)) {
        positions[`${topic}/${partition}`] = high;
      }
    }
    writeFileSync(file, `${JSON.stringify(positions, null, 2)}\n`);
  } finally {
    await admin.disconnect();
  }
}

/** Keeps the messages at or after the recorded positions; all of them when no file is named. */
export function sinceRecordedPositions(messages: readonly RawMessage[], file?: string): RawMessage[] {
  if (!file || !existsSync(file)) return [...messages];
  const positions = JSON.parse(readFileSync(file, 'utf8')) as Positions;
  return messages.filter(
    (message) => BigInt(message.offset) >= BigInt(positions[`${message.topic}/${message.partition}`] ?? '0'),
  );
}
