import { FederalStateCodes, InterestHolderKinds, Salutations } from '@ic/contracts';
import { addOutboxTo, OutboxEntry, nestedSchema } from '@ic/persistence';
import { Schema } from 'mongoose';
import { MunicipalitySchema } from '../shared/municipality.schema';
import { Interest } from './interest';

export const INTERESTS_COLLECTION = 'interests';
export const INTEREST_MODEL = 'Interest';

export interface InterestRecord extends Omit<Interest, 'interestId'> {
  /** The interest id. */
  _id: string;
  outbox: OutboxEntry[];
  outboxUpdatedAt?: Date;
}

export const InterestSchema = new Schema<InterestRecord>(
  {
    _id: { type: String, required: true },
    revision: { type: Number, required: true },
    eventId: { type: String, required: true },
    holderKey: { type: String, required: true },
    holder: nestedSchema({
      kind: { type: String, enum: InterestHolderKinds, required: true },
      memberId: { type: String },
      municipality: MunicipalitySchema,
      federalState: { type: String, enum: FederalStateCodes },
      contact: nestedSchema({
        salutation: { type: String, enum: Salutations, required: true },
        firstName: { type: String, required: true },
        lastName: { type: String, required: true },
        email: { type: String, required: true },
      }),
    }),
    declaredBy: nestedSchema({
      subject: { type: String, required: true },
      role: { type: String, enum: ['staff', 'member'], required: true },
    }),
    declaredAt: { type: Date, required: true },
    toldAt: { type: Date },
  },
  { collection: INTERESTS_COLLECTION, versionKey: false },
);
InterestSchema.index({ eventId: 1 });
addOutboxTo(InterestSchema);
