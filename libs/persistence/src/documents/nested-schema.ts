import { Schema } from 'mongoose';

/** A sub-document schema without an `_id` of its own: part of its parent, never addressed alone. */
export function nestedSchema(definition: Record<string, unknown>): Schema {
  return new Schema(definition, { _id: false });
}
