import { Schema } from 'mongoose';

export const REGISTRATION_LOOKUP_COLLECTION = 'registration_lookup';
export const REGISTRATION_LOOKUP_MODEL = 'RegistrationLookup';

/**
 * Where a registration lives (its event's seat book), and whose it is: written once, after the
 * registration was stored, and never changed, since a registration keeps its event and registrant.
 */
export interface RegistrationLookupRecord {
  /** The registration id. */
  _id: string;
  eventId: string;
  /** The member registered, or the member who registered their municipality. */
  memberId?: string;
  /** The municipality registered. */
  ags?: string;
}

export const RegistrationLookupSchema = new Schema<RegistrationLookupRecord>(
  {
    _id: { type: String, required: true },
    eventId: { type: String, required: true },
    memberId: { type: String },
    ags: { type: String },
  },
  { collection: REGISTRATION_LOOKUP_COLLECTION, versionKey: false },
);
RegistrationLookupSchema.index({ memberId: 1 });
RegistrationLookupSchema.index({ ags: 1 });
