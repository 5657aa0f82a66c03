import { Model, mongo } from 'mongoose';

/** The server refused a write because a unique index (`_id` or another) holds the value already. */
export function isDuplicateKeyError(error: unknown): boolean {
  return error instanceof mongo.MongoServerError && error.code === 11000;
}

/**
 * An unordered bulk insert whose every refused document was refused as a duplicate (not one that
 * failed as a whole, e.g. with the database away: it has no write errors).
 */
export function isOnlyDuplicateKeyErrors(error: unknown): boolean {
  if (error instanceof mongo.MongoBulkWriteError) {
    const writeErrors: readonly { code: number }[] = Array.isArray(error.writeErrors)
      ? error.writeErrors
      : [error.writeErrors];
    return writeErrors.length > 0 && writeErrors.every((writeError) => writeError.code === 11000);
  }
  return isDuplicateKeyError(error);
}

/**
 * Inserts the document unless one with its `_id` (or another unique key) exists: a claim that
 * exactly one of any number of concurrent callers wins. True for the winner.
 */
export async function insertUnlessExists<TDocument extends { _id: string }>(
  target: Model<TDocument> | mongo.Collection<TDocument>,
  document: TDocument,
): Promise<boolean> {
  try {
    if (target instanceof mongo.Collection) {
      await target.insertOne(document as mongo.OptionalUnlessRequiredId<TDocument>);
    } else {
      await target.create(document);
    }
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}
