import { mongo } from 'mongoose';
import {
  concurrently,
  DatabaseUnderTest,
  DUPLICATE_KEY,
  errorCodes,
  fulfilled,
  openDatabaseUnderTest,
} from './database-under-test';

/**
 * A unique index (and `_id`) admits one document per key, however many inserts race, and every other
 * insert fails with a server error of code 11000: the code turns exactly that code into "exists
 * already" (isDuplicateKeyError in libs/messaging).
 */
interface Keyed {
  _id?: string | mongo.ObjectId;
  key?: string | null;
  caller?: number;
}

describe('unique index under concurrency', () => {
  let database: DatabaseUnderTest;

  beforeAll(async () => {
    database = await openDatabaseUnderTest('unique_index');
  });

  afterAll(async () => {
    await database.close();
  });

  it('admits one of 50 concurrent inserts of the same _id; the 49 others get 11000', async () => {
    const documents = database.collection<Keyed>('ids');

    const results = await concurrently(50, (caller) =>
      documents.insertOne({ _id: 'same', key: 'k', caller }),
    );

    expect(fulfilled(results)).toHaveLength(1);
    expect(errorCodes(results)).toEqual(Array.from({ length: 49 }, () => DUPLICATE_KEY));
    expect(await documents.countDocuments({})).toBe(1);
  });

  it('admits one of 50 concurrent inserts of the same key under a unique index; the 49 others get 11000', async () => {
    const documents = database.collection<Keyed>('keys');
    await documents.createIndex({ key: 1 }, { unique: true });

    const results = await concurrently(50, (caller) => documents.insertOne({ key: 'same', caller }));

    expect(fulfilled(results)).toHaveLength(1);
    expect(errorCodes(results)).toEqual(Array.from({ length: 49 }, () => DUPLICATE_KEY));
    expect(await documents.countDocuments({ key: 'same' })).toBe(1);
  });

  it('admits one document per key when 200 inserts race for 20 keys', async () => {
    const documents = database.collection<Keyed>('keys');
    await documents.createIndex({ key: 1 }, { unique: true });

    const results = await concurrently(200, (caller) =>
      documents.insertOne({ key: `key-${caller % 20}`, caller }),
    );

    expect(fulfilled(results)).toHaveLength(20);
    expect(errorCodes(results)).toEqual(Array.from({ length: 180 }, () => DUPLICATE_KEY));
    expect((await documents.distinct('key')).sort()).toEqual(
      Array.from({ length: 20 }, (_, index) => `key-${index}`).sort(),
    );
  });

  it('refuses with 11000 an update that would give a second document the key', async () => {
    const documents = database.collection<Keyed>('keys');
    await documents.createIndex({ key: 1 }, { unique: true });
    await documents.insertMany([
      { _id: 'a', key: 'taken' },
      { _id: 'b', key: 'free' },
    ]);

    await expect(documents.updateOne({ _id: 'b' }, { $set: { key: 'taken' } })).rejects.toMatchObject({
      code: DUPLICATE_KEY,
    });
    expect(await documents.findOne({ _id: 'b' })).toEqual({ _id: 'b', key: 'free' });
  });

  it('counts a missing key as null: a second document without it is a duplicate, unless the index is sparse', async () => {
    const plain = database.collection<Keyed>('keys');
    await plain.createIndex({ key: 1 }, { unique: true });
    const sparse = database.collection<Keyed>('keys');
    await sparse.createIndex({ key: 1 }, { unique: true, sparse: true });

    await plain.insertOne({ _id: 'first' });
    await sparse.insertMany([{ _id: 'first' }, { _id: 'second' }]);

    await expect(plain.insertOne({ _id: 'second' })).rejects.toMatchObject({ code: DUPLICATE_KEY });
    await expect(plain.insertOne({ _id: 'null', key: null })).rejects.toMatchObject({
      code: DUPLICATE_KEY,
    });
    await sparse.insertOne({ key: 'k' });
    await expect(sparse.insertOne({ key: 'k' })).rejects.toMatchObject({ code: DUPLICATE_KEY });
    expect(await sparse.countDocuments({})).toBe(3);
  });

  it('compares keys by value and type: 1 and 1.0 are one key, "1" another, "A" and "a" two', async () => {
    const documents = database.collection<{ key: number | string }>('values');
    await documents.createIndex({ key: 1 }, { unique: true });

    await documents.insertMany([{ key: 1 }, { key: '1' }, { key: 'A' }, { key: 'a' }]);

    await expect(documents.insertOne({ key: 1.0 })).rejects.toMatchObject({ code: DUPLICATE_KEY });
    expect(await documents.countDocuments({})).toBe(4);
  });

  it('refuses with 11000 to build a unique index over documents that already share a key', async () => {
    const documents = database.collection<Keyed>('keys');
    await documents.insertMany([{ key: 'twice' }, { key: 'twice' }]);

    await expect(documents.createIndex({ key: 1 }, { unique: true })).rejects.toMatchObject({
      code: DUPLICATE_KEY,
    });
  });

  it('reports the duplicate as a MongoServerError, the class isDuplicateKeyError checks', async () => {
    const documents = database.collection<Keyed>('ids');
    await documents.insertOne({ _id: 'once', key: 'k' });

    const duplicate = documents.insertOne({ _id: 'once', key: 'k' });

    await expect(duplicate).rejects.toBeInstanceOf(mongo.MongoServerError);
    await expect(duplicate).rejects.toMatchObject({ code: DUPLICATE_KEY });
  });
});
