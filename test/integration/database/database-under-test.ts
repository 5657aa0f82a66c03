import { mongo } from 'mongoose';
import { uniqueSuffix } from '../../support/test-infrastructure';

/**
 * The server under test: the one in MONGODB_URI (the local default in `npm test`, any MongoDB when
 * set by hand). Only Mongo: these files need no Kafka. Each file works in its own database, named
 * after it, and drops it at the end.
 */
export interface DatabaseUnderTest {
  readonly client: mongo.MongoClient;
  readonly db: mongo.Db;
  /** A new, empty collection with a unique name. */
  collection<T extends mongo.Document>(name: string): mongo.Collection<T>;
  close(): Promise<void>;
}

export async function openDatabaseUnderTest(guarantee: string): Promise<DatabaseUnderTest> {
  const uri = process.env.MONGODB_URI;
  if (!uri) {
    throw new Error(
      'MONGODB_URI is not set. Run these tests with `npm test`, or with ' +
        '`MONGODB_URI=mongodb://… jest --selectProjects integration test/integration/database`.',
    );
  }
  // The pool size the services run with (the driver's default), so concurrency looks the same.
  const client = await new mongo.MongoClient(uri, { maxPoolSize: 100 }).connect();
  const db = client.db(`conformance_${guarantee.replace(/\W/g, '_')}_${uniqueSuffix(6)}`);
  let collections = 0;
  return {
    client,
    db,
    collection: <T extends mongo.Document>(name: string) => db.collection<T>(`${name}_${(collections += 1)}`),
    close: async () => {
      await db.dropDatabase();
      await client.close();
    },
  };
}

/** Runs `count` calls of `call` at once and waits for all of them, failures included. */
export function concurrently<T>(count: number, call: (index: number) => Promise<T>) {
  return Promise.allSettled(Array.from({ length: count }, (_, index) => call(index)));
}

export function fulfilled<T>(results: readonly PromiseSettledResult<T>[]): T[] {
  return results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
}

/** The error codes of the calls that failed (a failure that is not a server error shows as its message). */
export function errorCodes(results: readonly PromiseSettledResult<unknown>[]): (number | string)[] {
  return results.flatMap<number | string>((result) => {
    if (result.status === 'fulfilled') return [];
    const reason: unknown = result.reason;
    if (reason instanceof mongo.MongoServerError && typeof reason.code === 'number') return [reason.code];
    return [reason instanceof Error ? reason.message : String(reason)];
  });
}

/** The numbers 0 … count-1, to compare a set of taken numbers against (distinct and without gaps). */
export function range(count: number, start = 0): number[] {
  return Array.from({ length: count }, (_, index) => start + index);
}

export function ascending(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

export const DUPLICATE_KEY = 11000;

/** Index and code of each write error of a bulk write's error; a message for any other error. */
export function bulkWriteErrors(error: unknown): { index: number; code: number }[] | string {
  if (!(error instanceof mongo.MongoBulkWriteError))
    return error instanceof Error ? error.message : String(error);
  const writeErrors: readonly mongo.WriteError[] = Array.isArray(error.writeErrors)
    ? error.writeErrors
    : [error.writeErrors];
  return writeErrors.map((writeError) => ({ index: writeError.index, code: writeError.code }));
}
