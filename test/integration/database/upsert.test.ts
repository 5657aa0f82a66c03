import {
  concurrently,
  DatabaseUnderTest,
  DUPLICATE_KEY,
  errorCodes,
  fulfilled,
  openDatabaseUnderTest,
} from './database-under-test';

/**
 * Upserts: racing upserts of one key leave one document (a loser may get 11000, which callers
 * treat as "exists already"); the inserted document takes the filter's equality fields and
 * `$setOnInsert`; an upsert whose filter misses an existing `_id` fails with 11000 instead of
 * inserting or overwriting (the reminders and the replicas use that as "keep the stored one").
 */
interface Planned {
  _id: string;
  state?: string;
  key?: string;
  dueAt?: Date;
  attempts?: number;
  revision?: number;
  writer?: number;
}

describe('upsert', () => {
  let database: DatabaseUnderTest;

  beforeAll(async () => {
    database = await openDatabaseUnderTest('upsert');
  });

  afterAll(async () => {
    await database.close();
  });

  it('leaves one document when 50 upserts of one _id race, each either applied or refused with 11000', async () => {
    const planned = database.collection<Planned>('planned');

    const results = await concurrently(50, (writer) =>
      planned.updateOne(
        { _id: 'reminder', state: 'pending' },
        { $set: { writer }, $setOnInsert: { attempts: 0 } },
        { upsert: true },
      ),
    );

    expect(errorCodes(results).filter((code) => code !== DUPLICATE_KEY)).toEqual([]);
    expect(fulfilled(results).reduce((sum, result) => sum + result.upsertedCount, 0)).toBe(1);
    const stored = await planned.find({}).toArray();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ _id: 'reminder', state: 'pending', attempts: 0 });
  });

  it('leaves one document per key when 50 upserts race on a unique non-_id key', async () => {
    const planned = database.collection<Planned>('keyed');
    await planned.createIndex({ key: 1 }, { unique: true });

    const results = await concurrently(50, (writer) =>
      planned.updateOne(
        { key: 'same' },
        { $set: { writer }, $setOnInsert: { _id: `writer-${writer}` } },
        { upsert: true },
      ),
    );

    expect(errorCodes(results).filter((code) => code !== DUPLICATE_KEY)).toEqual([]);
    expect(fulfilled(results).reduce((sum, result) => sum + result.upsertedCount, 0)).toBe(1);
    expect(await planned.countDocuments({ key: 'same' })).toBe(1);
  });

  it('inserts the equality fields of the filter and $setOnInsert, and applies $setOnInsert only then', async () => {
    const planned = database.collection<Planned>('planned');
    const dueAt = new Date('2026-12-01T09:00:00.000Z');

    const inserted = await planned.updateOne(
      { _id: 'reminder', state: 'pending' },
      { $set: { dueAt }, $setOnInsert: { attempts: 0 } },
      { upsert: true },
    );
    await planned.updateOne({ _id: 'reminder' }, { $set: { attempts: 2 } });
    const updated = await planned.updateOne(
      { _id: 'reminder', state: 'pending' },
      { $set: { dueAt }, $setOnInsert: { attempts: 0 } },
      { upsert: true },
    );

    expect(inserted).toMatchObject({ upsertedCount: 1, upsertedId: 'reminder' });
    expect(updated).toMatchObject({ upsertedCount: 0, matchedCount: 1 });
    expect(await planned.findOne({ _id: 'reminder' })).toEqual({
      _id: 'reminder',
      state: 'pending',
      dueAt,
      attempts: 2,
    });
  });

  it('refuses with 11000 an upsert whose filter misses the stored document of that _id, and keeps it', async () => {
    const planned = database.collection<Planned>('planned');
    await planned.insertOne({ _id: 'reminder', state: 'sent', attempts: 1 });

    await expect(
      planned.updateOne(
        { _id: 'reminder', state: 'pending' },
        { $set: { dueAt: new Date() }, $setOnInsert: { attempts: 0 } },
        { upsert: true },
      ),
    ).rejects.toMatchObject({ code: DUPLICATE_KEY });
    expect(await planned.findOne({ _id: 'reminder' })).toEqual({
      _id: 'reminder',
      state: 'sent',
      attempts: 1,
    });
  });

  it('refuses with 11000 an upsert of an older revision ({ _id, revision: { $lt: n } }) and keeps the newer', async () => {
    const planned = database.collection<Planned>('replica');
    await planned.insertOne({ _id: 'event', revision: 5 });

    await expect(
      planned.updateOne({ _id: 'event', revision: { $lt: 3 } }, { $set: { revision: 3 } }, { upsert: true }),
    ).rejects.toMatchObject({ code: DUPLICATE_KEY });
    const newer = await planned.updateOne(
      { _id: 'event', revision: { $lt: 6 } },
      { $set: { revision: 6 } },
      { upsert: true },
    );

    expect(newer).toMatchObject({ matchedCount: 1, modifiedCount: 1, upsertedCount: 0 });
    expect(await planned.findOne({ _id: 'event' })).toEqual({ _id: 'event', revision: 6 });
  });
});
