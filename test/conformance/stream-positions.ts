import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Admin, Kafka, logLevel } from 'kafkajs';
import { readersOf, ServiceName, ServiceNames } from '@ic/contracts';
import { eventually } from '../support/eventually';
import {
  DEAD_LETTER_INDEX_GROUP,
  INDEXED_DEAD_LETTER_TOPICS,
} from '../../services/notifications/src/dead-letters/dead-letter-index';
import { moveGroupToTopicEnds } from '../support/kafka-probe';
import { domainTopicNames, RawMessage } from './stream-conformance';

/**
 * Where each domain topic ended, on each Kafka cluster the end-to-end and browser tests use, before
 * they began. Integration tests leave what they produced on those clusters (including deliberate poison,
 * to test dead-lettering), so the conformance check looks only at what came after: the messages the
 * platforms produced during the e2e and browser tests. `npm test` writes the file and names it in
 * IC_CONFORMANCE_POSITIONS; without it the check reads KAFKA_BROKERS and every message counts.
 */
export const CONFORMANCE_POSITIONS_VARIABLE = 'IC_CONFORMANCE_POSITIONS';

type Positions = Record<string, string>;

/** The recorded positions by cluster (its bootstrap servers, comma-separated). */
type ClusterPositions = Record<string, Positions>;

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

export async function recordStreamPositions(clusters: readonly string[], file: string): Promise<void> {
  const recorded: ClusterPositions = {};
  for (const cluster of clusters) {
    await withAdmin(cluster.split(','), async (admin) => {
      const positions: Positions = {};
      for (const topic of domainTopicNames()) {
        for (const { partition, high } of await admin.fetchTopicOffsets(topic)) {
          positions[`${topic}/${partition}`] = high;
        }
      }
      recorded[cluster] = positions;
    });
  }
  writeFileSync(file, `${JSON.stringify(recorded, null, 2)}\n`);
}

/** The clusters whose positions the file holds, or undefined when no file is named. */
export function recordedClusters(file?: string): string[] | undefined {
  if (!file || !existsSync(file)) return undefined;
  return Object.keys(JSON.parse(readFileSync(file, 'utf8')) as ClusterPositions);
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
 * The groups in which the platform's services read topics from their beginning when the group is new:
 * each reader's `<service>.events` on the domain topics the AsyncAPI document names it a reader of,
 * and the notifications' dead-letter index on the dead-letter topics. On a broker the integration
 * tests used, a new one would first work through all they left there (on 2026-12-07 a browser shard's
 * notifications service announced made-up events to 2,300 members for ten minutes). The gateway's
 * instances read from the end, and analytics in groups named after its database (its replay).
 */
function groupsReadingFromTheBeginning(): { groupId: string; topics: string[] }[] {
  const topicsByGroup = new Map<string, string[]>();
  const inItsEventsGroup = (service: ServiceName) => service !== 'gateway' && service !== 'analytics';
  for (const topic of domainTopicNames()) {
    for (const reader of readersOf(topic).filter(inItsEventsGroup)) {
      const groupId = `${reader}.events`;
      topicsByGroup.set(groupId, [...(topicsByGroup.get(groupId) ?? []), topic]);
    }
  }
  return [
    ...[...topicsByGroup].map(([groupId, topics]) => ({ groupId, topics })),
    { groupId: DEAD_LETTER_INDEX_GROUP, topics: [...INDEXED_DEAD_LETTER_TOPICS] },
  ];
}

/**
 * Moves every consumer group of the platform's services to the end of the topics it has read, so that
 * the services the e2e tests start do not first work through what the integration tests left on the
 * shared broker (thousands of made-up registrations would hold up the e2e's mails for minutes). The
 * groups that read from the beginning and do not exist yet are made at the topics' ends for the same
 * reason. Returns the groups it left busy.
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
    const topicsThere = new Set(await admin.listTopics());
    const newGroups = groupsReadingFromTheBeginning()
      .filter(({ groupId }) => !serviceGroups.includes(groupId))
      .map(({ groupId, topics }) => ({ groupId, topics: topics.filter((topic) => topicsThere.has(topic)) }));
    const moveToEnds = (groupId: string, topics: string[]) =>
      eventually(() => moveGroupToTopicEnds(admin, groupId, topics), 45_000, 1000);
    // All groups at once: kafkajs moves a group by running a consumer in it, some seconds per topic.
    await Promise.all([
      ...serviceGroups.map(async (groupId) => {
        if (options.leaveBusyGroups) {
          const [group] = (await admin.describeGroups([groupId])).groups;
          if (group && group.members.length > 0) {
            busy.push(groupId);
            return;
          }
        }
        await moveToEnds(
          groupId,
          (await admin.fetchOffsets({ groupId })).map(({ topic }) => topic),
        );
      }),
      ...newGroups.map(({ groupId, topics }) => moveToEnds(groupId, topics)),
    ]);
  });
  return busy;
}

/** Keeps the messages of the cluster at or after the recorded positions; all of them when no file is named. */
export function sinceRecordedPositions(
  messages: readonly RawMessage[],
  cluster: string,
  file?: string,
): RawMessage[] {
  if (!file || !existsSync(file)) return [...messages];
  const positions = (JSON.parse(readFileSync(file, 'utf8')) as ClusterPositions)[cluster] ?? {};
  return messages.filter(
    (message) => BigInt(message.offset) >= BigInt(positions[`${message.topic}/${message.partition}`] ?? '0'),
  );
}
