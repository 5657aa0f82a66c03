import { Model, UpdateQuery } from 'mongoose';

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
