import { mongo } from 'mongoose';
import {
  ascending,
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

interface EventCounters {
  _id: string;
  confirmed?: number;
  waiting?: number;
  sessions?: Record<string, { confirmed?: number }>;
  steps?: Record<string, { token: string }>;
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

  it('counts each registration once and never past the capacity, with conditions on counters not yet there', async () => {
    const events = database.collection<EventCounters>('events');
    await events.insertOne({ _id: 'event', steps: {} });

    // 1,000 registrations, each claimed twice at once, for 300 seats of which 100 in session s1.
    // A missing counter counts as 0: "below n" is written as "not at least n", which it satisfies.
    const inSession = (caller: number) => caller % 1_000 < 500;
    const results = await concurrently(2_000, (caller) => {
      const registration = `r${caller % 1_000}`;
      const filter: mongo.Filter<EventCounters> = {
        _id: 'event',
        [`steps.${registration}`]: { $exists: false },
        $and: [
          { confirmed: { $not: { $gte: 300 } } },
          ...(inSession(caller) ? [{ 'sessions.s1.confirmed': { $not: { $gte: 100 } } }] : []),
        ],
      };
      const update: mongo.UpdateFilter<EventCounters> = {
        $inc: { confirmed: 1, ...(inSession(caller) ? { 'sessions.s1.confirmed': 1 } : {}) },
        $set: { [`steps.${registration}`]: { token: `caller-${caller}` } },
      };
      return events.findOneAndUpdate(filter, update, {
        returnDocument: 'before',
        projection: { confirmed: 1, sessions: 1 },
      });
    });

    expect(errorCodes(results)).toEqual([]);
    const outcomes = fulfilled(results);
    const winners = outcomes.flatMap((before, caller) => (before ? [{ caller, before }] : []));
    expect(winners).toHaveLength(300);
    expect(ascending(winners.map(({ before }) => before.confirmed ?? 0))).toEqual(range(300));
    // Each registration at most once, and the session's winners are exactly its counter.
    expect(new Set(winners.map(({ caller }) => caller % 1_000)).size).toBe(300);
    const sessionWinners = winners.filter(({ caller }) => inSession(caller)).length;
    expect(sessionWinners).toBeLessThanOrEqual(100);
    const stored = await events.findOne({ _id: 'event' });
    expect(stored?.confirmed).toBe(300);
    expect(stored?.sessions?.s1?.confirmed ?? 0).toBe(sessionWinners);
    expect(Object.keys(stored?.steps ?? {}).sort()).toEqual(
      winners.map(({ caller }) => `r${caller % 1_000}`).sort(),
    );
  });
});
