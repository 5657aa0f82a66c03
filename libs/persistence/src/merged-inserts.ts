import { mongo } from 'mongoose';
import { MergedWrites } from './merged-writes';

/** One caller's document and, once written, what became of it. */
interface PendingInsert<TDocument> {
  readonly document: TDocument;
  outcome?: 'inserted' | 'duplicate' | mongo.MongoServerError;
}

/**
 * Claims by insert (a unique `_id`: of concurrent callers exactly one wins), with the inserts of
 * concurrent callers merged into one unordered `insertMany` (MergedWrites). Each document is
 * judged alone: a duplicate or a refused document does not fail the others written with it.
 */
export class MergedInserts<TDocument extends { _id: string }> {
  private readonly writes: MergedWrites<PendingInsert<TDocument>>;

  constructor(collection: () => mongo.Collection<TDocument>) {
    this.writes = new MergedWrites(async (pending) => {
      const refused = await insertEach(
        collection(),
        pending.map((insert) => insert.document),
      );
      pending.forEach((insert, index) => {
        const error = refused.get(index);
        insert.outcome = !error ? 'inserted' : error.code === 11000 ? 'duplicate' : error;
      });
    });
  }

  /** True when the document went in, false when one with its `_id` (or another unique key) exists. */
  async insert(document: TDocument): Promise<boolean> {
    const pending: PendingInsert<TDocument> = { document };
    await this.writes.add([pending]);
    if (pending.outcome instanceof Error) throw pending.outcome;
    return pending.outcome === 'inserted';
  }
}

/** The documents the server refused, by their index; any other failure is thrown. */
async function insertEach<TDocument extends { _id: string }>(
  collection: mongo.Collection<TDocument>,
  documents: TDocument[],
): Promise<Map<number, mongo.MongoServerError>> {
  try {
    await collection.insertMany(documents as mongo.OptionalUnlessRequiredId<TDocument>[], { ordered: false });
    return new Map();
  } catch (error) {
    if (!(error instanceof mongo.MongoBulkWriteError)) throw error;
    const writeErrors: readonly mongo.WriteError[] = Array.isArray(error.writeErrors)
      ? error.writeErrors
      : [error.writeErrors];
    // Refused as a whole (a write concern not met): every caller learns it, as from insertOne.
    if (writeErrors.length === 0 || error.result.getWriteConcernError()) throw error;
    return new Map(
      writeErrors.map((writeError) => [
        writeError.index,
        new mongo.MongoServerError({
          message: writeError.errmsg ?? 'write refused',
          errmsg: writeError.errmsg,
          code: writeError.code,
        }),
      ]),
    );
  }
}
