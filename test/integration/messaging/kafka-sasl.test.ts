import {
  kafkaClusterOnPorts,
  resolveInfraSettings,
  startLocalKafka,
  type LocalKafkaCluster,
} from '@ic/infra';
import { KafkaConnection, kafkaSecurity } from '@ic/messaging';
import { validateConfig, ServiceEnv } from '@ic/platform';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from '../../support/eventually';
import { testTopic } from '../../support/kafka-probe';
import { uniqueSuffix } from '../../support/test-infrastructure';

/**
 * A managed Kafka asks its clients to sign in. The services' KAFKA_SASL_* settings, validated as at
 * boot, must reach the broker: against a local broker that takes only SASL PLAIN, the connection they
 * make creates a topic and carries a message; with a wrong password or none it gets nowhere.
 */
describe('Kafka with SASL sign-in', () => {
  const user = { username: 'ic', password: `secret-${uniqueSuffix()}` };
  const topic = `test.sasl.${uniqueSuffix()}`;
  let stateDir: string;
  let cluster: LocalKafkaCluster;
  let brokers: string[];

  beforeAll(async () => {
    stateDir = await mkdtemp(join(tmpdir(), 'kafka-sasl-'));
    // Beside the test profile's clusters (19092–19099) and the broker-restart test's (+400); below the
    // ports Linux hands out to outgoing connections.
    const port = Number(process.env.IC_KAFKA_PORT ?? 19092) + 420;
    cluster = await startLocalKafka(
      {
        ...resolveInfraSettings('test'),
        stateDir,
        kafka: [{ ...kafkaClusterOnPorts(port, 1, 'Kafka with SASL'), saslPlainUser: user }],
      },
      () => undefined,
    );
    brokers = cluster.bootstrapServers.split(',');
  }, 120_000);

  afterAll(async () => {
    await cluster?.stop();
    if (stateDir) await rm(stateDir, { recursive: true, force: true });
  });

  function connection(env: Record<string, string>): KafkaConnection {
    const settings = validateConfig(ServiceEnv, { KAFKA_BROKERS: brokers.join(','), ...env });
    return new KafkaConnection({
      clientId: `sasl-${uniqueSuffix()}`,
      brokers: settings.KAFKA_BROKERS,
      sessionTimeoutMs: 6000,
      ...kafkaSecurity(settings),
    });
  }

  it('creates a topic and carries a message with the right user', async () => {
    const kafka = connection({
      KAFKA_SASL_MECHANISM: 'plain',
      KAFKA_SASL_USERNAME: user.username,
      KAFKA_SASL_PASSWORD: user.password,
    });
    try {
      await kafka.ensureTopics([testTopic(topic, 1)]);
      await kafka.send(topic, [{ key: 'k', value: 'signed in', headers: {} }]);
      const consumer = kafka.createConsumer(`sasl-${uniqueSuffix()}`);
      const received: string[] = [];
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({
        eachMessage: ({ message }) => {
          received.push(message.value?.toString() ?? '');
          return Promise.resolve();
        },
      });
      await eventually(() => expect(received).toEqual(['signed in']), 30_000, 200);
    } finally {
      await kafka.disconnect();
    }
  });

  it.each([
    [
      'a wrong password',
      { KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'ic', KAFKA_SASL_PASSWORD: 'wrong' },
    ],
    ['no sign-in', {}],
  ])('is refused with %s', async (_case, env: Record<string, string>) => {
    const kafka = connection(env);
    try {
      await expect(kafka.ping()).rejects.toThrow();
    } finally {
      await kafka.disconnect();
    }
  });
});
