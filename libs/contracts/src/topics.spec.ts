import { DomainTopics, platformTopicCatalog } from './topics';

describe(platformTopicCatalog.name, () => {
  const catalog = platformTopicCatalog();

  it('names every topic once', () => {
    const names = catalog.map((topic) => topic.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('gives domain topics at least 3 partitions and keeps them forever', () => {
    for (const name of Object.values(DomainTopics)) {
      const topic = catalog.find((spec) => spec.name === name);
      expect(topic?.partitions).toBeGreaterThanOrEqual(3);
      expect(topic?.config['retention.ms']).toBe('-1');
    }
  });

  it('has a dead-letter topic for every domain and request topic', () => {
    const names = new Set(catalog.map((topic) => topic.name));
    for (const topic of catalog.filter((spec) => spec.kind === 'domain' || spec.kind === 'request')) {
      expect(names).toContain(`${topic.name}.dlt`);
    }
  });

  it('keeps requests and replies only briefly', () => {
    for (const topic of catalog.filter((spec) => spec.kind === 'request' || spec.kind === 'reply')) {
      expect(Number(topic.config['retention.ms'])).toBeGreaterThan(0);
    }
  });
});
