import { TopicProgressReply } from '@ic/contracts';

/** A partition's offsets: the first message there is and the end (the offset the next one will get). */
export interface PartitionRange {
  readonly topic: string;
  readonly partition: number;
  readonly from: number;
  readonly to: number;
}

/** A consumer group's committed offsets by `topic/partition`; absent where it has committed nothing. */
export type CommittedOffsets = ReadonlyMap<string, number>;

export function partitionKey(topic: string, partition: number): string {
  return `${topic}/${partition}`;
}

/** Messages of the range the group has read. */
function readIn(range: PartitionRange, committed: CommittedOffsets): number {
  const offset = committed.get(partitionKey(range.topic, range.partition)) ?? range.from;
  return Math.max(0, Math.min(offset, range.to) - range.from);
}

/** Per topic, in the order the ranges come: how much of the ranges the group has read. */
export function progressByTopic(
  ranges: readonly PartitionRange[],
  committed: CommittedOffsets,
): TopicProgressReply[] {
  const topics = new Map<string, { read: number; total: number }>();
  for (const range of ranges) {
    const sums = topics.get(range.topic) ?? { read: 0, total: 0 };
    sums.read += readIn(range, committed);
    sums.total += range.to - range.from;
    topics.set(range.topic, sums);
  }
  return [...topics].map(([topic, sums]) => ({ topic, ...sums }));
}

/** Whether the group has read every range to its end. */
export function hasReadAll(ranges: readonly PartitionRange[], committed: CommittedOffsets): boolean {
  return ranges.every((range) => readIn(range, committed) >= range.to - range.from);
}

export function totalOf(progress: readonly TopicProgressReply[]): { read: number; total: number } {
  return progress.reduce((sum, topic) => ({ read: sum.read + topic.read, total: sum.total + topic.total }), {
    read: 0,
    total: 0,
  });
}

/**
 * How far behind the end of its partition each batch a stream committed was (kafkajs's offset lag
 * of the batch): says when the stream has just read everything it has seen to the end, the moment
 * a rebuild may be done. Partitions it has not fetched from yet are not known; empty ones never come.
 */
export class PartitionsAtEnd {
  private readonly behind = new Set<string>();
  private atEnd = false;

  /** Records a committed batch; true when this batch brought every partition seen to its end. */
  committed(key: string, lag: bigint): boolean {
    if (lag > 0n) this.behind.add(key);
    else this.behind.delete(key);
    const wasAtEnd = this.atEnd;
    this.atEnd = this.behind.size === 0;
    return this.atEnd && !wasAtEnd;
  }

  /** After a rebalance: the partitions and their positions may have changed. */
  clear(): void {
    this.behind.clear();
    this.atEnd = false;
  }
}
