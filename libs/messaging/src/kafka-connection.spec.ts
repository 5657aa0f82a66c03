import { topicReplicationFactor } from './kafka-connection';

describe(topicReplicationFactor.name, () => {
  it('gives a topic one replica per broker of a small cluster', () => {
    expect([1, 2].map(topicReplicationFactor)).toEqual([1, 2]);
  });

  it('gives a topic three replicas on three brokers or more', () => {
    expect([3, 6].map(topicReplicationFactor)).toEqual([3, 3]);
  });
});
