import { DatabaseUnderTest, openDatabaseUnderTest } from './database-under-test';

/**
 * The queries the services run (grep of services/ and libs/): comparison operators on dates,
 * strings and numbers, `$in`/`$nin`, `$exists`, `$ne`, `$or`/`$and`, `$regex` with and without
 * the `i` option on German text, dotted paths, array membership, projections, sort + limit,
 * keyset paging by a string key and by (date, `_id`), `countDocuments`, a cursor over many batches.
 * There is no `skip`, `distinct`, `bulkWrite` or `$elemMatch` in the services.
 */
interface Member {
  _id: string;
  status: string;
  workingGroups?: string[];
  directoryKey?: string;
  searchText?: string;
  profile?: { organisation?: string };
  municipality?: { ags: string };
  outbox?: { id: string }[];
  toldAt?: Date;
}

const at = (minute: number) => new Date(Date.UTC(2026, 11, 6, 8, minute));

describe('queries the services use: filters, text search, projections', () => {
  let database: DatabaseUnderTest;

  beforeAll(async () => {
    database = await openDatabaseUnderTest('queries');
  });

  afterAll(async () => {
    await database.close();
  });

  async function members() {
    const collection = database.collection<Member>('members');
    await collection.insertMany([
      {
        _id: 'm1',
        status: 'active',
        workingGroups: ['digitales', 'energie'],
        directoryKey: 'mueller\u0001anna\u0001m1',
        searchText: 'anna müller stadt öhringen\nanna muller stadt ohringen',
        profile: { organisation: 'Stadt Öhringen' },
        municipality: { ags: '08126060' },
        outbox: [{ id: 'e1' }],
      },
      {
        _id: 'm2',
        status: 'active',
        workingGroups: ['energie'],
        directoryKey: 'maier\u0001bernd\u0001m2',
        searchText: 'bernd maier landkreis baden-baden (kreisfrei)',
        profile: { organisation: 'Landkreis Baden-Baden (kreisfrei)' },
        toldAt: at(1),
      },
      {
        _id: 'm3',
        status: 'invited',
        workingGroups: [],
        directoryKey: 'zimmer\u0001carla\u0001m3',
        searchText: 'carla zimmer überlingen',
        profile: { organisation: 'ÜBERLINGEN a.B.' },
        municipality: { ags: '08435059' },
      },
      { _id: 'm4', status: 'erased' },
    ]);
    return collection;
  }

  const ids = (found: readonly { _id: string }[]) => found.map((doc) => doc._id);

  it('matches $in and $nin on _id and on other fields, and $ne', async () => {
    const collection = await members();

    expect(
      ids(
        await collection
          .find({ _id: { $in: ['m3', 'm1', 'none'] } })
          .sort({ _id: 1 })
          .toArray(),
      ),
    ).toEqual(['m1', 'm3']);
    expect(
      ids(
        await collection
          .find({ status: { $in: ['active', 'invited'] } })
          .sort({ _id: 1 })
          .toArray(),
      ),
    ).toEqual(['m1', 'm2', 'm3']);
    expect(
      ids(
        await collection
          .find({ _id: { $nin: ['m1', 'm2'] } })
          .sort({ _id: 1 })
          .toArray(),
      ),
    ).toEqual(['m3', 'm4']);
    expect(
      ids(
        await collection
          .find({ status: { $ne: 'active' } })
          .sort({ _id: 1 })
          .toArray(),
      ),
    ).toEqual(['m3', 'm4']);
  });

  it('matches $exists true and false, including fields inside subdocuments', async () => {
    const collection = await members();

    expect(
      ids(
        await collection
          .find({ toldAt: { $exists: false } })
          .sort({ _id: 1 })
          .toArray(),
      ),
    ).toEqual(['m1', 'm3', 'm4']);
    expect(ids(await collection.find({ toldAt: { $exists: true } }).toArray())).toEqual(['m2']);
    expect(
      ids(
        await collection
          .find({ 'municipality.ags': { $exists: true } })
          .sort({ _id: 1 })
          .toArray(),
      ),
    ).toEqual(['m1', 'm3']);
  });

  it('matches an array field by one of its elements, and dotted paths by equality', async () => {
    const collection = await members();

    expect(ids(await collection.find({ workingGroups: 'energie' }).sort({ _id: 1 }).toArray())).toEqual([
      'm1',
      'm2',
    ]);
    expect(await collection.countDocuments({ status: 'active', workingGroups: 'digitales' })).toBe(1);
    expect(ids(await collection.find({ 'municipality.ags': '08435059' }).toArray())).toEqual(['m3']);
  });

  it('combines $or inside $and', async () => {
    const collection = await members();

    const found = await collection
      .find({
        $and: [
          { status: { $ne: 'erased' } },
          { $or: [{ 'municipality.ags': '08126060' }, { toldAt: { $exists: true } }] },
        ],
      })
      .sort({ _id: 1 })
      .toArray();

    expect(ids(found)).toEqual(['m1', 'm2']);
  });

  it('finds by an unanchored $regex inside a multi-line field, and escaped input only literally', async () => {
    const collection = await members();
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

    expect(ids(await collection.find({ searchText: { $regex: 'muller' } }).toArray())).toEqual(['m1']);
    expect(ids(await collection.find({ searchText: { $regex: 'müller stadt' } }).toArray())).toEqual(['m1']);
    expect(
      ids(await collection.find({ searchText: { $regex: escape('baden-baden (kreis') } }).toArray()),
    ).toEqual(['m2']);
    // An escaped dot is a dot: "a.b" does not find "anna m…".
    expect(await collection.countDocuments({ searchText: { $regex: escape('a.m') } })).toBe(0);
    expect(await collection.countDocuments({ searchText: { $regex: 'a.m' } })).toBeGreaterThan(0);
  });

  it('matches $regex with the i option regardless of case, umlauts included', async () => {
    const collection = await members();
    const organisation = (pattern: string) =>
      collection
        .find({ 'profile.organisation': { $regex: pattern, $options: 'i' } })
        .sort({ _id: 1 })
        .toArray()
        .then(ids);

    expect(await organisation('stadt')).toEqual(['m1']);
    expect(await organisation('öhringen')).toEqual(['m1']);
    expect(await organisation('STADT ÖHRINGEN')).toEqual(['m1']);
    expect(await organisation('überlingen a\\.b\\.')).toEqual(['m3']);
    expect(await organisation('BADEN\\-baden')).toEqual(['m2']);
    // `$or` of the searched fields, one `$regex` each, as the invitation list does.
    expect(
      ids(
        await collection
          .find({
            $or: ['profile.organisation', 'searchText'].map((field) => ({
              [field]: { $regex: 'ÜBER', $options: 'i' },
            })),
          })
          .toArray(),
      ),
    ).toEqual(['m3']);
  });

  it('leaves out excluded fields and returns only included ones', async () => {
    const collection = await members();

    const without = await collection.findOne({ _id: 'm1' }, { projection: { outbox: 0, searchText: 0 } });
    const only = await collection.findOne({ _id: 'm1' }, { projection: { status: 1 } });

    expect(without).not.toHaveProperty('outbox');
    expect(without).not.toHaveProperty('searchText');
    expect(without).toMatchObject({
      _id: 'm1',
      status: 'active',
      profile: { organisation: 'Stadt Öhringen' },
    });
    expect(only).toEqual({ _id: 'm1', status: 'active' });
  });

  it('pages by a string key with $gt/$lt, sort and limit, in both directions', async () => {
    const collection = await members();
    const page = async (after: string | undefined, order: 1 | -1) =>
      (
        await collection
          .find(
            after
              ? { directoryKey: order === 1 ? { $gt: after } : { $lt: after } }
              : { directoryKey: { $exists: true } },
          )
          .sort({ directoryKey: order })
          .limit(2)
          .toArray()
      ).map((doc) => doc.directoryKey ?? '');

    const first = await page(undefined, 1);
    const second = await page(first.at(-1), 1);
    const backwards = await page(undefined, -1);

    expect(first).toEqual(['maier\u0001bernd\u0001m2', 'mueller\u0001anna\u0001m1']);
    expect(second).toEqual(['zimmer\u0001carla\u0001m3']);
    expect(backwards).toEqual(['zimmer\u0001carla\u0001m3', 'mueller\u0001anna\u0001m1']);
  });
});
