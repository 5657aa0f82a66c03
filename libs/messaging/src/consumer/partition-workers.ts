import { Logger } from '@nestjs/common';
import { Consumer, EachMessagePayload } from 'kafkajs';

export type PartitionOrder = 'ordered' | 'concurrent';

export interface PartitionWorkersOptions {
  /**
   * `ordered` (domain events): in offset order per partition, or per ordering key when
   * `orderingKeyOf` is given. `concurrent` (requests): as they come.
   */
  readonly order: PartitionOrder;
  /**
   * Narrows `ordered` to the messages that share a key, e.g. one registration's events within an
   * event's partition: messages with different keys may be handled side by side. A message without
   * a key waits for everything before it, and everything after it waits for it.
   */
  readonly orderingKeyOf?: (payload: EachMessagePayload) => string | undefined;
  /** How many ordering keys of one partition are handled at the same time (default 1). */
  readonly maxParallelPerPartition?: number;
  /** Messages accepted but not finished per partition before that partition is paused. */
  readonly maxPendingPerPartition: number;
  readonly handle: (payload: EachMessagePayload) => Promise<void>;
  /** An ordered handler that throws (broker or database unreachable) is retried after this delay. */
  readonly retryDelayMs: number;
}

const COMMIT_DELAY_MS = 200;

/** What is pending on one partition, and how far it may be committed. */
class PartitionState {
  readonly pending = new Set<bigint>();
  highestAccepted = -1n;
  highestFinished = -1n;
  /** The last work queued for each ordering key; the next one with that key waits for it. */
  readonly chains = new Map<string, Promise<void>>();
  /** The last message without an ordering key; every later one waits for it. */
  barrier: Promise<void> = Promise.resolve();
  paused = false;
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly maxParallel: number) {}

  /** Runs the work once one of the partition's parallel places is free. */
  async inPlace(work: () => Promise<void>): Promise<void> {
    if (this.running >= this.maxParallel) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  /** The next offset to consume after a restart: nothing before it is still pending. */
  committable(): bigint {
    return this.pending.size > 0
      ? [...this.pending].reduce((a, b) => (a < b ? a : b))
      : this.highestFinished + 1n;
  }
}

/**
 * Gives every partition a worker of its own. kafkajs fetches again only when every partition of
 * the previous fetch has been handled, so one slow handler would hold up all partitions; here
 * eachMessage only hands the message to its partition's worker and returns.
 *
 * Offsets are committed by hand, only up to the first message not yet finished, so a crash
 * redelivers whatever was still pending (consumers are idempotent). A partition with too much
 * pending work is paused on its own and resumed when it has caught up.
 */
export class PartitionWorkers {
  private readonly logger: Logger;
  private readonly partitions = new Map<string, PartitionState>();
  private commitTimer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly consumer: Consumer,
    private readonly options: PartitionWorkersOptions,
    name: string,
  ) {
    this.logger = new Logger(`PartitionWorkers:${name}`);
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => this.keepOnly(payload.memberAssignment));
  }

  async run(): Promise<void> {
    await this.consumer.run({
      autoCommit: false,
      partitionsConsumedConcurrently: 1,
      eachMessage: (payload) => {
        this.accept(payload);
        return Promise.resolve();
      },
    });
  }

  /** Waits for accepted work to finish (bounded) and commits it; called before disconnecting. */
  async drain(timeoutMs = 5000): Promise<void> {
    this.stopped = true;
    const deadline = Date.now() + timeoutMs;
    while ([...this.partitions.values()].some((state) => state.pending.size > 0) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    clearTimeout(this.commitTimer);
    await this.commit();
  }

  private accept(payload: EachMessagePayload): void {
    const { topic, partition, message } = payload;
    const state = this.stateOf(topic, partition);
    const offset = BigInt(message.offset);
    // After a rejoin kafkajs fetches again from the committed offset; work already accepted is not repeated.
    if (offset <= state.highestAccepted) return;
    state.highestAccepted = offset;
    state.pending.add(offset);

    const work = (): Promise<void> =>
      this.process(payload).finally(() => this.finish(topic, partition, state, offset));
    if (this.options.order === 'ordered') this.queueInOrder(state, payload, work);
    else void work();

    if (state.pending.size >= this.options.maxPendingPerPartition && !state.paused) {
      state.paused = true;
      this.consumer.pause([{ topic, partitions: [partition] }]);
    }
  }

  private queueInOrder(state: PartitionState, payload: EachMessagePayload, work: () => Promise<void>): void {
    const key = this.options.orderingKeyOf?.(payload);
    if (key === undefined) {
      const queued = Promise.all([state.barrier, ...state.chains.values()]).then(() => state.inPlace(work));
      state.barrier = queued;
      state.chains.clear();
      return;
    }
    const queued = Promise.all([state.barrier, state.chains.get(key)]).then(() => state.inPlace(work));
    state.chains.set(key, queued);
    void queued.then(() => {
      if (state.chains.get(key) === queued) state.chains.delete(key);
    });
  }

  private async process(payload: EachMessagePayload): Promise<void> {
    for (;;) {
      if (this.stopped && this.options.order === 'ordered') return;
      try {
        await this.options.handle(payload);
        return;
      } catch (error) {
        const where = `${payload.topic}/${payload.partition}@${payload.message.offset}`;
        const reason = error instanceof Error ? error.message : String(error);
        if (this.options.order === 'concurrent') {
          this.logger.error(`Giving up on ${where}: ${reason}`);
          return;
        }
        // Only infrastructure failures get here (handlers dead-letter their own); hold this partition.
        this.logger.warn(`Retrying ${where} in ${this.options.retryDelayMs} ms: ${reason}`);
        await new Promise((resolve) => setTimeout(resolve, this.options.retryDelayMs));
      }
    }
  }

  private finish(topic: string, partition: number, state: PartitionState, offset: bigint): void {
    state.pending.delete(offset);
    if (offset > state.highestFinished) state.highestFinished = offset;
    if (state.paused && state.pending.size <= this.options.maxPendingPerPartition / 2) {
      state.paused = false;
      this.consumer.resume([{ topic, partitions: [partition] }]);
    }
    this.commitTimer ??= setTimeout(() => {
      this.commitTimer = undefined;
      void this.commit();
    }, COMMIT_DELAY_MS);
  }

  private async commit(): Promise<void> {
    const offsets = [...this.partitions].map(([key, state]) => {
      const [topic, partition] = splitKey(key);
      return { topic, partition, offset: state.committable().toString() };
    });
    if (offsets.length === 0) return;
    try {
      await this.consumer.commitOffsets(offsets);
    } catch (error) {
      // During a rebalance a commit for a partition we no longer own fails; the new owner redoes it.
      this.logger.warn(`Offset commit failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Forgets partitions that a rebalance gave to another member. */
  private keepOnly(assignment: Record<string, number[]>): void {
    for (const key of [...this.partitions.keys()]) {
      const [topic, partition] = splitKey(key);
      if (!assignment[topic]?.includes(partition)) this.partitions.delete(key);
    }
  }

  private stateOf(topic: string, partition: number): PartitionState {
    const key = `${topic}\u0000${partition}`;
    let state = this.partitions.get(key);
    if (!state) {
      state = new PartitionState(this.options.maxParallelPerPartition ?? 1);
      this.partitions.set(key, state);
    }
    return state;
  }
}

function splitKey(key: string): [string, number] {
  const [topic, partition] = key.split('\u0000');
  return [topic, Number(partition)];
}
