import { mock } from 'jest-mock-extended';
import { Consumer, EachMessagePayload } from 'kafkajs';
import { PartitionWorkers, PartitionWorkersOptions } from './partition-workers';

/** Just enough of a kafkajs consumer to drive the workers by hand. */
class FakeConsumer {
  readonly events = { GROUP_JOIN: 'consumer.group_join' } as const;
  readonly commits: { topic: string; partition: number; offset: string }[][] = [];
  readonly paused: number[] = [];
  readonly resumed: number[] = [];
  eachMessage?: (payload: EachMessagePayload) => Promise<void>;
  private joinListener?: (event: { payload: { memberAssignment: Record<string, number[]> } }) => void;

  on(_event: string, listener: FakeConsumer['joinListener']) {
    this.joinListener = listener;
  }
  run({ eachMessage }: { eachMessage: FakeConsumer['eachMessage'] }) {
    this.eachMessage = eachMessage;
    return Promise.resolve();
  }
  pause(topics: { partitions: number[] }[]) {
    this.paused.push(...topics.flatMap((t) => t.partitions));
  }
  resume(topics: { partitions: number[] }[]) {
    this.resumed.push(...topics.flatMap((t) => t.partitions));
  }
  commitOffsets(offsets: { topic: string; partition: number; offset: string }[]) {
    this.commits.push(offsets);
    return Promise.resolve();
  }
  rebalance(memberAssignment: Record<string, number[]>) {
    this.joinListener?.({ payload: { memberAssignment } });
  }
  deliver(partition: number, offset: number) {
    return this.eachMessage!({
      topic: 't',
      partition,
      message: { offset: String(offset), key: null, value: null, timestamp: '0', attributes: 0, headers: {} },
      heartbeat: () => Promise.resolve(),
      pause: () => () => undefined,
    });
  }
  /** The calls PartitionWorkers makes, as a typed kafkajs Consumer. */
  asConsumer(): Consumer {
    return mock<Consumer>({
      events: this.events,
      // kafkajs overloads `on` once per instrumentation event; PartitionWorkers listens to one of them.
      on: ((event: string, listener: NonNullable<FakeConsumer['joinListener']>) => {
        this.on(event, listener);
        return () => undefined;
      }) as Consumer['on'],
      run: (config) => this.run({ eachMessage: config?.eachMessage }),
      pause: (topics) => this.pause(topics.map((topic) => ({ partitions: topic.partitions ?? [] }))),
      resume: (topics) => this.resume(topics.map((topic) => ({ partitions: topic.partitions ?? [] }))),
      commitOffsets: (offsets) => this.commitOffsets(offsets),
    });
  }
  lastCommitted(partition: number): string | undefined {
    return this.commits
      .flat()
      .filter((c) => c.partition === partition)
      .at(-1)?.offset;
  }
}

/** Handlers that finish only when the test says so. */
class ControlledHandler {
  readonly started: string[] = [];
  private readonly finishers = new Map<string, () => void>();

  handle = (payload: EachMessagePayload): Promise<void> => {
    const id = `${payload.partition}@${payload.message.offset}`;
    this.started.push(id);
    return new Promise((resolve) => this.finishers.set(id, resolve));
  };

  finish(partition: number, offset: number) {
    this.finishers.get(`${partition}@${offset}`)!();
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

async function newWorkers(options: Partial<PartitionWorkersOptions> = {}) {
  const consumer = new FakeConsumer();
  const handler = new ControlledHandler();
  const sut = new PartitionWorkers(
    consumer.asConsumer(),
    { order: 'ordered', maxPendingPerPartition: 10, retryDelayMs: 1, handle: handler.handle, ...options },
    'test',
  );
  await sut.run();
  return { sut, consumer, handler };
}

describe(PartitionWorkers.name, () => {
  it('keeps taking messages of other partitions while one handler is still busy', async () => {
    const { consumer, handler } = await newWorkers();
    await consumer.deliver(0, 0);
    await consumer.deliver(1, 0);
    await settle();
    expect(handler.started).toEqual(['0@0', '1@0']);
  });

  it('handles one partition in order when ordered', async () => {
    const { consumer, handler } = await newWorkers();
    await consumer.deliver(0, 0);
    await consumer.deliver(0, 1);
    await settle();
    expect(handler.started).toEqual(['0@0']);
    handler.finish(0, 0);
    await settle();
    expect(handler.started).toEqual(['0@0', '0@1']);
  });

  describe('with an ordering key', () => {
    // Offsets 0 and 2 belong to registration A, offset 1 to registration B, 3 to C.
    const registrationOf = (payload: EachMessagePayload) =>
      ['A', 'B', 'A', 'C'][Number(payload.message.offset)];

    it('handles messages of different keys side by side and those of one key in order', async () => {
      const { consumer, handler } = await newWorkers({
        orderingKeyOf: registrationOf,
        maxParallelPerPartition: 4,
      });
      for (const offset of [0, 1, 2]) await consumer.deliver(0, offset);
      await settle();
      expect(handler.started).toEqual(['0@0', '0@1']);
      handler.finish(0, 0);
      await settle();
      expect(handler.started).toEqual(['0@0', '0@1', '0@2']);
    });

    it('handles no more keys at once than allowed, and the waiting one when a place is free', async () => {
      const { consumer, handler } = await newWorkers({
        orderingKeyOf: registrationOf,
        maxParallelPerPartition: 2,
      });
      for (const offset of [0, 1, 3]) await consumer.deliver(0, offset);
      await settle();
      expect(handler.started).toEqual(['0@0', '0@1']);
      handler.finish(0, 1);
      await settle();
      expect(handler.started).toEqual(['0@0', '0@1', '0@3']);
    });

    it('lets a message without a key wait for all before it, and all after it wait for it', async () => {
      const { consumer, handler } = await newWorkers({
        orderingKeyOf: registrationOf,
        maxParallelPerPartition: 4,
      });
      for (const offset of [0, 1, 4, 5]) await consumer.deliver(0, offset);
      await settle();
      expect(handler.started).toEqual(['0@0', '0@1']);
      handler.finish(0, 0);
      handler.finish(0, 1);
      await settle();
      expect(handler.started).toEqual(['0@0', '0@1', '0@4']);
      handler.finish(0, 4);
      await settle();
      expect(handler.started).toEqual(['0@0', '0@1', '0@4', '0@5']);
    });

    it('commits only past messages that are finished, whatever order they finished in', async () => {
      const { sut, consumer, handler } = await newWorkers({
        orderingKeyOf: registrationOf,
        maxParallelPerPartition: 4,
      });
      for (const offset of [0, 1]) await consumer.deliver(0, offset);
      await settle();
      handler.finish(0, 1);
      await settle();
      await sut.drain(50);
      expect(consumer.lastCommitted(0)).toBe('0');
    });
  });

  it('commits only up to the first message not yet finished', async () => {
    const { sut, consumer, handler } = await newWorkers({ order: 'concurrent' });
    for (const offset of [5, 6, 7]) await consumer.deliver(0, offset);
    await settle();
    handler.finish(0, 6);
    handler.finish(0, 7);
    await settle();
    await sut.drain(50);
    expect(consumer.lastCommitted(0)).toBe('5');
    handler.finish(0, 5);
    await settle();
    await sut.drain(50);
    expect(consumer.lastCommitted(0)).toBe('8');
  });

  it('ignores a message it already took when the broker sends it again after a rejoin', async () => {
    const { consumer, handler } = await newWorkers({ order: 'concurrent' });
    await consumer.deliver(0, 3);
    consumer.rebalance({ t: [0] });
    await consumer.deliver(0, 3);
    await settle();
    expect(handler.started).toEqual(['0@3']);
  });

  it('starts afresh on a partition that came back after a rebalance gave it away', async () => {
    const { consumer, handler } = await newWorkers({ order: 'concurrent' });
    await consumer.deliver(0, 3);
    consumer.rebalance({ t: [1] });
    await consumer.deliver(0, 3);
    await settle();
    expect(handler.started).toEqual(['0@3', '0@3']);
  });

  it('pauses a partition with too much pending work and resumes it when it has caught up', async () => {
    const { consumer, handler } = await newWorkers({ order: 'concurrent', maxPendingPerPartition: 2 });
    await consumer.deliver(2, 0);
    await consumer.deliver(2, 1);
    expect(consumer.paused).toEqual([2]);
    handler.finish(2, 0);
    await settle();
    expect(consumer.resumed).toEqual([2]);
  });

  it('retries an ordered message whose handler throws instead of skipping it', async () => {
    let calls = 0;
    const { consumer } = await newWorkers({
      handle: () => (++calls < 3 ? Promise.reject(new Error('mongo down')) : Promise.resolve()),
    });
    await consumer.deliver(0, 0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls).toBe(3);
  });
});
