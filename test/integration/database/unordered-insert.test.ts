import { mongo } from 'mongoose';
import {
  bulkWriteErrors,
  DatabaseUnderTest,
  DUPLICATE_KEY,
  openDatabaseUnderTest,
} from './database-under-test';

/**
 * `insertMany(…, { ordered: false })` stores every new document even when some exist already, and
 * reports the existing ones as a MongoBulkWriteError whose write errors all have code 11000 (the
 * outbox relay's markers, the analytics projections and the registration lookup rely on it:
 * isOnlyDuplicateKeyErrors in libs/messaging).
 */
interface Marker {
  _id: string;
  topic: string;
}

describe('unordered insertMany with duplicates', () => {
  let database: DatabaseUnderTest;

  beforeAll(async () => {
    database = await openDatabaseUnderTest('unordered_insert');
  });

  afterAll(async () => {
    await database.close();
  });

  it('stores the new documents around the existing ones and reports each existing one with 11000', async () => {
    const markers = database.collection<Marker>('markers');
    await markers.insertMany([
      { _id: 'b', topic: 'old' },
      { _id: 'd', topic: 'old' },
    ]);

    const insert = markers.insertMany(
      ['a', 'b', 'c', 'd', 'e'].map((id) => ({ _id: id, topic: 'new' })),
      { ordered: false },
    );

    const error: unknown = await insert.then(
      () => 'no error',
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(mongo.MongoBulkWriteError);
    expect(bulkWriteErrors(error)).toEqual([
      { index: 1, code: DUPLICATE_KEY },
      { index: 3, code: DUPLICATE_KEY },
    ]);
    expect(await markers.find({}).sort({ _id: 1 }).toArray()).toEqual([
      { _id: 'a', topic: 'new' },
      { _id: 'b', topic: 'old' },
      { _id: 'c', topic: 'new' },
      { _id: 'd', topic: 'old' },
      { _id: 'e', topic: 'new' },
    ]);
  });

  it('stores each marker once when 20 relays insert the same 50 markers at once', async () => {
    const markers = database.collection<Marker>('markers');
    const batch = Array.from({ length: 50 }, (_, index) => ({ _id: `event-${index}`, topic: 't' }));

    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        markers.insertMany(
          batch.map((marker) => ({ ...marker })),
          { ordered: false },
        ),
      ),
    );

    const codes = results.flatMap<number | string>((result) => {
      if (result.status === 'fulfilled') return [];
      const writeErrors = bulkWriteErrors(result.reason);
      return typeof writeErrors === 'string'
        ? [writeErrors]
        : writeErrors.map((writeError) => writeError.code);
    });
    expect(codes).toHaveLength(19 * 50);
    expect(codes.filter((code) => code !== DUPLICATE_KEY)).toEqual([]);
    expect(await markers.countDocuments({})).toBe(50);
  });
});
