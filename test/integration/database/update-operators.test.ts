import { DatabaseUnderTest, openDatabaseUnderTest } from './database-under-test';

/**
 * The update operators and write commands the services use, with the results they read:
 * `$set`, `$unset`, `$push` with `$each` (the outbox in the document), `$inc`, `replaceOne`,
 * `updateMany`, `deleteOne`, `deleteMany` with `$nin`.
 */
interface OutboxEntry {
  id: string;
  topic: string;
}

interface Aggregate {
  _id: string;
  status?: string;
  revision?: number;
  lastError?: string;
  mail?: { to: string };
  profile?: { name: string; organisation?: string };
  outbox?: OutboxEntry[];
  outboxUpdatedAt?: Date;
  eventId?: string;
  state?: string;
}

describe('update operators', () => {
  let database: DatabaseUnderTest;

  beforeAll(async () => {
    database = await openDatabaseUnderTest('update_operators');
  });

  afterAll(async () => {
    await database.close();
  });

  it('applies $set, $unset and $push with $each in one update, appending in order', async () => {
    const aggregates = database.collection<Aggregate>('aggregates');
    const at = new Date('2026-12-06T08:00:00.000Z');
    await aggregates.insertOne({
      _id: 'delivery',
      status: 'sending',
      lastError: 'timeout',
      mail: { to: 'a@example.org' },
      outbox: [{ id: 'e1', topic: 't' }],
    });

    const result = await aggregates.updateOne(
      { _id: 'delivery' },
      {
        $set: { status: 'sent', 'profile.name': 'Müller', outboxUpdatedAt: at },
        $unset: { lastError: '', mail: '' },
        $push: {
          outbox: {
            $each: [
              { id: 'e2', topic: 't' },
              { id: 'e3', topic: 'u' },
            ],
          },
        },
      },
    );

    expect(result).toMatchObject({ matchedCount: 1, modifiedCount: 1 });
    expect(await aggregates.findOne({ _id: 'delivery' })).toEqual({
      _id: 'delivery',
      status: 'sent',
      profile: { name: 'Müller' },
      outboxUpdatedAt: at,
      outbox: [
        { id: 'e1', topic: 't' },
        { id: 'e2', topic: 't' },
        { id: 'e3', topic: 'u' },
      ],
    });
  });

  it('creates the array on the first $push', async () => {
    const aggregates = database.collection<Aggregate>('aggregates');
    await aggregates.insertOne({ _id: 'new' });

    await aggregates.updateOne({ _id: 'new' }, { $push: { outbox: { $each: [{ id: 'e1', topic: 't' }] } } });

    expect((await aggregates.findOne({ _id: 'new' }))?.outbox).toEqual([{ id: 'e1', topic: 't' }]);
  });

  it('keeps every entry when 100 writers $push to one document at once', async () => {
    const aggregates = database.collection<Aggregate>('aggregates');
    await aggregates.insertOne({ _id: 'busy', outbox: [] });

    await Promise.all(
      Array.from({ length: 100 }, (_, writer) =>
        aggregates.updateOne(
          { _id: 'busy' },
          {
            $push: {
              outbox: {
                $each: [
                  { id: `w${writer}-a`, topic: 't' },
                  { id: `w${writer}-b`, topic: 't' },
                ],
              },
            },
          },
        ),
      ),
    );

    const outbox = (await aggregates.findOne({ _id: 'busy' }))?.outbox ?? [];
    expect(outbox).toHaveLength(200);
    // One writer's entries stay together and in their order.
    for (let index = 0; index < outbox.length; index += 2) {
      expect(outbox[index + 1].id).toBe(outbox[index].id.replace(/-a$/, '-b'));
    }
  });

  it('reports matched and modified counts: a $set to the same value matches without modifying', async () => {
    const aggregates = database.collection<Aggregate>('aggregates');
    await aggregates.insertOne({ _id: 'same', status: 'open' });

    expect(await aggregates.updateOne({ _id: 'same' }, { $set: { status: 'open' } })).toMatchObject({
      matchedCount: 1,
      modifiedCount: 0,
    });
    expect(await aggregates.updateOne({ _id: 'missing' }, { $set: { status: 'open' } })).toMatchObject({
      matchedCount: 0,
      modifiedCount: 0,
      upsertedCount: 0,
    });
    expect(await aggregates.countDocuments({ _id: 'missing' })).toBe(0);
  });

  it('replaces a whole document with replaceOne, keeping its _id and dropping fields not given', async () => {
    const aggregates = database.collection<Aggregate>('aggregates');
    await aggregates.insertOne({ _id: 'projection', status: 'old', revision: 1, lastError: 'x' });

    const result = await aggregates.replaceOne({ _id: 'projection' }, { status: 'new', revision: 2 });

    expect(result).toMatchObject({ matchedCount: 1, modifiedCount: 1 });
    expect(await aggregates.findOne({ _id: 'projection' })).toEqual({
      _id: 'projection',
      status: 'new',
      revision: 2,
    });
  });

  it('updates every match with updateMany and only those', async () => {
    const aggregates = database.collection<Aggregate>('aggregates');
    await aggregates.insertMany([
      { _id: 's1', eventId: 'e', state: 'open' },
      { _id: 's2', eventId: 'e', state: 'open', lastError: 'revoked' },
      { _id: 's3', eventId: 'e', state: 'open' },
      { _id: 's4', eventId: 'f', state: 'open' },
    ]);

    const result = await aggregates.updateMany(
      { eventId: 'e', lastError: { $exists: false } },
      { $set: { lastError: 'revoked' } },
    );

    expect(result).toMatchObject({ matchedCount: 2, modifiedCount: 2 });
    expect(
      await aggregates
        .find({ lastError: 'revoked' }, { projection: { _id: 1 } })
        .sort({ _id: 1 })
        .toArray(),
    ).toEqual([{ _id: 's1' }, { _id: 's2' }, { _id: 's3' }]);
  });

  it('deletes with deleteOne by _id and deleteMany with $nin, leaving the rest', async () => {
    const aggregates = database.collection<Aggregate>('aggregates');
    await aggregates.insertMany([
      { _id: 'r1', eventId: 'e', state: 'pending' },
      { _id: 'r2', eventId: 'e', state: 'pending' },
      { _id: 'r3', eventId: 'e', state: 'sent' },
      { _id: 'r4', eventId: 'e', state: 'pending' },
      { _id: 'r5', eventId: 'f', state: 'pending' },
    ]);

    const many = await aggregates.deleteMany({ eventId: 'e', state: 'pending', _id: { $nin: ['r2'] } });
    const one = await aggregates.deleteOne({ _id: 'r5' });

    expect(many.deletedCount).toBe(2);
    expect(one.deletedCount).toBe(1);
    expect(
      await aggregates
        .find({}, { projection: { _id: 1 } })
        .sort({ _id: 1 })
        .toArray(),
    ).toEqual([{ _id: 'r2' }, { _id: 'r3' }]);
  });

  it('raises a value with $max only when the new one is higher, and sets it when missing', async () => {
    const events = database.collection<{ _id: string; told?: number }>('events');
    await events.insertMany([{ _id: 'higher', told: 3 }, { _id: 'lower', told: 7 }, { _id: 'missing' }]);

    await events.updateOne({ _id: 'higher' }, { $max: { told: 5 } });
    await events.updateOne({ _id: 'lower' }, { $max: { told: 5 } });
    await events.updateOne({ _id: 'missing' }, { $max: { told: 5 } });

    expect(await events.find({}).sort({ _id: 1 }).toArray()).toEqual([
      { _id: 'higher', told: 5 },
      { _id: 'lower', told: 7 },
      { _id: 'missing', told: 5 },
    ]);
  });

  it('sets, finds and unsets a key of an embedded map by a dotted path, and $inc creates nested counters', async () => {
    const events = database.collection<{
      _id: string;
      confirmed?: number;
      sessions?: Record<string, { confirmed?: number }>;
      steps?: Record<string, { token: string }>;
    }>('events');
    await events.insertOne({ _id: 'event', steps: {} });

    await events.updateOne(
      { _id: 'event', 'steps.r1': { $exists: false } },
      {
        $inc: { confirmed: 1, 'sessions.s1.confirmed': 1 },
        $set: { 'steps.r1': { token: 't1' }, 'steps.r2': { token: 't2' } },
      },
    );
    const again = await events.updateOne(
      { _id: 'event', 'steps.r1': { $exists: false } },
      { $inc: { confirmed: 1 } },
    );
    const wrongToken = await events.updateOne(
      { _id: 'event', 'steps.r1.token': 'other' },
      { $unset: { 'steps.r1': '' } },
    );
    const rightToken = await events.updateOne(
      { _id: 'event', 'steps.r1.token': 't1' },
      { $unset: { 'steps.r1': '' } },
    );

    expect(again.matchedCount).toBe(0);
    expect(wrongToken.matchedCount).toBe(0);
    expect(rightToken.modifiedCount).toBe(1);
    expect(await events.findOne({ _id: 'event' })).toEqual({
      _id: 'event',
      confirmed: 1,
      sessions: { s1: { confirmed: 1 } },
      steps: { r2: { token: 't2' } },
    });
  });
});
