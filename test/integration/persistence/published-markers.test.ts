import { OutboxEntry, OutboxStore, PUBLISHED_MARKERS_COLLECTION } from '@ic/persistence';
import { randomUUID } from 'node:crypto';
import mongoose, { Connection, mongo } from 'mongoose';
import { testInfrastructure, uniqueSuffix } from '../../support/test-infrastructure';

const CALLS = 40;

function entry(): OutboxEntry {
  return {
    id: randomUUID(),
    type: 'ic.test.counted.v1',
    topic: 'ic.test.v1',
    source: '/ic/test',
    subject: 'counter',
    time: new Date(),
    data: {},
  };
}

/** The relay's published markers against the real database: many relays' records in few inserts. */
describe('Published markers (OutboxStore.recordPublished)', () => {
  const infra = testInfrastructure();
  let connection: Connection;
  let sut: OutboxStore;
  const markerInserts: mongo.CommandStartedEvent[] = [];

  beforeAll(async () => {
    connection = await mongoose
      .createConnection(infra.mongodbUri, {
        dbName: `test_published_markers_${uniqueSuffix()}`,
        monitorCommands: true,
      })
      .asPromise();
    connection.getClient().on('commandStarted', (event: mongo.CommandStartedEvent) => {
      if (event.commandName === 'insert' && event.command.insert === PUBLISHED_MARKERS_COLLECTION)
        markerInserts.push(event);
    });
    sut = new OutboxStore(connection.db!);
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('records the markers of concurrent calls in fewer inserts, a marker recorded before among them', async () => {
    const recordedBefore = entry();
    await sut.recordPublished('ic.test.v1', [recordedBefore]);
    markerInserts.length = 0;
    const calls = Array.from({ length: CALLS }, (_, index) =>
      index === CALLS / 2 ? [recordedBefore, entry()] : [entry()],
    );

    await Promise.all(calls.map((entries) => sut.recordPublished('ic.test.v1', entries)));

    const ids = [...new Set(calls.flat().map((recorded) => recorded.id))];
    const stored = await connection
      .db!.collection<{ _id: string }>(PUBLISHED_MARKERS_COLLECTION)
      .countDocuments({ _id: { $in: ids } });
    expect(stored).toBe(CALLS + 1);
    expect(markerInserts.length).toBeGreaterThan(0);
    expect(markerInserts.length).toBeLessThan(CALLS / 4);
    // Known as published without a lookup.
    await expect(sut.unpublishedOf(calls.flat())).resolves.toEqual([]);
  });

  it('fails every call of an insert that fails for another reason than a duplicate, and records on afterwards', async () => {
    const tooLarge = { ...entry(), id: 'x'.repeat(17 * 1024 * 1024) };
    const fine = entry();

    const results = await Promise.allSettled([
      sut.recordPublished('ic.test.v1', [entry()]),
      sut.recordPublished('ic.test.v1', [tooLarge]),
      sut.recordPublished('ic.test.v1', [entry()]),
    ]);

    expect(results.map((result) => result.status)).toContain('rejected');
    await expect(sut.recordPublished('ic.test.v1', [fine])).resolves.toBeUndefined();
    await expect(
      connection
        .db!.collection<{ _id: string }>(PUBLISHED_MARKERS_COLLECTION)
        .countDocuments({ _id: fine.id }),
    ).resolves.toBe(1);
  });
});
