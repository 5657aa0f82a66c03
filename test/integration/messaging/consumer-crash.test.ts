import { KafkaConnection } from '@ic/messaging';
import { KafkaJSNonRetriableError } from 'kafkajs';
import { eventually } from '../../support/eventually';
import { testTopic } from '../../support/kafka-probe';
import { testInfrastructure, uniqueSuffix } from '../../support/test-infrastructure';

/**
 * kafkajs starts a crashed consumer again only after an error it counts as retriable. A broker that
 * shuts down makes consumers crash on others too ("Failed to find group coordinator", seen in
 * test/outage/platform.outage.ts): the service then read nothing more until it was restarted. Here the
 * handler throws such an error once, which is the same crash without stopping a broker.
 */
describe('A consumer crash that kafkajs does not restart', () => {
  const infra = testInfrastructure();
  const suffix = uniqueSuffix();
  const topic = `test.crash.${suffix}`;
  const kafka = new KafkaConnection({
    clientId: `crash-${suffix}`,
    brokers: infra.kafkaBrokers,
    sessionTimeoutMs: 6000,
  });

  beforeAll(async () => {
    await kafka.ensureTopics([testTopic(topic, 1)]);
  });

  afterAll(async () => {
    await kafka.disconnect();
  });

  it('runs the consumer again, which then reads the message it crashed on', async () => {
    const consumer = kafka.createConsumer(`crash-${suffix}`);
    const crashes: boolean[] = [];
    consumer.on(consumer.events.CRASH, ({ payload }) => crashes.push(payload.restart));
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    const read: string[] = [];
    await consumer.run({
      eachMessage: ({ message }) => {
        if (crashes.length === 0) throw new KafkaJSNonRetriableError('Failed to find group coordinator');
        read.push(message.value?.toString() ?? '');
        return Promise.resolve();
      },
    });
    await kafka.send(topic, [{ key: 'k', value: 'Anmeldung', headers: {} }]);

    await eventually(() => expect(read).toEqual(['Anmeldung']), 30_000, 250);
    expect(crashes).toEqual([false]);
  }, 60_000);
});
