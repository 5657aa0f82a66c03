import {
  CloudEvent,
  ContractRegistry,
  DLT_HEADERS,
  encodeCloudEvent,
  EventConsumer,
  EventDelivery,
  KafkaConnection,
  newCloudEvent,
} from '@ic/messaging';
import mongoose, { mongo } from 'mongoose';
import { eventually } from '../../support/eventually';
import { testTopic, TopicReader } from '../../support/kafka-probe';
import { testInfrastructure, uniqueSuffix } from '../../support/test-infrastructure';
import { ThingHappened, thingHappenedOn } from '../../fixtures/test-contracts';

/** Guarantees 2 (effectively once) and 4 (a poison message never stops a consumer). */
describe(EventConsumer.name, () => {
  const infra = testInfrastructure();
  const kafka = new KafkaConnection({
    clientId: 'consumer-test',
    brokers: infra.kafkaBrokers,
    sessionTimeoutMs: 6000,
  });
  let connection: mongoose.Connection;
  let db: mongo.Db;
  const consumers: EventConsumer[] = [];
  const readers: TopicReader[] = [];

  beforeAll(async () => {
    connection = await mongoose
      .createConnection(infra.mongodbUri, { dbName: `test_consumer_${uniqueSuffix()}` })
      .asPromise();
    db = connection.db as mongo.Db;
  });

  afterEach(async () => {
    await Promise.all([...consumers.splice(0), ...readers.splice(0)].map((closable) => closable.stop()));
  });

  afterAll(async () => {
    await kafka.disconnect();
    await connection.dropDatabase();
    await connection.close();
  });

  /** A consumer on a topic of its own whose handler is the given function. */
  async function consumerOn(dispatch: (delivery: EventDelivery) => Promise<void>) {
    const topic = `test.consumer.${uniqueSuffix()}`;
    await kafka.ensureTopics([testTopic(topic), testTopic(`${topic}.dlt`, 1)]);
    const contract = thingHappenedOn(topic);
    const sut = new EventConsumer(kafka, db, new ContractRegistry([contract]), {
      groupId: `group-${uniqueSuffix()}`,
      instanceId: 'instance-1',
      topics: [topic],
      handledTypes: new Set([contract.type]),
      fromBeginning: true,
      maxAttempts: 3,
      retryBackoffMs: 20,
      claimLeaseMs: 60_000,
      dispatch,
    });
    consumers.push(sut);
    await sut.start();
    const deadLetters = new TopicReader(kafka, `${topic}.dlt`);
    readers.push(deadLetters);
    await deadLetters.start();
    const thing = (sequence: number, thingId = `thing-${sequence}`): CloudEvent<ThingHappened> =>
      newCloudEvent({
        type: contract.type,
        source: '/ic/test',
        subject: thingId,
        data: { thingId, sequence },
      });
    return { sut, topic, deadLetters, thing };
  }

  it('acts once on an event that is delivered twice', async () => {
    const handled: string[] = [];
    const { topic, thing } = await consumerOn(recordInto(handled));
    const event = thing(1);
    await kafka.send(topic, [encodeCloudEvent(event)]);
    await kafka.send(topic, [encodeCloudEvent(event)]);
    const marker = thing(2, event.subject);
    await kafka.send(topic, [encodeCloudEvent(marker)]);

    await eventually(() => expect(handled).toContain(marker.id));
    expect(handled.filter((id) => id === event.id)).toHaveLength(1);
  });

  it('sends an unparseable message to the DLT at once and handles the next one', async () => {
    const handled: string[] = [];
    const { topic, thing, deadLetters } = await consumerOn(recordInto(handled));
    await kafka.send(topic, [{ key: 'thing-1', value: '{not json', headers: { ce_specversion: '1.0' } }]);
    const next = thing(1);
    await kafka.send(topic, [encodeCloudEvent(next)]);

    await eventually(() => expect(handled).toEqual([next.id]));
    await eventually(() => expect(deadLetters.received).toHaveLength(1));
    expect(deadLetters.received[0].value).toBe('{not json');
    expect(deadLetters.received[0].headers[DLT_HEADERS.reason]).toBe('unparseable');
    expect(deadLetters.received[0].headers[DLT_HEADERS.topic]).toBe(topic);
  });

  it('sends an event that breaks its contract to the DLT without calling the handler', async () => {
    const handled: string[] = [];
    const { topic, thing, deadLetters } = await consumerOn(recordInto(handled));
    const invalid = { ...thing(1), data: { thingId: 'thing-1', sequence: 'first' } };
    await kafka.send(topic, [encodeCloudEvent(invalid)]);
    const next = thing(2);
    await kafka.send(topic, [encodeCloudEvent(next)]);

    await eventually(() => expect(handled).toEqual([next.id]));
    await eventually(() => expect(deadLetters.received).toHaveLength(1));
    expect(deadLetters.received[0].headers[DLT_HEADERS.reason]).toBe('contract-violation');
    expect(deadLetters.received[0].headers[DLT_HEADERS.error]).toContain('/sequence');
    expect(deadLetters.received[0].headers.ce_id).toBe(invalid.id);
  });

  it('retries a failing handler a bounded number of times, then dead-letters it and moves on', async () => {
    const attempts = new Map<string, number>();
    const { topic, thing, deadLetters } = await consumerOn(({ event }) => {
      attempts.set(event.id, (attempts.get(event.id) ?? 0) + 1);
      if ((event.data as ThingHappened).sequence === 1)
        return Promise.reject(new Error('SMTP server said no'));
      return Promise.resolve();
    });
    const poison = thing(1, 'same-thing');
    const next = thing(2, 'same-thing');
    await kafka.send(topic, [encodeCloudEvent(poison), encodeCloudEvent(next)]);

    await eventually(() => expect(attempts.get(next.id)).toBe(1));
    expect(attempts.get(poison.id)).toBe(3);
    await eventually(() => expect(deadLetters.received).toHaveLength(1));
    const [deadLetter] = deadLetters.received;
    expect(deadLetter.headers[DLT_HEADERS.reason]).toBe('handler-failed');
    expect(deadLetter.headers[DLT_HEADERS.attempts]).toBe('3');
    expect(deadLetter.headers[DLT_HEADERS.error]).toBe('SMTP server said no');
    expect(deadLetter.headers.ce_id).toBe(poison.id);
  });

  it('recovers when the handler succeeds on a retry, without dead-lettering', async () => {
    let calls = 0;
    const { topic, thing, deadLetters } = await consumerOn(() => {
      calls += 1;
      return calls === 1 ? Promise.reject(new Error('temporary')) : Promise.resolve();
    });
    await kafka.send(topic, [encodeCloudEvent(thing(1))]);
    await eventually(() => expect(calls).toBe(2));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(deadLetters.received).toHaveLength(0);
  });
});

function recordInto(handled: string[]): (delivery: EventDelivery) => Promise<void> {
  return ({ event }) => {
    handled.push(event.id);
    return Promise.resolve();
  };
}
