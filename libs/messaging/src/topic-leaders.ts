import { TopicSpec } from '@ic/contracts';
import { Admin } from 'kafkajs';

const LEADER_WAIT_MS = 30_000;

/**
 * Replicas of a topic we create: three where the cluster has three brokers or more (one may fail, and
 * with the brokers' `min.insync.replicas=2` no acknowledged write is lost), else one per broker. The
 * number is ours because kafkajs speaks CreateTopics v3 at most, where "the broker's default" (-1) is
 * refused.
 */
export function topicReplicationFactor(brokers: number): number {
  return Math.max(1, Math.min(3, brokers));
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
