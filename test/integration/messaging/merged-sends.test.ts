import { KafkaConnection, OutgoingMessage } from '@ic/messaging';
import { Kafka, logLevel } from 'kafkajs';
import { testTopic } from '../../support/kafka-probe';
import { testInfrastructure, uniqueSuffix } from '../../support/test-infrastructure';

const KEYS = 20;
const SENDS = 2_000;

/**
 * KafkaConnection.send merges the sends that wait for the producer into one produce request: what
 * a caller sends must still arrive once, in order per key, however many are merged, and one send
 * that the broker refuses must not take the others down with it.
 */
describe('Sends merged into one produce request', () => {
  const infra = testInfrastructure();
  const suffix = uniqueSuffix();
  const topic = `test.merged.${suffix}`;
  const bigTopic = `test.merged-big.${suffix}`;
  const neighboursTopic = `test.merged-neighbours.${suffix}`;
  /** Takes records of at most 1 kB: a larger one is refused at once (MESSAGE_TOO_LARGE). */
  const strictTopic = `test.merged-strict.${suffix}`;
  const kafka = new KafkaConnection({
    clientId: `merged-${suffix}`,
    brokers: infra.kafkaBrokers,
    sessionTimeoutMs: 6000,
  });

  beforeAll(async () => {
    const strict = testTopic(strictTopic, 1);
    await kafka.ensureTopics([
      testTopic(topic, 3),
      testTopic(bigTopic, 1),
      testTopic(neighboursTopic, 1),
      { ...strict, config: { ...strict.config, 'max.message.bytes': '1024' } },
    ]);
  });

  afterAll(async () => {
    await kafka.disconnect();
  });

  it('delivers thousands of concurrent sends once each, in the order sent per key', async () => {
    await Promise.all(
      Array.from({ length: SENDS }, (_, sequence) =>
        kafka.send(topic, [message(`key-${sequence % KEYS}`, String(sequence))]),
      ),
    );

    const received = await readAll(topic, SENDS);
    expect(received).toHaveLength(SENDS);
    for (let key = 0; key < KEYS; key++) {
      const sequences = received
        .filter((entry) => entry.key === `key-${key}`)
        .map((entry) => Number(entry.value));
      expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
      expect(sequences).toHaveLength(SENDS / KEYS);
    }
  });

  it('delivers in order sends that together exceed what the broker takes in one batch', async () => {
    // Eight sends of 300 kB to one partition: 2.4 MB, where the broker takes 1 MB per batch.
    const large = 'x'.repeat(300 * 1024);
    await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        kafka.send(bigTopic, [message('same-key', `${index}:${large}`)]),
      ),
    );

    const received = await readAll(bigTopic, 8);
    expect(received.map((entry) => Number(entry.value.split(':')[0]))).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('fails only the send the broker refuses, not the ones merged with it', async () => {
    // The first send holds the producer; the three after it wait and go out merged.
    const outcomes = await Promise.allSettled([
      kafka.send(neighboursTopic, [message('neighbour', 'first')]),
      kafka.send(neighboursTopic, [message('neighbour', 'before')]),
      kafka.send(strictTopic, [message('refused', 'x'.repeat(2048))]),
      kafka.send(neighboursTopic, [message('neighbour', 'after')]),
    ]);

    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    await kafka.send(neighboursTopic, [message('neighbour', 'later')]);
    // A merged request that failed may have written the neighbours already: they can come again
    // (consumers skip what they handled), so what counts is the order in which each first came.
    const neighbours = await readAll(neighboursTopic, (received) => received.at(-1)?.value === 'later');
    expect([...new Set(neighbours.map((entry) => entry.value))]).toEqual([
      'first',
      'before',
      'after',
      'later',
    ]);
  });
});

function message(key: string, value: string): OutgoingMessage {
  return { key, value, headers: {} };
}

interface Received {
  readonly key: string;
  readonly value: string;
}

/** Reads the topic from its start until `count` messages have come (or `until` says so). */
async function readAll(
  topic: string,
  until: number | ((received: readonly Received[]) => boolean),
): Promise<Received[]> {
  const done =
    typeof until === 'number' ? (received: readonly Received[]) => received.length >= until : until;
  const infra = testInfrastructure();
  const client = new Kafka({
    clientId: `merged-reader-${uniqueSuffix()}`,
    brokers: infra.kafkaBrokers,
    logLevel: logLevel.NOTHING,
  });
  const consumer = client.consumer({ groupId: `merged-reader-${uniqueSuffix()}` });
  const received: Received[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve) => {
      void consumer.run({
        eachMessage: ({ message: { key, value } }) => {
          received.push({ key: key?.toString() ?? '', value: value?.toString() ?? '' });
          if (done(received)) resolve();
          return Promise.resolve();
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return received;
}
