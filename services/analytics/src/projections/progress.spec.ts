import { hasReadAll, partitionKey, PartitionsAtEnd, progressByTopic } from './progress';

const ranges = [
  { topic: 'ic.membership.v1', partition: 0, from: 0, to: 10 },
  { topic: 'ic.membership.v1', partition: 1, from: 5, to: 5 },
  { topic: 'ic.events.v1', partition: 0, from: 2, to: 12 },
];

describe(progressByTopic.name, () => {
  it('counts what the group has read of each range, per topic', () => {
    const committed = new Map([
      [partitionKey('ic.membership.v1', 0), 4],
      [partitionKey('ic.events.v1', 0), 30],
    ]);
    expect(progressByTopic(ranges, committed)).toEqual([
      { topic: 'ic.membership.v1', read: 4, total: 10 },
      { topic: 'ic.events.v1', read: 10, total: 10 },
    ]);
  });
});

describe(hasReadAll.name, () => {
  it('needs every partition read to the end of its range; empty ones need nothing', () => {
    const almost = new Map([
      [partitionKey('ic.membership.v1', 0), 9],
      [partitionKey('ic.events.v1', 0), 12],
    ]);
    expect(hasReadAll(ranges, almost)).toBe(false);
    expect(hasReadAll(ranges, new Map([...almost, [partitionKey('ic.membership.v1', 0), 10]]))).toBe(true);
  });
});

describe(PartitionsAtEnd.name, () => {
  it('says once when the last partition behind reaches its end, again only after one fell behind', () => {
    const partitions = new PartitionsAtEnd();
    expect(partitions.committed('a/0', 0n)).toBe(true);
    expect(partitions.committed('a/1', 0n)).toBe(false);
    expect(partitions.committed('b/0', 800n)).toBe(false);
    expect(partitions.committed('b/1', 5n)).toBe(false);
    expect(partitions.committed('b/0', 0n)).toBe(false);
    expect(partitions.committed('b/1', 0n)).toBe(true);
    expect(partitions.committed('b/1', 0n)).toBe(false);
    expect(partitions.committed('b/1', 3n)).toBe(false);
    expect(partitions.committed('b/1', 0n)).toBe(true);
  });

  it('starts afresh after a rebalance', () => {
    const partitions = new PartitionsAtEnd();
    expect(partitions.committed('a/0', 0n)).toBe(true);
    partitions.clear();
    expect(partitions.committed('a/0', 0n)).toBe(true);
  });
});
