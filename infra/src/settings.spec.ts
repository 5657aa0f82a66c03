import { resolveInfraSettings } from './settings';

describe(resolveInfraSettings.name, () => {
  it('gives the test profile ports of its own', () => {
    const sut = resolveInfraSettings('test', {});

    expect(sut.kafka.port.port).toBe(19092);
    expect(sut.kafka.controllerPort.port).toBe(19093);
    expect(sut.ferretdb.port.port).toBe(37017);
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

    expect(sut.kafka.port.port).toBe(29092);
    expect(sut.kafka.controllerPort.port).toBe(29093);
    expect(sut.ferretdb.port.port).toBe(28017);
    expect(sut.cacheDir).toBe('/tmp/ic');
    expect(sut.keepsData).toBe(true);
  });

  it('refuses a port that is not a number, naming the variable', () => {
    expect(() => resolveInfraSettings('dev', { IC_SMTP_PORT: 'smtp' })).toThrow(
      'IC_SMTP_PORT must be a port number between 1 and 65535, got "smtp".',
    );
  });
});
