import {
  concurrently,
  DatabaseUnderTest,
  errorCodes,
  fulfilled,
  openDatabaseUnderTest,
  range,
} from './database-under-test';

/**
 * An update whose filter holds a condition is one step: the condition is checked and the change made
 * with no other write in between, however many callers race. Seats, waiting places, claims and
 * revisions rest on it (ARCHITECTURE.md, "No overbooking").
 */
interface Counter {
  _id: string;
  taken: number;
  capacity: number;
}

interface Claim {
  _id: string;
  owner?: string;
  revision: number;
}

describe('atomic conditional update under concurrency', () => {
  let database: DatabaseUnderTest;

  beforeAll(async () => {
    database = await openDatabaseUnderTest('conditional_update');
  });

  afterAll(async () => {
    await database.close();
  });

  it('lets exactly one of 60 compare-and-set claims on one document win', async () => {
    const claims = database.collection<Claim>('claims');
    await claims.insertOne({ _id: 'job', revision: 0 });

    const results = await concurrently(60, (caller) =>
      claims.updateOne({ _id: 'job', owner: { $exists: false } }, { $set: { owner: `caller-${caller}` } }),
    );

    expect(errorCodes(results)).toEqual([]);
    const winners = fulfilled(results).filter((result) => result.modifiedCount === 1);
    expect(winners).toHaveLength(1);
    expect(fulfilled(results).filter((result) => result.matchedCount === 0)).toHaveLength(59);
    const stored = await claims.findOne({ _id: 'job' });
    expect(stored?.owner).toMatch(/^caller-\d+$/);
  });

  it('moves a revision forward once per revision when 50 writers race for each of 5 revisions', async () => {
    const claims = database.collection<Claim>('revisions');
    await claims.insertOne({ _id: 'aggregate', revision: 0 });

    for (const current of range(5)) {
      const results = await concurrently(50, () =>
        claims.updateOne({ _id: 'aggregate', revision: current }, { $set: { revision: current + 1 } }),
      );
      expect(errorCodes(results)).toEqual([]);
      expect(fulfilled(results).filter((result) => result.modifiedCount === 1)).toHaveLength(1);
    }

    expect(await claims.findOne({ _id: 'aggregate' })).toEqual({ _id: 'aggregate', revision: 5 });
  });

  it('gives 2,000 concurrent findOneAndUpdate({ taken: { $lt: 500 } }, $inc) exactly 500 winners', async () => {
    const counters = database.collection<Counter>('seats');
    await counters.insertOne({ _id: 'event', taken: 0, capacity: 500 });

    const results = await concurrently(2_000, () =>
      counters.findOneAndUpdate({ _id: 'event', taken: { $lt: 500 } }, { $inc: { taken: 1 } }),
    );

    expect(errorCodes(results)).toEqual([]);
    const winners = fulfilled(results).filter((before) => before !== null);
    expect(winners).toHaveLength(500);
    expect(fulfilled(results).filter((before) => before === null)).toHaveLength(1_500);
    expect(await counters.findOne({ _id: 'event' })).toEqual({ _id: 'event', taken: 500, capacity: 500 });
  });

  it('gives 2,000 concurrent updateOne({ taken: { $lt: 500 } }, $inc) exactly 500 modified documents', async () => {
    const counters = database.collection<Counter>('seats');
    await counters.insertOne({ _id: 'event', taken: 0, capacity: 500 });

    const results = await concurrently(2_000, () =>
      counters.updateOne({ _id: 'event', taken: { $lt: 500 } }, { $inc: { taken: 1 } }),
    );

    expect(errorCodes(results)).toEqual([]);
    expect(fulfilled(results).filter((result) => result.modifiedCount === 1)).toHaveLength(500);
    expect(fulfilled(results).filter((result) => result.matchedCount === 0)).toHaveLength(1_500);
    expect((await counters.findOne({ _id: 'event' }))?.taken).toBe(500);
  });

  it('frees and takes seats concurrently without ever passing the capacity', async () => {
    const counters = database.collection<Counter>('seats');
    await counters.insertOne({ _id: 'event', taken: 100, capacity: 100 });

    // 100 cancellations and 300 registrations at once: every freed seat is taken again at most once.
    const results = await concurrently(400, (caller) =>
      caller % 4 === 0
        ? counters.updateOne({ _id: 'event', taken: { $gt: 0 } }, { $inc: { taken: -1 } })
        : counters.updateOne({ _id: 'event', taken: { $lt: 100 } }, { $inc: { taken: 1 } }),
    );

    expect(errorCodes(results)).toEqual([]);
    const modified = fulfilled(results).map((result) => result.modifiedCount);
    const freed = modified.filter((count, caller) => caller % 4 === 0 && count === 1).length;
    const taken = modified.filter((count, caller) => caller % 4 !== 0 && count === 1).length;
    expect(freed).toBe(100);
    expect((await counters.findOne({ _id: 'event' }))?.taken).toBe(100 - freed + taken);
    expect(100 - freed + taken).toBeLessThanOrEqual(100);
  });
});
