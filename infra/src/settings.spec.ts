import { kafkaBootstrapServers, resolveInfraSettings, type InfraSettings } from './settings';

const portsOf = (settings: InfraSettings) =>
  settings.kafka.map((cluster) => cluster.nodes.map((node) => [node.port.port, node.controllerPort.port]));

describe(resolveInfraSettings.name, () => {
  it('gives the test profile ports of its own', () => {
    const sut = resolveInfraSettings('test', {});

    expect(portsOf(sut)).toEqual([[[19092, 19093]], [[19094, 19095]], [[19096, 19097]], [[19098, 19099]]]);
    expect(sut.mongo.port.port).toBe(37017);
    expect(sut.mailSink.smtpPort.port).toBe(12025);
    expect(sut.mailSink.webPort.port).toBe(18025);
    expect(sut.keepsData).toBe(false);
    expect(sut.stateDir).toMatch(/\.cache\/infra\/test$/);
  });

  it('takes ports from the environment; the controller follows the broker', () => {
    const sut = resolveInfraSettings('dev', {
      IC_KAFKA_PORT: '29092',
      IC_MONGO_PORT: '28017',
      IC_CACHE_DIR: '/tmp/ic',
    });

    expect(portsOf(sut)).toEqual([[[29092, 29093]]]);
    expect(sut.mongo.port.port).toBe(28017);
    expect(sut.cacheDir).toBe('/tmp/ic');
    expect(sut.keepsData).toBe(true);
  });

  it('starts as many Kafka clusters for the test workers as IC_TEST_KAFKA_CLUSTERS says, each on the next two ports', () => {
    const sut = resolveInfraSettings('test', { IC_TEST_KAFKA_CLUSTERS: '2', IC_KAFKA_PORT: '29092' });

    expect(portsOf(sut)).toEqual([[[29092, 29093]], [[29094, 29095]]]);
    expect(sut.kafka[1].nodes[0].port.service).toBe('Kafka 2');
  });

  it('starts each Kafka cluster with three nodes when IC_KAFKA_NODES is 3, each node on the next two ports', () => {
    const sut = resolveInfraSettings('test', {
      IC_KAFKA_NODES: '3',
      IC_TEST_KAFKA_CLUSTERS: '2',
      IC_KAFKA_PORT: '29292',
    });

    expect(portsOf(sut)).toEqual([
      [
        [29292, 29293],
        [29294, 29295],
        [29296, 29297],
      ],
      [
        [29298, 29299],
        [29300, 29301],
        [29302, 29303],
      ],
    ]);
    expect(sut.kafka[0].nodes[2].port.service).toBe('Kafka node 3');
    expect(kafkaBootstrapServers(sut.kafka[0])).toBe('127.0.0.1:29292,127.0.0.1:29294,127.0.0.1:29296');
  });

  it('refuses a number of Kafka nodes other than 1 or 3', () => {
    expect(() => resolveInfraSettings('dev', { IC_KAFKA_NODES: '2' })).toThrow(
      'IC_KAFKA_NODES must be 1 or 3, got "2".',
    );
  });

  it('refuses a number of Kafka clusters outside 1 to 8', () => {
    expect(() => resolveInfraSettings('test', { IC_TEST_KAFKA_CLUSTERS: '0' })).toThrow(
      'IC_TEST_KAFKA_CLUSTERS must be a whole number from 1 to 8, got "0".',
    );
  });

  it('refuses a port that is not a number, naming the variable', () => {
    expect(() => resolveInfraSettings('dev', { IC_SMTP_PORT: 'smtp' })).toThrow(
      'IC_SMTP_PORT must be a port number between 1 and 65535, got "smtp".',
    );
  });
});
