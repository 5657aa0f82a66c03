import { TopicSpec } from '@ic/contracts';
import { Logger } from '@nestjs/common';
import { Admin, ConfigResourceTypes } from 'kafkajs';

const LEADER_WAIT_MS = 30_000;
/** How long a topic creation waits for enough brokers to place every replica. */
const BROKER_WAIT_MS = 60_000;
const DEFAULT_REPLICATION_FACTOR = 'default.replication.factor';

/**
 * Replicas of a topic we create: the cluster's own default (its brokers' `default.replication.factor`,
 * which the local three-node cluster sets to 3), and three at least where three brokers or more are
 * available (one may fail, and with the brokers' `min.insync.replicas=2` no acknowledged write is
 * lost), else one per broker. The number is ours because kafkajs speaks CreateTopics v3 at most, where
 * "the broker's default" (-1) is refused.
 */
export function topicReplicationFactor(availableBrokers: number, clusterDefault = 1): number {
  return Math.max(clusterDefault, Math.min(3, availableBrokers));
}

/**
 * Creates the topics with the replication factor above. Where the cluster's default asks for more
 * replicas than brokers are available right now (one restarting, or fenced for a missed heartbeat),
 * it waits for them instead: a topic created with fewer replicas would keep them, and with
 * `min.insync.replicas=2` a topic of two replicas refuses every write once one node is lost.
 */
export async function createReplicatedTopics(
  admin: Admin,
  topics: readonly TopicSpec[],
  logger: Logger,
): Promise<void> {
  const deadline = Date.now() + BROKER_WAIT_MS;
  const clusterDefault = await clusterDefaultReplicationFactor(admin);
  let waitingLogged = false;
  for (;;) {
    const { brokers } = await admin.describeCluster();
    const replicationFactor = topicReplicationFactor(brokers.length, clusterDefault);
    if (brokers.length >= replicationFactor) {
      try {
        await createTopics(admin, topics, replicationFactor);
        logger.log(
          `Created topics (replication factor ${replicationFactor}): ${topics.map((spec) => spec.name).join(', ')}`,
        );
        return;
      } catch (error) {
        // Another instance may have created them between our list and create; that is fine.
        if (error instanceof Error && /already exists/i.test(error.message)) return;
        // A broker counted above dropped out before the controller placed the replicas.
        if (!isInvalidReplicationFactor(error)) throw error;
      }
    }
    const shortage = `Kafka has ${brokers.length} brokers available, the topics need ${replicationFactor} replicas`;
    if (Date.now() > deadline) throw new Error(`${shortage}; gave up after ${BROKER_WAIT_MS / 1000} s`);
    if (!waitingLogged) logger.warn(`${shortage}; waiting for more before creating topics`);
    waitingLogged = true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function createTopics(
  admin: Admin,
  topics: readonly TopicSpec[],
  replicationFactor: number,
): Promise<void> {
  await admin.createTopics({
    // The caller waits with waitForLeaders: kafkajs's own wait gives up when a broker of several has
    // not heard of the new topic yet ("This server does not host this topic-partition").
    waitForLeaders: false,
    topics: topics.map((spec) => ({
      topic: spec.name,
      numPartitions: spec.partitions,
      replicationFactor,
      configEntries: Object.entries(spec.config).map(([name, value]) => ({ name, value })),
    })),
  });
}

/** The broker's `default.replication.factor`; undefined where the cluster does not let us read it. */
async function clusterDefaultReplicationFactor(admin: Admin): Promise<number | undefined> {
  try {
    const brokerId = (await admin.describeCluster()).brokers[0]?.nodeId;
    if (brokerId === undefined) return undefined;
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [
        {
          type: ConfigResourceTypes.BROKER,
          name: String(brokerId),
          configNames: [DEFAULT_REPLICATION_FACTOR],
        },
      ],
    });
    const value = Number(
      resources[0]?.configEntries.find((entry) => entry.configName === DEFAULT_REPLICATION_FACTOR)
        ?.configValue,
    );
    return Number.isInteger(value) && value > 0 ? value : undefined;
  } catch {
    // A managed cluster may refuse DescribeConfigs to a client; the broker count decides then.
    return undefined;
  }
}

/** kafkajs reports a topic's refusal as one error of an aggregate, each with the broker's error type. */
function isInvalidReplicationFactor(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { errors = [error] } = error as Error & { errors?: readonly unknown[] };
  return errors.some((each) => (each as { type?: unknown }).type === 'INVALID_REPLICATION_FACTOR');
}

/**
 * Waits until every topic of the catalog has its partitions, each with a leader, and the leaders of
 * the topics just created answer for them: right after creating a topic the metadata may name a
 * leader that does not serve the partition yet, and a read of its offsets then fails with
 * NOT_LEADER_FOR_PARTITION (the bench's first run on a fresh broker ended so).
 */
export async function waitForLeaders(
  admin: Admin,
  specs: readonly TopicSpec[],
  created: readonly string[] = [],
): Promise<void> {
  const deadline = Date.now() + LEADER_WAIT_MS;
  for (;;) {
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: specs.map((spec) => spec.name) });
      assertPartitionCounts(specs, topics);
      const led = topics.every(
        (topic) => topic.partitions.length > 0 && topic.partitions.every((p) => p.leader >= 0),
      );
      if (led) {
        await Promise.all(created.map((topic) => admin.fetchTopicOffsets(topic)));
        return;
      }
    } catch (error) {
      if (error instanceof TopicMismatchError || Date.now() > deadline) throw error;
    }
    if (Date.now() > deadline) throw new Error('Kafka topics have no partition leaders after 30 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

class TopicMismatchError extends Error {}

function assertPartitionCounts(
  specs: readonly TopicSpec[],
  topics: readonly { name: string; partitions: readonly unknown[] }[],
): void {
  const partitionsByTopic = new Map(topics.map((topic) => [topic.name, topic.partitions.length]));
  const mismatches = specs
    .filter((spec) => (partitionsByTopic.get(spec.name) ?? spec.partitions) !== spec.partitions)
    .map(
      (spec) =>
        `${spec.name} has ${partitionsByTopic.get(spec.name)} partitions, the catalog says ${spec.partitions}`,
    );
  if (mismatches.length > 0)
    throw new TopicMismatchError(`Topics differ from the catalog: ${mismatches.join('; ')}`);
}
