import { ServiceEnv } from './service-env';
import { ConfigValidationError, validateConfig } from './validate-config';

describe(validateConfig.name, () => {
  it('fills in the defaults when nothing is set', () => {
    const config = validateConfig(ServiceEnv, {});
    expect(config.KAFKA_BROKERS).toEqual(['127.0.0.1:9092']);
    expect(config.MONGODB_URI).toBe('mongodb://127.0.0.1:27017');
    expect(config.HTTP_HOST).toBe('127.0.0.1');
    expect(config.CONSUMER_MAX_ATTEMPTS).toBe(4);
  });

  it('reads lists and numbers from their text form', () => {
    const config = validateConfig(ServiceEnv, {
      KAFKA_BROKERS: 'a:9092, b:9093',
      KAFKA_SESSION_TIMEOUT_MS: '15000',
    });
    expect(config.KAFKA_BROKERS).toEqual(['a:9092', 'b:9093']);
    expect(config.KAFKA_SESSION_TIMEOUT_MS).toBe(15000);
  });

  it('stops with a message that names each bad variable', () => {
    const validate = () =>
      validateConfig(ServiceEnv, {
        KAFKA_BROKERS: 'kafka',
        MONGODB_URI: 'postgres://x',
        CONSUMER_MAX_ATTEMPTS: 'many',
        OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318',
      });
    expect(validate).toThrow(ConfigValidationError);
    expect(validate).toThrow(/KAFKA_BROKERS: KAFKA_BROKERS must be a comma-separated list of host:port/);
    expect(validate).toThrow(/MONGODB_URI: MONGODB_URI must start with mongodb:\/\//);
    expect(validate).toThrow(/CONSUMER_MAX_ATTEMPTS/);
    expect(validate).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT must be an http:\/\/ or https:\/\/ URL/);
  });

  it('takes an OTLP endpoint for traces', () => {
    const config = validateConfig(ServiceEnv, { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://jaeger:4318' });
    expect(config.OTEL_EXPORTER_OTLP_ENDPOINT).toBe('http://jaeger:4318');
  });

  it('takes SASL to the brokers only with a user name and a password', () => {
    const validate = () =>
      validateConfig(ServiceEnv, { KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SSL: 'yes' });
    expect(validate).toThrow(/KAFKA_SASL_USERNAME must be set with KAFKA_SASL_MECHANISM/);
    expect(validate).toThrow(/KAFKA_SASL_PASSWORD must be set with KAFKA_SASL_MECHANISM/);
    expect(validate).toThrow(/KAFKA_SSL/);
    expect(
      validateConfig(ServiceEnv, {
        KAFKA_SSL: 'true',
        KAFKA_SASL_MECHANISM: 'plain',
        KAFKA_SASL_USERNAME: 'ic',
        KAFKA_SASL_PASSWORD: 'secret',
      }),
    ).toMatchObject({ KAFKA_SSL: 'true', KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'ic' });
  });
});
