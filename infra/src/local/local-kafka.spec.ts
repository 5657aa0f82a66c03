import { kafkaServerProperties } from './local-kafka';

function parseProperties(text: string): Map<string, string> {
  return new Map(
    text
      .trim()
      .split('\n')
      .map((line) => {
        const separator = line.indexOf('=');
        return [line.slice(0, separator), line.slice(separator + 1)] as const;
      }),
  );
}

describe(kafkaServerProperties.name, () => {
  const sut = () =>
    parseProperties(kafkaServerProperties({ port: 19092, controllerPort: 19093, dataDir: '/data/kafka' }));

  it('runs one node as broker and KRaft controller', () => {
    const properties = sut();

    expect(properties.get('process.roles')).toBe('broker,controller');
    expect(properties.get('node.id')).toBe('1');
    expect(properties.get('controller.quorum.voters')).toBe('1@127.0.0.1:19093');
    expect(properties.get('controller.listener.names')).toBe('CONTROLLER');
  });

  it('binds every listener to 127.0.0.1 and advertises the client port', () => {
    const properties = sut();

    expect(properties.get('listeners')).toBe('PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093');
    expect(properties.get('advertised.listeners')).toBe('PLAINTEXT://127.0.0.1:19092');
  });

  it('turns automatic topic creation off', () => {
    expect(sut().get('auto.create.topics.enable')).toBe('false');
  });

  it('keeps data in the given directory with single-replica internal topics', () => {
    const properties = sut();

    expect(properties.get('log.dirs')).toBe('/data/kafka');
    expect(properties.get('offsets.topic.replication.factor')).toBe('1');
    expect(properties.get('transaction.state.log.replication.factor')).toBe('1');
    expect(properties.get('transaction.state.log.min.isr')).toBe('1');
  });
});
