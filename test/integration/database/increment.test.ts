import {
  concurrently,
  DatabaseUnderTest,
  DUPLICATE_KEY,
  errorCodes,
  openDatabaseUnderTest,
} from './database-under-test';

/** `$inc` is applied once per caller and none is lost, however many callers race on one document. */
interface Counters {
  _id: string;
  count: number;
  seats?: number;
  waiting?: number;
}

describe('$inc under concurrency', () => {
  let database: DatabaseUnderTest;

  beforeAll(async () => {
    database = await openDatabaseUnderTest('increment');
  });

  afterAll(async () => {
    await database.close();
  });

  it('ends at 50 after 50 concurrent increments of one document', async () => {
    const counters = database.collection<Counters>('counters');
    await counters.insertOne({ _id: 'one', count: 0 });

    const results = await concurrently(50, () => counters.updateOne({ _id: 'one' }, { $inc: { count: 1 } }));

    expect(errorCodes(results)).toEqual([]);
    expect(await counters.findOne({ _id: 'one' })).toEqual({ _id: 'one', count: 50 });
  });

  it('ends at 2,000 after 2,000 concurrent increments, and at 0 after as many decrements', async () => {
    const counters = database.collection<Counters>('counters');
    await counters.insertOne({ _id: 'one', count: 0 });

    const up = await concurrently(2_000, () => counters.updateOne({ _id: 'one' }, { $inc: { count: 1 } }));
    expect(errorCodes(up)).toEqual([]);
    expect((await counters.findOne({ _id: 'one' }))?.count).toBe(2_000);

    const down = await concurrently(2_000, () => counters.updateOne({ _id: 'one' }, { $inc: { count: -1 } }));
    expect(errorCodes(down)).toEqual([]);
    expect((await counters.findOne({ _id: 'one' }))?.count).toBe(0);
  });

  it('applies an $inc of several fields as one step: the fields never drift apart', async () => {
    const counters = database.collection<Counters>('counters');
    await counters.insertOne({ _id: 'event', count: 0, seats: 0, waiting: 0 });

    // A move from the waiting list to a seat: one field up, the other down, in the same update.
    const results = await concurrently(500, (caller) =>
      counters.updateOne(
        { _id: 'event' },
        caller % 2 === 0 ? { $inc: { count: 1, seats: 1 } } : { $inc: { count: 1, waiting: 1 } },
      ),
    );

    expect(errorCodes(results)).toEqual([]);
    expect(await counters.findOne({ _id: 'event' })).toEqual({
      _id: 'event',
      count: 500,
      seats: 250,
      waiting: 250,
    });
  });

  it('creates a missing field with the increment, also on 100 concurrent upserts of distinct documents', async () => {
    const counters = database.collection<Counters>('counters');

    const results = await concurrently(100, (caller) =>
      counters.updateOne({ _id: `doc-${caller % 10}` }, { $inc: { count: 1 } }, { upsert: true }),
    );

    // Ten documents, ten callers each: a racing upsert may fail with a duplicate key (see upsert.test.ts),
    // so the count is compared with the calls that succeeded.
    const succeeded = results.filter((result) => result.status === 'fulfilled').length;
    expect(errorCodes(results).filter((code) => code !== DUPLICATE_KEY)).toEqual([]);
    const stored = await counters.find({}).sort({ _id: 1 }).toArray();
    expect(stored.map((doc) => doc._id)).toEqual(Array.from({ length: 10 }, (_, index) => `doc-${index}`));
    expect(stored.reduce((sum, doc) => sum + doc.count, 0)).toBe(succeeded);
  });
});
