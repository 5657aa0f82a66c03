import { Model, RootFilterQuery, UpdateQuery } from 'mongoose';
import { isDuplicateKeyError } from '../mongo-errors';

/** How a replica write ended: applied, older than what the replica holds, or about a member it never saw. */
export type ReplicaWrite = 'applied' | 'stale' | 'unknown-member';

/**
 * Writes `update` over the document `id` unless it already holds `revision` or a higher one; true if
 * written (inserted when there is none yet). One conditional upsert: when a document with a newer
 * revision exists, the filter misses and the insert meets its `_id`. Callers have one writer per id
 * (its Kafka partition); two racing first inserts would leave one of them counted as stale.
 */
export async function writeIfNewerRevision<TRecord>(
  model: Model<TRecord>,
  id: string,
  revision: number,
  update: UpdateQuery<TRecord>,
): Promise<boolean> {
  const filter = { _id: id, revision: { $lt: revision } } as RootFilterQuery<TRecord>;
  try {
    await model.updateOne(filter, update, { upsert: true }).exec();
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}

/**
 * A change to a replica document: fields to set and to remove (`setOnInsert` only when the document
 * is new; inserted only if `insertIfMissing`), or its removal.
 */
export type ReplicaChange =
  | {
      readonly set: object;
      readonly unset?: readonly string[];
      readonly setOnInsert?: object;
      readonly insertIfMissing: boolean;
    }
  | { readonly remove: true };

/**
 * Applies the change to the replica document `id` unless it holds newer state: its `asOfField`
 * (the time of the event it was last written from) later than `asOf`; a written document gets `asOf`
 * there and `updatedAt`. 'unknown-member' when there is no document and the change does not insert
 * one. The condition and the write are one command; callers have one writer per id (its partition).
 */
export async function writeIfNotNewer<TRecord>(
  model: Model<TRecord>,
  id: string,
  asOf: Date,
  change: ReplicaChange,
  asOfField = 'asOf',
): Promise<ReplicaWrite> {
  const filter = {
    _id: id,
    $or: [{ [asOfField]: { $lte: asOf } }, { [asOfField]: { $exists: false } }],
  } as RootFilterQuery<TRecord>;
  if ('remove' in change) {
    const { deletedCount } = await model.deleteOne(filter).exec();
    return deletedCount > 0 ? 'applied' : missedBecause(model, id);
  }
  const { set, unset = [], setOnInsert = {}, insertIfMissing } = change;
  const update = {
    $set: { ...set, [asOfField]: asOf, updatedAt: new Date() },
    ...(unset.length > 0 ? { $unset: Object.fromEntries(unset.map((field) => [field, ''])) } : {}),
    ...(Object.keys(setOnInsert).length > 0 ? { $setOnInsert: setOnInsert } : {}),
  } as UpdateQuery<TRecord>;
  try {
    const { matchedCount, upsertedCount } = await model
      .updateOne(filter, update, { upsert: insertIfMissing })
      .exec();
    return matchedCount + upsertedCount > 0 ? 'applied' : missedBecause(model, id);
  } catch (error) {
    if (isDuplicateKeyError(error)) return 'stale';
    throw error;
  }
}

/** Why a conditional replica write matched nothing: the document is newer, or there is none. */
async function missedBecause<TRecord>(model: Model<TRecord>, id: string): Promise<ReplicaWrite> {
  return (await model.exists({ _id: id }).exec()) ? 'stale' : 'unknown-member';
}
