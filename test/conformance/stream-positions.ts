import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Admin, Kafka, logLevel } from 'kafkajs';
import { ServiceNames } from '@ic/contracts';
import { eventually } from '../support/eventually';
import { moveGroupToTopicEnds } from '../support/kafka-probe';
import { domainTopicNames, RawMessage } from './stream-conformance';

/**
 * Where each domain topic ended before the end-to-end tests began. Integration tests share the
 * broker and put deliberate poison on domain topics (to test dead-lettering), so the conformance
 * check looks only at what came after: the messages the platform produced during the e2e tests.
 * `npm test` writes the file and names it in IC_CONFORMANCE_POSITIONS; without it every message counts.
 */
export const CONFORMANCE_POSITIONS_VARIABLE = 'IC_CONFORMANCE_POSITIONS';

type Positions = Record<string, string>;

/** A short-lived admin client for the work of one step of `npm test`. */
async function withAdmin(brokers: readonly string[], work: (admin: Admin) => Promise<void>): Promise<void> {
  const admin = new Kafka({
    clientId: 'stream-positions',
    brokers: [...brokers],
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    await work(admin);
  } finally {
    await admin.disconnect();
  }
}

export function recordStreamPositions(brokers: readonly string[], file: string): Promise<void> {
  return withAdmin(brokers, async (admin) => {
    const positions: Positions = {};
    for (const topic of domainTopicNames()) {
      for (const { partition, high } of await admin.fetchTopicOffsets(topic)) {
        positions[`${topic}/${partition}`] = high;
      }
    }
    writeFileSync(file, `${JSON.stringify(positions, null, 2)}\n`);
  });
}

export interface SkipLeftoversOptions {
  /**
   * Leave a group that has running instances (services someone else runs on a shared broker)
   * instead of waiting for it to empty. Without it, a group still holding an instance killed by the
   * last test is retried until its session has run out.
   */
  readonly leaveBusyGroups?: boolean;
}

/**
 * Moves every consumer group of the platform's services to the end of the topics it has read, so that
 * the services the e2e tests start do not first work through what the integration tests left on the
 * shared broker (thousands of made-up registrations would hold up the e2e's mails for minutes).
 * Returns the groups it left busy.
 */
export async function skipLeftoversOfEarlierTests(
  brokers: readonly string[],
  options: SkipLeftoversOptions = {},
): Promise<string[]> {
  const busy: string[] = [];
  await withAdmin(brokers, async (admin) => {
    const { groups } = await admin.listGroups();
    const serviceGroups = groups
      .map(({ groupId }) => groupId)
      .filter((groupId) => ServiceNames.some((service) => groupId.startsWith(`${service}.`)));
    for (const groupId of serviceGroups) {
      if (options.leaveBusyGroups) {
        const [group] = (await admin.describeGroups([groupId])).groups;
        if (group && group.members.length > 0) {
          busy.push(groupId);
          continue;
        }
      }
      const topics = (await admin.fetchOffsets({ groupId })).map(({ topic }) => topic);
      await eventually(() => moveGroupToTopicEnds(admin, groupId, topics), 45_000, 1000);
    }
  });
  return busy;
}

/** Keeps the messages at or after the recorded positions; all of them when no file is named. */
export function sinceRecordedPositions(messages: readonly RawMessage[], file?: string): RawMessage[] {
  if (!file || !existsSync(file)) return [...messages];
  const positions = JSON.parse(readFileSync(file, 'utf8')) as Positions;
  return messages.filter(
    (message) => BigInt(message.offset) >= BigInt(positions[`${message.topic}/${message.partition}`] ?? '0'),
  );
}
