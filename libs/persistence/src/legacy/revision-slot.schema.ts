import { Schema } from 'mongoose';

/** @deprecated See RevisionsRepository. */
export const REVISION_SLOT_MODEL = 'RevisionSlot';

/** `<collection>/<document id>/<revision>`: the right to write that revision, taken by insert. */
export interface RevisionSlotRecord {
  _id: string;
  takenAt: Date;
}

export const RevisionSlotSchema = new Schema<RevisionSlotRecord>(
  { _id: { type: String, required: true }, takenAt: { type: Date, required: true } },
  { collection: 'revision_slots', versionKey: false },
);
