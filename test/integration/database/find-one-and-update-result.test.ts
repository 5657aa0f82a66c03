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
 * What `findOneAndUpdate` returns when callers race: the document as it was right before this
 * caller's own change (`returnDocument: 'before'`, the driver's default). Seat and sequence numbers
 * are taken from it: the value before the `$inc`, plus one.
 *
 * Only 'before' is tested: the local default (mongo-java-server 1.47) can answer `returnDocument:
 * 'after'` with the document as a later caller already changed it (measured: 2,000 concurrent
 * `$inc` returned 1,995–1,999 distinct values), so the platform never takes a number from 'after'.
 * The unit spec test/unit/database-features.spec.ts refuses 'after' in the sources.
 */
interface Sequence {
  _id: string;
  next: number;
  taken: number;
  waiting: number;
  log?: string[];
}

describe('findOneAndUpdate result under concurrency', () => {
  let database: DatabaseUnderTest;

  beforeAll(async () => {
    database = await openDatabaseUnderTest('find_one_and_update');
  });

  afterAll(async () => {
    await database.close();
  });

  it("returns 2,000 distinct, gap-free values 0…1,999 with returnDocument: 'before'", async () => {
    const sequences = database.collection<Sequence>('sequences');
    await sequences.insertOne({ _id: 'numbers', next: 0, taken: 0, waiting: 0 });

    const results = await concurrently(2_000, () =>
      sequences.findOneAndUpdate({ _id: 'numbers' }, { $inc: { next: 1 } }, { returnDocument: 'before' }),
    );

    expect(errorCodes(results)).toEqual([]);
    const numbers = fulfilled(results).map((before) => before?.next ?? -1);
    expect(ascending(numbers)).toEqual(range(2_000));
    expect((await sequences.findOne({ _id: 'numbers' }))?.next).toBe(2_000);
  });

  it('returns the state before the own change by default (the driver default is before)', async () => {
    const sequences = database.collection<Sequence>('sequences');
    await sequences.insertOne({ _id: 'numbers', next: 7, taken: 0, waiting: 0 });

    const before = await sequences.findOneAndUpdate({ _id: 'numbers' }, { $inc: { next: 1 } });

    expect(before?.next).toBe(7);
  });

  it('numbers the 500 winners of a conditional claim 0…499 and the 1,500 others 0…1,499 on the waiting list', async () => {
    const sequences = database.collection<Sequence>('sequences');
    await sequences.insertOne({ _id: 'event', next: 0, taken: 0, waiting: 0 });

    // The registration pattern: a seat while there is one, otherwise the next waiting place.
    const results = await concurrently(
      2_000,
      async (): Promise<{ list: 'seat' | 'waiting'; number: number }> => {
        const seat = await sequences.findOneAndUpdate(
          { _id: 'event', taken: { $lt: 500 } },
          { $inc: { taken: 1 } },
          { returnDocument: 'before' },
        );
        if (seat) return { list: 'seat', number: seat.taken };
        const place = await sequences.findOneAndUpdate(
          { _id: 'event' },
          { $inc: { waiting: 1 } },
          { returnDocument: 'before' },
        );
        return { list: 'waiting', number: place?.waiting ?? -1 };
      },
    );

    expect(errorCodes(results)).toEqual([]);
    const outcomes = fulfilled(results);
    const numbersOn = (list: 'seat' | 'waiting') =>
      ascending(outcomes.filter((outcome) => outcome.list === list).map((outcome) => outcome.number));
    expect(numbersOn('seat')).toEqual(range(500));
    expect(numbersOn('waiting')).toEqual(range(1_500));
    expect(await sequences.findOne({ _id: 'event' })).toEqual({
      _id: 'event',
      next: 0,
      taken: 500,
      waiting: 1_500,
    });
  });

  it('returns the whole document as it was before the own change, $push included', async () => {
    const sequences = database.collection<Sequence>('sequences');
    await sequences.insertOne({ _id: 'log', next: 0, taken: 0, waiting: 0, log: [] });

    const results = await concurrently(200, (caller) =>
      sequences.findOneAndUpdate(
        { _id: 'log' },
        { $inc: { next: 1 }, $push: { log: `caller-${caller}` } },
        { returnDocument: 'before' },
      ),
    );

    expect(errorCodes(results)).toEqual([]);
    // Each returned document is one consistent state: as many log entries as its counter says.
    for (const before of fulfilled(results)) expect(before?.log).toHaveLength(before?.next ?? -1);
    const stored = await sequences.findOne({ _id: 'log' });
    expect(stored?.next).toBe(200);
    expect(ascending((stored?.log ?? []).map((entry) => Number(entry.slice('caller-'.length))))).toEqual(
      range(200),
    );
  });
});
