import {
  ContractRegistry,
  EventConsumer,
  KafkaConnection,
  PUBLISHED_MARKERS_COLLECTION,
} from '@ic/messaging';
import mongoose, { mongo } from 'mongoose';
import { ManagedProcess } from '../../support/child-process';
import { OtlpReceiver } from '../../support/otlp-receiver';
import { eventually } from '../../support/eventually';
import { testTopic, TopicReader } from '../../support/kafka-probe';
import { testInfrastructure, uniqueSuffix } from '../../support/test-infrastructure';
import { thingHappenedOn } from '../../fixtures/test-contracts';

/**
 * Guarantee 1 (no lost events) and 2 (effectively once): a process killed between storing a
 * change and publishing its event, or between publishing and recording the publication, loses
 * nothing once restarted, and the downstream consumer acts exactly once.
 */
describe('Outbox relay across a crash', () => {
  const infra = testInfrastructure();
  const suffix = uniqueSuffix();
  const topic = `test.outbox.${suffix}`;
  const database = `test_outbox_${suffix}`;
  const collection = 'things';
  const contract = thingHappenedOn(topic);
  const kafka = new KafkaConnection({
    clientId: 'outbox-test',
    brokers: infra.kafkaBrokers,
    sessionTimeoutMs: 6000,
  });
  const processes: ManagedProcess[] = [];
  let connection: mongoose.Connection;
  let db: mongo.Db;
  let downstream: EventConsumer;
  let reader: TopicReader;
  /** The writers trace, exporting here (the write's own span dies with a killed writer). */
  const traces = new OtlpReceiver();
  let tracesEndpoint: string;

  const fixtureEnv = (mode: string, aggregateId = ''): Record<string, string> => ({
    FIXTURE_MODE: mode,
    FIXTURE_TOPIC: topic,
    FIXTURE_COLLECTION: collection,
    FIXTURE_DATABASE: database,
    FIXTURE_AGGREGATE_ID: aggregateId,
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    MONGODB_URI: infra.mongodbUri,
    OTEL_EXPORTER_OTLP_ENDPOINT: tracesEndpoint,
    OTEL_SERVICE_NAME: `outbox-writer-${mode}`,
    OTEL_BSP_SCHEDULE_DELAY: '100',
  });

  const startWriter = (mode: string, aggregateId = ''): ManagedProcess => {
    const writer = ManagedProcess.start(
      `outbox-writer ${mode}`,
      'test/fixtures/outbox-writer.js',
      fixtureEnv(mode, aggregateId),
    );
    processes.push(writer);
    return writer;
  };

  const sideEffectsOf = (eventId: string) => db.collection('side_effects').countDocuments({ eventId });

  beforeAll(async () => {
    tracesEndpoint = await traces.start();
    await kafka.ensureTopics([testTopic(topic), testTopic(`${topic}.dlt`, 1)]);
    connection = await mongoose.createConnection(infra.mongodbUri, { dbName: database }).asPromise();
    db = connection.db as mongo.Db;
    // The downstream consumer's side effect is an insert with a fresh id: a second run would show.
    downstream = new EventConsumer(kafka, db, new ContractRegistry([contract]), {
      groupId: `downstream-${suffix}`,
      instanceId: 'downstream-1',
      topics: [topic],
      handledTypes: new Set([contract.type]),
      fromBeginning: true,
      maxAttempts: 3,
      retryBackoffMs: 10,
      claimLeaseMs: 60_000,
      dispatch: async ({ event }) => {
        await db.collection('side_effects').insertOne({ eventId: event.id, subject: event.subject });
      },
    });
    await downstream.start();
    reader = new TopicReader(kafka, topic);
    await reader.start();
  });

  afterAll(async () => {
    await Promise.all(processes.map((process) => process.kill()));
    await downstream.stop();
    await reader.stop();
    await kafka.disconnect();
    await traces.stop();
    await connection.dropDatabase();
    await connection.close();
  });

  it('publishes an event stored just before a SIGKILL once the service restarts, in the trace of its write, and it is handled once', async () => {
    const writer = startWriter('write-then-hang', `thing-${uniqueSuffix(6)}`);
    const [, eventId, traceId, writeSpanId] = await writer.waitForOutput(
      /WRITTEN (\S+) in trace ([0-9a-f]{32}) span ([0-9a-f]{16})/,
    );
    await writer.kill();

    expect(reader.received.filter((message) => message.headers.ce_id === eventId)).toHaveLength(0);
    expect(await db.collection(PUBLISHED_MARKERS_COLLECTION).countDocuments({ _id: eventId as never })).toBe(
      0,
    );

    const restarted = startWriter('relay');
    await restarted.waitForOutput(/RELAYING/);
    await eventually(async () => expect(await sideEffectsOf(eventId)).toBe(1), 30_000);
    const published = reader.received.filter((message) => message.headers.ce_id === eventId);
    expect(published).toHaveLength(1);
    // The stored trace context went out with the event (CloudEvents distributed tracing) …
    expect(published[0].headers.ce_traceparent).toBe(`00-${traceId}-${writeSpanId}-01`);
    // … and the restarted relay's publication continues the killed write's trace.
    const send = await eventually(() => {
      const span = traces.received.find(
        (candidate) => candidate.attributes['cloudevents.event_id'] === eventId,
      );
      if (!span) throw new Error(`no send span of ${eventId} among ${traces.received.length}`);
      return span;
    }, 10_000);
    expect(send).toMatchObject({
      service: 'outbox-writer-relay',
      name: `send ${topic}`,
      traceId,
      parentSpanId: writeSpanId,
    });
    await restarted.stop();
  });

  it('publishes again after a SIGKILL between publishing and recording it, and the consumer still acts once', async () => {
    const writer = startWriter('publish-then-hang', `thing-${uniqueSuffix(6)}`);
    const [, eventId] = await writer.waitForOutput(/WRITTEN (\S+)/);
    await writer.waitForOutput(/PUBLISHED 1/);
    await writer.kill();
    expect(await db.collection(PUBLISHED_MARKERS_COLLECTION).countDocuments({ _id: eventId as never })).toBe(
      0,
    );

    const restarted = startWriter('relay');
    await restarted.waitForOutput(/RELAYING/);
    await eventually(async () => {
      expect(reader.received.filter((message) => message.headers.ce_id === eventId)).toHaveLength(2);
      expect(
        await db.collection(PUBLISHED_MARKERS_COLLECTION).countDocuments({ _id: eventId as never }),
      ).toBe(1);
    }, 30_000);
    // Give the duplicate time to reach the consumer, then check it acted once.
    await eventually(
      async () =>
        expect(
          await db.collection('handled_events').countDocuments({ state: 'done' }),
        ).toBeGreaterThanOrEqual(2),
      10_000,
    );
    expect(await sideEffectsOf(eventId)).toBe(1);
    await restarted.stop();
  });
});
