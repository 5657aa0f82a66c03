import {
  AggregateOutbox,
  OutboxEntry,
  OutboxStore,
  unwatchOutboxBacklog,
  watchOutboxBacklog,
} from '@ic/persistence';
import { metricsRegistry } from '@ic/platform';
import { randomUUID } from 'node:crypto';
import mongoose, { Connection } from 'mongoose';
import { readMetrics, samplesOf } from '../../../libs/platform/src/metrics/testing/read-metrics';
import { testInfrastructure, uniqueSuffix } from '../../support/test-infrastructure';

const MINUTE = 60_000;

function entry(time: Date): OutboxEntry {
  return {
    id: randomUUID(),
    type: 'ic.test.counted.v1',
    topic: 'ic.test.v1',
    source: '/ic/test',
    subject: 'counter',
    time,
    data: {},
  };
}

/** The outbox backlog and its gauges against the real database: what an operator sees while Kafka is away. */
describe('The outbox backlog (OutboxStore.backlog, /metrics)', () => {
  const infra = testInfrastructure();
  let connection: Connection;
  let sut: OutboxStore;

  beforeAll(async () => {
    connection = await mongoose
      .createConnection(infra.mongodbUri, { dbName: `test_outbox_backlog_${uniqueSuffix()}` })
      .asPromise();
    sut = new OutboxStore(connection.db!);
    sut.register('counters');
    sut.register('notes');
  });

  afterAll(async () => {
    unwatchOutboxBacklog(sut);
    await connection.dropDatabase();
    await connection.close();
  });

  it('counts the events not yet published and the age of the oldest, per collection', async () => {
    const now = Date.now();
    const published = entry(new Date(now - 30 * MINUTE));
    const oldest = entry(new Date(now - 10 * MINUTE));
    const counters = connection.db!.collection<AggregateOutbox>('counters');
    await counters.insertMany([
      // A journal: the published entry stays in the outbox, the unpublished one waits.
      { _id: 'a', outbox: [published, oldest], outboxUpdatedAt: new Date(now - 10 * MINUTE) },
      { _id: 'b', outbox: [entry(new Date(now - MINUTE))], outboxUpdatedAt: new Date(now - MINUTE) },
      // Confirmed published by the relay: not read at all.
      { _id: 'c', outbox: [entry(new Date(now - 60 * MINUTE))] },
    ]);
    await sut.recordPublished('ic.test.v1', [published]);

    const backlog = await sut.backlog();

    expect(backlog).toEqual([
      { collection: 'counters', events: 2, oldest: oldest.time },
      { collection: 'notes', events: 0 },
    ]);

    watchOutboxBacklog(sut);
    const samples = readMetrics(await metricsRegistry.metrics());
    const [events] = samplesOf(samples, 'ic_outbox_backlog_events', { collection: 'counters' });
    const [age] = samplesOf(samples, 'ic_outbox_oldest_unpublished_age_seconds', { collection: 'counters' });
    expect(events.value).toBe(2);
    expect(age.value).toBeGreaterThanOrEqual(600);
    expect(age.value).toBeLessThan(660);
    expect(
      samplesOf(samples, 'ic_outbox_oldest_unpublished_age_seconds', { collection: 'notes' })[0].value,
    ).toBe(0);
  });
});
