import { resolveInfraSettings } from './settings';

describe(resolveInfraSettings.name, () => {
  it('gives the test profile ports of its own', () => {
    const sut = resolveInfraSettings('test', {});

    expect(sut.kafka.map((cluster) => [cluster.port.port, cluster.controllerPort.port])).toEqual([
      [19092, 19093],
      [19094, 19095],
      [19096, 19097],
      [19098, 19099],
    ]);
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

    expect(sut.kafka).toHaveLength(1);
    expect(sut.kafka[0].port.port).toBe(29092);
    expect(sut.kafka[0].controllerPort.port).toBe(29093);
    expect(sut.mongo.port.port).toBe(28017);
    expect(sut.cacheDir).toBe('/tmp/ic');
    expect(sut.keepsData).toBe(true);
  });

  it('starts as many Kafka clusters for the test workers as IC_TEST_KAFKA_CLUSTERS says, each on the next two ports', () => {
    const sut = resolveInfraSettings('test', { IC_TEST_KAFKA_CLUSTERS: '2', IC_KAFKA_PORT: '29092' });

    expect(sut.kafka.map((cluster) => [cluster.port.port, cluster.controllerPort.port])).toEqual([
      [29092, 29093],
      [29094, 29095],
    ]);
    expect(sut.kafka[1].port.service).toBe('Kafka 2');
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
