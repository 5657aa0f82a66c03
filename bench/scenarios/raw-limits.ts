import { replyTopicSpec, requestTopicSpec } from '@ic/contracts';
import { KafkaConnection } from '@ic/messaging';
import { CompressionTypes, Kafka, logLevel } from 'kafkajs';
import mongoose from 'mongoose';
import { randomUUID } from 'node:crypto';
import { latenciesOf, Latencies } from '../stats';

/** Topics of the raw round trip, shaped like the platform's request and reply topics. */
const RAW_REQUESTS = 'bench.raw.requests';
const RAW_REPLIES = 'bench.raw.replies';

export interface RawResult {
  readonly operations: number;
  readonly operationsPerSecond: number;
  readonly latencyMs: Latencies;
}

/**
 * The same number of request/reply round trips as the rush, with kafkajs alone: a client produces
 * each request to a request topic (6 partitions, keyed at random, idempotent producer, acks all,
 * like the platform), a "service" consumer produces a reply to a reply topic for each, and the
 * client's consumer of the reply topic completes the operation. Open loop like the rush: every
 * request is sent at once.
 */
export async function rawKafkaRoundTrips(brokers: readonly string[], operations: number): Promise<RawResult> {
  const setup = new KafkaConnection({ clientId: 'bench-raw-setup', brokers, sessionTimeoutMs: 10_000 });
  try {
    await setup.ensureTopics([requestTopicSpec(RAW_REQUESTS), replyTopicSpec(RAW_REPLIES)]);
  } finally {
    await setup.disconnect();
  }
  const kafka = new Kafka({ clientId: 'bench-raw', brokers: [...brokers], logLevel: logLevel.NOTHING });
  const run = randomUUID();
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const service = kafka.consumer({ groupId: `bench-raw-service-${run}`, allowAutoTopicCreation: false });
  const client = kafka.consumer({ groupId: `bench-raw-client-${run}`, allowAutoTopicCreation: false });
  const waiting = new Map<string, () => void>();
  const send = (topic: string, key: string, value: string) =>
    producer.send({ topic, acks: -1, compression: CompressionTypes.None, messages: [{ key, value }] });
  try {
    await producer.connect();
    await Promise.all([service.connect(), client.connect()]);
    // Only what is sent from now on: the topics may hold earlier runs' messages. Each consumer is put
    // at the ends read here, once it has joined: a new group's "latest", resolved at its first fetch,
    // could lie after the first requests, whose replies would then never come (the bench hung when
    // it had just created the topics).
    const [requestEnds, replyEnds] = await Promise.all([
      endsOf(kafka, RAW_REQUESTS),
      endsOf(kafka, RAW_REPLIES),
    ]);
    await service.subscribe({ topic: RAW_REQUESTS, fromBeginning: false });
    await client.subscribe({ topic: RAW_REPLIES, fromBeginning: false });
    const joined = Promise.all([joinedOnce(service), joinedOnce(client)]);
    await service.run({
      partitionsConsumedConcurrently: 6,
      eachMessage: async ({ message }) => {
        await send(RAW_REPLIES, message.key?.toString() ?? '', message.value?.toString() ?? '');
      },
    });
    await client.run({
      partitionsConsumedConcurrently: 6,
      eachMessage: ({ message }) => {
        waiting.get(message.value?.toString() ?? '')?.();
        return Promise.resolve();
      },
    });
    await joined;
    requestEnds.forEach((end) => service.seek(end));
    replyEnds.forEach((end) => client.seek(end));

    const latencies: number[] = [];
    const started = performance.now();
    await Promise.all(
      Array.from({ length: operations }, async () => {
        const id = randomUUID();
        const sent = performance.now();
        const replied = new Promise<void>((resolve) => waiting.set(id, resolve));
        await send(RAW_REQUESTS, randomUUID(), id);
        await replied;
        latencies.push(performance.now() - sent);
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    return { operations, operationsPerSecond: operations / seconds, latencyMs: latenciesOf(latencies) };
  } finally {
    await Promise.all([service.disconnect(), client.disconnect(), producer.disconnect()]);
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteGroups([`bench-raw-service-${run}`, `bench-raw-client-${run}`]).catch(() => undefined);
    await admin.disconnect();
  }
}

/** Where each partition of the topic ends now. */
async function endsOf(
  kafka: Kafka,
  topic: string,
): Promise<{ topic: string; partition: number; offset: string }[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.map(({ partition, high }) => ({ topic, partition, offset: high }));
  } finally {
    await admin.disconnect();
  }
}

function joinedOnce(consumer: ReturnType<Kafka['consumer']>): Promise<void> {
  return new Promise((resolve) => {
    const stop = consumer.on(consumer.events.GROUP_JOIN, () => {
      stop();
      resolve();
    });
  });
}

/**
 * The database writes one registration makes in the registrations service, with the mongodb driver
 * (mongoose's) against the same database: the registration inserted pending with its step, the seat
 * taken by a conditional update of the event's counters that remembers the step, the registration's
 * outcome with its event into its outbox, the counters forgetting the step, and the relay's
 * published marker (insert). Every operation starts at once; the driver's pool bounds them.
 */
export async function rawRegistrationWrites(mongodbUri: string, operations: number): Promise<RawResult> {
  const connection = await mongoose
    .createConnection(mongodbUri, { dbName: `bench_raw_${Date.now()}` })
    .asPromise();
  const db = connection.db;
  if (!db) throw new Error('MongoDB connection has no database');
  const eventId = randomUUID();
  const registrations = db.collection<{
    _id: string;
    eventId: string;
    status: string;
    step?: { token: string; at: Date };
    outbox: unknown[];
  }>('registrations');
  const counters = db.collection<{ _id: string; confirmed: number; waiting: number; steps: object }>(
    'event_seats',
  );
  const markers = db.collection<{ _id: string; topic: string; publishedAt: Date }>('outbox_published');
  const capacity = Math.ceil(operations / 4);
  try {
    await counters.insertOne({ _id: eventId, confirmed: 0, waiting: 0, steps: {} });
    const latencies: number[] = [];
    const started = performance.now();
    await Promise.all(
      Array.from({ length: operations }, async () => {
        const sent = performance.now();
        const registrationId = randomUUID();
        const token = randomUUID();
        const eventEntryId = randomUUID();
        const now = new Date();
        await registrations.insertOne({
          _id: registrationId,
          eventId,
          status: 'pending',
          step: { token, at: now },
          outbox: [],
        });
        const step = { [`steps.${registrationId}`]: { token, at: now } };
        const seat = await counters.findOneAndUpdate(
          { _id: eventId, confirmed: { $lt: capacity }, waiting: 0 },
          { $inc: { confirmed: 1 }, $set: step },
          { returnDocument: 'before', projection: { confirmed: 1, waiting: 1 } },
        );
        if (!seat) {
          await counters.findOneAndUpdate(
            { _id: eventId },
            { $inc: { waiting: 1 }, $set: step },
            { returnDocument: 'before', projection: { confirmed: 1, waiting: 1 } },
          );
        }
        await registrations.updateOne(
          { _id: registrationId, 'step.token': token },
          {
            $set: { status: seat ? 'confirmed' : 'waiting', outboxUpdatedAt: now },
            $unset: { step: '' },
            $push: {
              outbox: { id: eventEntryId, type: 'RegistrationConfirmed', subject: eventId, time: now },
            },
          },
        );
        await counters.updateOne(
          { _id: eventId, [`steps.${registrationId}.token`]: token },
          { $unset: { [`steps.${registrationId}`]: '' } },
        );
        await markers.insertOne({ _id: eventEntryId, topic: 'ic.registrations.v1', publishedAt: now });
        latencies.push(performance.now() - sent);
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    return { operations, operationsPerSecond: operations / seconds, latencyMs: latenciesOf(latencies) };
  } finally {
    await db.dropDatabase();
    await connection.close();
  }
}
