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
    parseProperties(
      kafkaServerProperties({
        nodeId: 1,
        port: 19092,
        controllerPort: 19093,
        voters: [19093],
        dataDir: '/data/kafka',
      }),
    );
  const nodeOfThree = () =>
    parseProperties(
      kafkaServerProperties({
        nodeId: 2,
        port: 29294,
        controllerPort: 29295,
        voters: [29293, 29295, 29297],
        dataDir: '/data/kafka-node-2',
      }),
    );

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

    expect(properties.get('min.insync.replicas')).toBe('1');
    expect(properties.get('log.dirs')).toBe('/data/kafka');
    expect(properties.get('offsets.topic.replication.factor')).toBe('1');
    expect(properties.get('transaction.state.log.replication.factor')).toBe('1');
    expect(properties.get('transaction.state.log.min.isr')).toBe('1');
  });

  it('makes three nodes one KRaft quorum, each node with its own id', () => {
    const properties = nodeOfThree();

    expect(properties.get('node.id')).toBe('2');
    expect(properties.get('controller.quorum.voters')).toBe(
      '1@127.0.0.1:29293,2@127.0.0.1:29295,3@127.0.0.1:29297',
    );
    expect(properties.get('listeners')).toBe('PLAINTEXT://127.0.0.1:29294,CONTROLLER://127.0.0.1:29295');
  });

  it('replicates every topic of three nodes three times and takes a write once two nodes have it', () => {
    const properties = nodeOfThree();

    expect(properties.get('default.replication.factor')).toBe('3');
    expect(properties.get('min.insync.replicas')).toBe('2');
    expect(properties.get('offsets.topic.replication.factor')).toBe('3');
    expect(properties.get('transaction.state.log.replication.factor')).toBe('3');
    expect(properties.get('transaction.state.log.min.isr')).toBe('2');
  });

  it('takes clients only with SASL PLAIN when given a user', () => {
    const properties = parseProperties(
      kafkaServerProperties({
        nodeId: 1,
        port: 19512,
        controllerPort: 19513,
        voters: [19513],
        dataDir: '/data/kafka',
        saslPlainUser: { username: 'ic', password: 'secret' },
      }),
    );

    expect(properties.get('listeners')).toBe('SASL_PLAINTEXT://127.0.0.1:19512,CONTROLLER://127.0.0.1:19513');
    expect(properties.get('sasl.enabled.mechanisms')).toBe('PLAIN');
    expect(properties.get('listener.name.sasl_plaintext.plain.sasl.jaas.config')).toContain(
      'user_ic="secret"',
    );
  });
});
