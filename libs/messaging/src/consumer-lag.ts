import { CachedValue, describe, metricsRegistry, SCRAPE_CACHE_MS } from '@ic/platform';
import { Logger } from '@nestjs/common';
import type { Admin } from 'kafkajs';
import { Gauge } from 'prom-client';

/** How far one consumer group is behind on one partition. */
export interface PartitionLag {
  readonly group: string;
  readonly topic: string;
  readonly partition: number;
  readonly lag: number;
}

/** The consumer groups of this process and the topics each subscribed to. */
export type GroupSubscriptions = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * Lag per group and partition: the topic's end offset minus the group's committed offset (the next
 * message it will read). A partition where the group has committed nothing yet has no figure: a
 * group that starts at the end (requests, replies) would otherwise show the whole topic as lag.
 */
export function lagOf(
  group: string,
  ends: ReadonlyMap<string, ReadonlyMap<number, number>>,
  committed: readonly { topic: string; partitions: readonly { partition: number; offset: string }[] }[],
): PartitionLag[] {
  return committed.flatMap(({ topic, partitions }) =>
    partitions.flatMap(({ partition, offset }) => {
      const end = ends.get(topic)?.get(partition);
      const position = Number(offset);
      if (end === undefined || position < 0) return [];
      return [{ group, topic, partition, lag: Math.max(0, end - position) }];
    }),
  );
}

/** Reads the lag of every group of one Kafka connection: one offset fetch per topic and per group. */
export async function readConsumerLag(admin: Admin, groups: GroupSubscriptions): Promise<PartitionLag[]> {
  const topics = new Set([...groups.values()].flatMap((subscribed) => [...subscribed]));
  const ends = new Map<string, Map<number, number>>();
  for (const topic of topics) {
    const offsets = await admin.fetchTopicOffsets(topic);
    ends.set(topic, new Map(offsets.map(({ partition, high }) => [partition, Number(high)])));
  }
  const lags: PartitionLag[] = [];
  for (const [group, subscribed] of groups) {
    const committed = await admin.fetchOffsets({ groupId: group, topics: [...subscribed] });
    lags.push(...lagOf(group, ends, committed));
  }
  return lags;
}

/** A Kafka connection as the lag gauge reads it. */
export interface LagSource {
  readonly subscriptions: GroupSubscriptions;
  withAdmin<T>(work: (admin: Admin) => Promise<T>): Promise<T>;
}

const logger = new Logger('ConsumerLag');
const sources = new Map<LagSource, CachedValue<PartitionLag[]>>();

/**
 * `ic_kafka_consumer_lag`: computed on scrape from the committed and the end offsets (not from the
 * consumers' own fetches, so a consumer that is stuck shows its lag growing), at most every few seconds.
 */
new Gauge({
  name: 'ic_kafka_consumer_lag',
  help: 'Messages a consumer group of this service has not yet committed, by group, topic and partition',
  labelNames: ['group', 'topic', 'partition'] as const,
  registers: [metricsRegistry],
  async collect() {
    this.reset();
    for (const [source, lags] of sources) {
      if (source.subscriptions.size === 0) continue;
      try {
        for (const { group, topic, partition, lag } of await lags.get())
          this.set({ group, topic, partition: String(partition) }, lag);
      } catch (error) {
        // The scrape still answers with the other metrics; the lag's series are missing meanwhile.
        logger.warn(`Could not read the consumer lag: ${describe(error)}`);
      }
    }
  },
});

/** Publishes the lag of a connection's consumer groups until `unwatchConsumerLag`. */
export function watchConsumerLag(source: LagSource): void {
  sources.set(
    source,
    new CachedValue(
      () => source.withAdmin((admin) => readConsumerLag(admin, source.subscriptions)),
      SCRAPE_CACHE_MS,
    ),
  );
}

export function unwatchConsumerLag(source: LagSource): void {
  sources.delete(source);
}
