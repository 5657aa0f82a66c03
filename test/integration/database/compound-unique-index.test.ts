import {
  concurrently,
  DatabaseUnderTest,
  DUPLICATE_KEY,
  errorCodes,
  fulfilled,
  openDatabaseUnderTest,
} from './database-under-test';

/**
 * A compound unique index admits one document per combination of its fields (one registration per
 * event and registrant) under concurrency; documents that share only some of the fields are all
 * admitted. A duplicate fails with 11000.
 */
interface Registration {
  eventId: string;
  registrantId?: string;
  registrant?: { kind: string; id: string };
  caller?: number;
}

describe('compound unique index under concurrency', () => {
  let database: DatabaseUnderTest;

  beforeAll(async () => {
    database = await openDatabaseUnderTest('compound_unique_index');
  });

  afterAll(async () => {
    await database.close();
  });

  async function registrations() {
    const collection = database.collection<Registration>('registrations');
    await collection.createIndex({ eventId: 1, registrantId: 1 }, { unique: true });
    return collection;
  }

  it('admits one of 50 concurrent inserts of the same event and registrant; the 49 others get 11000', async () => {
    const collection = await registrations();

    const results = await concurrently(50, (caller) =>
      collection.insertOne({ eventId: 'event-1', registrantId: 'member-1', caller }),
    );

    expect(fulfilled(results)).toHaveLength(1);
    expect(errorCodes(results)).toEqual(Array.from({ length: 49 }, () => DUPLICATE_KEY));
    expect(await collection.countDocuments({})).toBe(1);
  });

  it('admits every combination once when 300 inserts race for 5 events × 20 registrants', async () => {
    const collection = await registrations();

    // Every pair three times; pairs share an event or a registrant with many others.
    const results = await concurrently(300, (caller) =>
      collection.insertOne({
        eventId: `event-${caller % 5}`,
        registrantId: `member-${Math.floor(caller / 5) % 20}`,
        caller,
      }),
    );

    expect(fulfilled(results)).toHaveLength(100);
    expect(errorCodes(results)).toEqual(Array.from({ length: 200 }, () => DUPLICATE_KEY));
    const stored = await collection
      .find({}, { projection: { _id: 0, eventId: 1, registrantId: 1 } })
      .toArray();
    expect(new Set(stored.map((doc) => `${doc.eventId}/${doc.registrantId}`)).size).toBe(100);
    for (const event of [0, 1, 2, 3, 4]) {
      expect(await collection.countDocuments({ eventId: `event-${event}` })).toBe(20);
    }
  });

  it('admits the same registrant for another event and another registrant for the same event', async () => {
    const collection = await registrations();
    await collection.insertOne({ eventId: 'event-1', registrantId: 'member-1' });

    await collection.insertOne({ eventId: 'event-2', registrantId: 'member-1' });
    await collection.insertOne({ eventId: 'event-1', registrantId: 'member-2' });

    await expect(
      collection.insertOne({ eventId: 'event-1', registrantId: 'member-1' }),
    ).rejects.toMatchObject({
      code: DUPLICATE_KEY,
    });
    expect(await collection.countDocuments({})).toBe(3);
  });

  it('counts a missing field as null in the compound key', async () => {
    const collection = await registrations();
    await collection.insertOne({ eventId: 'event-1' });

    await expect(collection.insertOne({ eventId: 'event-1' })).rejects.toMatchObject({ code: DUPLICATE_KEY });
    await collection.insertOne({ eventId: 'event-2' });
    expect(await collection.countDocuments({})).toBe(2);
  });

  it('keys on fields of a subdocument, whatever their order in it', async () => {
    const collection = database.collection<Registration>('registrants');
    await collection.createIndex({ eventId: 1, 'registrant.kind': 1, 'registrant.id': 1 }, { unique: true });

    await collection.insertOne({ eventId: 'event-1', registrant: { kind: 'member', id: 'x' } });
    await collection.insertOne({ eventId: 'event-1', registrant: { kind: 'municipality', id: 'x' } });

    await expect(
      collection.insertOne({ eventId: 'event-1', registrant: { id: 'x', kind: 'member' } }),
    ).rejects.toMatchObject({ code: DUPLICATE_KEY });
    expect(await collection.countDocuments({})).toBe(2);
  });
});
