import { Model, UpdateQuery } from 'mongoose';
import type { ReplicaWrite } from '../replicas/member-replica.controller';

/**
 * FerretDB 1.x uses a collection's primary key only for a filter that is exactly `{ _id: <string> }`
 * (`internal/backends/sqlite/collection.go`); `{ _id, revision: { $lt: n } }` reads and decodes every
 * document of the collection, which at a few thousand documents costs seconds a write. These writes
 * therefore read the document by `_id`, decide in code and write by `_id`.
 */

/**
 * Writes `update` over the document `id` unless it already holds `revision` or a higher one; true if
 * written (inserted when there is none yet). The decision and the write are two commands: callers
 * have one writer per id (its Kafka partition), and FerretDB never ran the filtered update atomically
 * either.
 */
export async function writeIfNewerRevision<TRecord>(
  model: Model<TRecord>,
  id: string,
  revision: number,
  update: UpdateQuery<TRecord>,
): Promise<boolean> {
  const stored = await model.findById(id, { revision: 1 }).lean<{ revision: number }>().exec();
  if (stored && stored.revision >= revision) return false;
  await model.updateOne({ _id: id }, update, { upsert: stored === null }).exec();
  return true;
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
 * one. Callers have one writer per id (its partition).
 */
export async function writeIfNotNewer<TRecord>(
  model: Model<TRecord>,
  id: string,
  asOf: Date,
  change: ReplicaChange,
  asOfField = 'asOf',
): Promise<ReplicaWrite> {
  const stored = await model
    .findById(id, { [asOfField]: 1 })
    .lean<Record<string, unknown>>()
    .exec();
  if (!stored && !('set' in change && change.insertIfMissing)) return 'unknown-member';
  const storedAsOf = stored?.[asOfField];
  if (storedAsOf instanceof Date && storedAsOf > asOf) return 'stale';
  if ('remove' in change) {
    await model.deleteOne({ _id: id }).exec();
    return 'applied';
  }
  const { set, unset = [], setOnInsert = {} } = change;
  const update = {
    $set: { ...set, [asOfField]: asOf, updatedAt: new Date() },
    ...(unset.length > 0 ? { $unset: Object.fromEntries(unset.map((field) => [field, ''])) } : {}),
    ...(Object.keys(setOnInsert).length > 0 ? { $setOnInsert: setOnInsert } : {}),
  } as UpdateQuery<TRecord>;
  await model.updateOne({ _id: id }, update, { upsert: stored === null }).exec();
  return 'applied';
}
