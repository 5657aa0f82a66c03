import { topicReplicationFactor } from './topic-creation';

describe(topicReplicationFactor.name, () => {
  it('gives a topic one replica per broker of a small cluster', () => {
    expect([1, 2].map((brokers) => topicReplicationFactor(brokers))).toEqual([1, 2]);
  });

  it('gives a topic three replicas on three brokers or more', () => {
    expect([3, 6].map((brokers) => topicReplicationFactor(brokers))).toEqual([3, 3]);
  });

  it("keeps the cluster's default, even while fewer brokers are available", () => {
    expect(topicReplicationFactor(2, 3)).toBe(3);
    expect(topicReplicationFactor(6, 5)).toBe(5);
  });
});
