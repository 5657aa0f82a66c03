import { ServiceEnv, ServiceRuntime } from '@ic/platform';
import { ConfigService } from '@nestjs/config';
import { readFileSync } from 'node:fs';
import { KafkaConnection, KafkaConnectionOptions } from './kafka-connection';

export function kafkaConnectionFactory(
  config: ConfigService<ServiceEnv, true>,
  runtime: ServiceRuntime,
): KafkaConnection {
  return new KafkaConnection({
    clientId: `${runtime.name}-${runtime.instanceId}`,
    brokers: config.get('KAFKA_BROKERS', { infer: true }),
    sessionTimeoutMs: config.get('KAFKA_SESSION_TIMEOUT_MS', { infer: true }),
    ...kafkaSecurity({
      KAFKA_SSL: config.get('KAFKA_SSL', { infer: true }),
      KAFKA_SSL_CA_FILE: config.get('KAFKA_SSL_CA_FILE', { infer: true }),
      KAFKA_SASL_MECHANISM: config.get('KAFKA_SASL_MECHANISM', { infer: true }),
      KAFKA_SASL_USERNAME: config.get('KAFKA_SASL_USERNAME', { infer: true }),
      KAFKA_SASL_PASSWORD: config.get('KAFKA_SASL_PASSWORD', { infer: true }),
    }),
  });
}

type KafkaSecuritySettings = Pick<
  ServiceEnv,
  'KAFKA_SSL' | 'KAFKA_SSL_CA_FILE' | 'KAFKA_SASL_MECHANISM' | 'KAFKA_SASL_USERNAME' | 'KAFKA_SASL_PASSWORD'
>;

/** TLS and SASL of the connection from the validated settings (a managed Kafka); nothing for a plain one. */
export function kafkaSecurity(
  env: KafkaSecuritySettings,
  readCaFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): Pick<KafkaConnectionOptions, 'ssl' | 'sasl'> {
  const ssl =
    env.KAFKA_SSL === 'true'
      ? env.KAFKA_SSL_CA_FILE
        ? { ca: readCaFile(env.KAFKA_SSL_CA_FILE) }
        : (true as const)
      : undefined;
  const {
    KAFKA_SASL_MECHANISM: mechanism,
    KAFKA_SASL_USERNAME: username,
    KAFKA_SASL_PASSWORD: password,
  } = env;
  const sasl =
    mechanism !== undefined && username !== undefined && password !== undefined
      ? { mechanism, username, password }
      : undefined;
  return { ...(ssl ? { ssl } : {}), ...(sasl ? { sasl } : {}) };
}
