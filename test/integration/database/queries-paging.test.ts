import { DatabaseUnderTest, openDatabaseUnderTest } from './database-under-test';

/**
 * The queries the services run (grep of services/ and libs/): comparison operators on dates,
 * strings and numbers, `$in`/`$nin`, `$exists`, `$ne`, `$or`/`$and`, `$regex` with and without
 * the `i` option on German text, dotted paths, array membership, projections, sort + limit,
 * keyset paging by a string key and by (date, `_id`), `countDocuments`, a cursor over many batches.
 * There is no `skip`, `distinct`, `bulkWrite` or `$elemMatch` in the services.
 */
interface Delivery {
  _id: string;
  status: string;
  recipient: string;
  createdAt: Date;
  resendRequestedAt?: Date;
  resendClaimedUntil?: Date;
  mail?: string;
}

const at = (minute: number) => new Date(Date.UTC(2026, 11, 6, 8, minute));

describe('queries the services use: paging, dates, cursors and counters', () => {
  let database: DatabaseUnderTest;

  beforeAll(async () => {
    database = await openDatabaseUnderTest('queries');
  });

  afterAll(async () => {
    await database.close();
  });

  const ids = (found: readonly { _id: string }[]) => found.map((doc) => doc._id);

  async function deliveries() {
    const collection = database.collection<Delivery>('deliveries');
    // 30 deliveries, three per minute, so that paging has to break ties by _id.
    await collection.insertMany(
      Array.from({ length: 30 }, (_, index) => ({
        _id: `d${String(index).padStart(2, '0')}`,
        status: index % 3 === 0 ? 'failed' : 'sent',
        recipient: `Person${index}@Example.org`,
        createdAt: at(Math.floor(index / 3)),
        mail: 'x'.repeat(100),
        ...(index % 5 === 0 ? { resendRequestedAt: at(index), resendClaimedUntil: at(index + 1) } : {}),
      })),
    );
    return collection;
  }

  it('pages newest first by (createdAt, _id) with an $or position, visiting each document once', async () => {
    const collection = await deliveries();
    const seen: string[] = [];
    let after: Delivery | undefined;

    for (;;) {
      const found = await collection
        .find(
          after
            ? {
                $or: [
                  { createdAt: { $lt: after.createdAt } },
                  { createdAt: after.createdAt, _id: { $lt: after._id } },
                ],
              }
            : {},
          { projection: { mail: 0 } },
        )
        .sort({ createdAt: -1, _id: -1 })
        .limit(4)
        .toArray();
      if (found.length === 0) break;
      seen.push(...ids(found));
      after = found.at(-1);
    }

    expect(seen).toEqual(Array.from({ length: 30 }, (_, index) => `d${String(29 - index).padStart(2, '0')}`));
  });

  it('compares dates with $lt/$lte/$gte, sorts by two keys and limits', async () => {
    const collection = await deliveries();

    expect(await collection.countDocuments({ createdAt: { $gte: at(8) } })).toBe(6);
    expect(await collection.countDocuments({ createdAt: { $lt: at(1) } })).toBe(3);
    const due = await collection
      .find({
        status: { $in: ['failed', 'queued'] },
        resendRequestedAt: { $exists: true },
        resendClaimedUntil: { $lt: at(20) },
      })
      .sort({ resendRequestedAt: 1 })
      .limit(2)
      .toArray();
    expect(ids(due)).toEqual(['d00', 'd15']);
    const firstDue = await collection
      .find({ createdAt: { $lte: at(1) } })
      .sort({ status: 1, _id: -1 })
      .limit(3)
      .toArray();
    expect(ids(firstDue)).toEqual(['d03', 'd00', 'd05']);
  });

  it('matches a whole address case-insensitively with an anchored $regex', async () => {
    const collection = await deliveries();

    expect(
      ids(
        await collection.find({ recipient: { $regex: '^person7@example\\.org$', $options: 'i' } }).toArray(),
      ),
    ).toEqual(['d07']);
    expect(await collection.countDocuments({ recipient: { $regex: '^person7@example\\.org$' } })).toBe(0);
  });

  it('reads a cursor over many batches to the end, each document once', async () => {
    const collection = database.collection<{ _id: number; at: Date }>('many');
    await collection.insertMany(
      Array.from({ length: 1_000 }, (_, index) => ({ _id: index, at: at(index % 60) })),
    );

    const seen: number[] = [];
    for await (const doc of collection.find(
      { at: { $gte: at(0) } },
      { batchSize: 50, projection: { _id: 1 } },
    )) {
      seen.push(doc._id);
    }

    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 1_000 }, (_, index) => index));
  });

  it('matches $not with $gte also where the field is missing, nested paths included', async () => {
    const counters = database.collection<{
      _id: string;
      confirmed?: number;
      sessions?: Record<string, { confirmed: number }>;
    }>('counters');
    await counters.insertMany([
      { _id: 'none' },
      { _id: 'below', confirmed: 3, sessions: { s1: { confirmed: 3 } } },
      { _id: 'at', confirmed: 5, sessions: { s1: { confirmed: 5 } } },
    ]);

    expect(
      ids(
        await counters
          .find({ confirmed: { $not: { $gte: 5 } } })
          .sort({ _id: 1 })
          .toArray(),
      ),
    ).toEqual(['below', 'none']);
    expect(
      ids(
        await counters
          .find({ 'sessions.s1.confirmed': { $not: { $gte: 5 } } })
          .sort({ _id: 1 })
          .toArray(),
      ),
    ).toEqual(['below', 'none']);
    expect(
      ids(
        await counters
          .find({ 'sessions.s2.confirmed': { $not: { $gte: 1 } } })
          .sort({ _id: 1 })
          .toArray(),
      ),
    ).toEqual(['at', 'below', 'none']);
  });

  it('matches $elemMatch on one element, unlike two separate conditions on the array, and an index path with $exists', async () => {
    const registrations = database.collection<{
      _id: string;
      sessions?: { sessionId: string; status: string }[];
    }>('registrations');
    await registrations.insertMany([
      {
        _id: 'r1',
        sessions: [
          { sessionId: 's1', status: 'waiting' },
          { sessionId: 's2', status: 'confirmed' },
        ],
      },
      {
        _id: 'r2',
        sessions: [
          { sessionId: 's1', status: 'confirmed' },
          { sessionId: 's2', status: 'waiting' },
        ],
      },
      { _id: 'r3', sessions: [] },
      { _id: 'r4' },
    ]);

    expect(
      ids(
        await registrations
          .find({ sessions: { $elemMatch: { sessionId: 's1', status: 'waiting' } } })
          .toArray(),
      ),
    ).toEqual(['r1']);
    expect(
      ids(
        await registrations
          .find({ 'sessions.sessionId': 's1', 'sessions.status': 'waiting' })
          .sort({ _id: 1 })
          .toArray(),
      ),
    ).toEqual(['r1', 'r2']);
    expect(
      ids(
        await registrations
          .find({ 'sessions.0': { $exists: true } })
          .sort({ _id: 1 })
          .toArray(),
      ),
    ).toEqual(['r1', 'r2']);
  });

  it('counts the others ahead in a line: $ne on _id beside $lt, and $lt inside $elemMatch (waiting places)', async () => {
    const registrations = database.collection<{
      _id: string;
      eventId: string;
      status: string;
      sequence: number;
      sessions: { sessionId: string; status: string; sequence: number }[];
    }>('lines');
    await registrations.insertMany([
      { _id: 'a', eventId: 'e1', status: 'waiting', sequence: 3, sessions: [] },
      { _id: 'b', eventId: 'e1', status: 'waiting', sequence: 5, sessions: [] },
      { _id: 'c', eventId: 'e1', status: 'pending', sequence: 1, sessions: [] },
      { _id: 'd', eventId: 'e2', status: 'waiting', sequence: 1, sessions: [] },
      {
        _id: 'f',
        eventId: 'e1',
        status: 'confirmed',
        sequence: 2,
        sessions: [
          { sessionId: 's1', status: 'waiting', sequence: 4 },
          { sessionId: 's2', status: 'confirmed', sequence: 1 },
        ],
      },
      {
        _id: 'g',
        eventId: 'e1',
        status: 'confirmed',
        sequence: 6,
        sessions: [
          { sessionId: 's1', status: 'confirmed', sequence: 2 },
          { sessionId: 's2', status: 'waiting', sequence: 7 },
        ],
      },
    ]);
    const ahead = (id: string, sequence: number) =>
      registrations.countDocuments({
        eventId: 'e1',
        _id: { $ne: id },
        status: 'waiting',
        sequence: { $lt: sequence },
      });
    const aheadForS1 = (id: string, sequence: number) =>
      registrations.countDocuments({
        eventId: 'e1',
        _id: { $ne: id },
        status: 'confirmed',
        sessions: { $elemMatch: { sessionId: 's1', status: 'waiting', sequence: { $lt: sequence } } },
      });

    expect([await ahead('a', 3), await ahead('b', 5), await ahead('new', 9)]).toEqual([0, 1, 2]);
    // g's s1 choice is confirmed and its waiting choice is for s2: only f waits for s1.
    expect([await aheadForS1('f', 4), await aheadForS1('g', 9), await aheadForS1('h', 3)]).toEqual([0, 1, 0]);
  });
});
