import {
  CancellationCauses,
  DelegationRoles,
  FederalStateCodes,
  PromotionCause,
  RegistrantKinds,
  RegistrationStatuses,
  Salutations,
  Sectors,
  SessionChoiceStatuses,
} from '@ic/contracts';
import { addOutboxTo, OutboxEntry, nestedSchema } from '@ic/persistence';
import { Schema } from 'mongoose';
import { MunicipalitySchema } from '../shared/municipality.schema';
import { Registration } from './registration';

export const REGISTRATIONS_COLLECTION = 'registrations';
export const REGISTRATION_MODEL = 'Registration';

/**
 * A write of the seats that is not finished yet (see SeatSteps): the registration names it, and the
 * event's counters remember it under the same token once they have been changed for it.
 */
export type SeatStep = { readonly token: string; readonly at: Date } & (
  | { readonly kind: 'register' }
  | { readonly kind: 'promote'; readonly cause: PromotionCause }
  | { readonly kind: 'promote-session'; readonly sessionId: string; readonly cause: PromotionCause }
  | {
      readonly kind: 'release';
      readonly held: 'confirmed' | 'waiting';
      readonly sessions: readonly { readonly sessionId: string; readonly status: string }[];
    }
);

/** One registration, its unfinished seat step and its outbox. `pending`: registered, seat not decided yet. */
export interface RegistrationRecord extends Omit<Registration, 'registrationId' | 'status'> {
  /** The registration id (follows from event and registrant). */
  _id: string;
  status: Registration['status'] | 'pending';
  step?: SeatStep;
  outbox: OutboxEntry[];
  outboxUpdatedAt?: Date;
}

const actor = nestedSchema({
  subject: { type: String, required: true },
  role: { type: String, enum: ['staff', 'member'], required: true },
});
const contact = {
  salutation: { type: String, enum: Salutations, required: true },
  firstName: { type: String, required: true },
  lastName: { type: String, required: true },
  email: { type: String, required: true },
};

export const RegistrationSchema = new Schema<RegistrationRecord>(
  {
    _id: { type: String, required: true },
    eventId: { type: String, required: true },
    registrantKey: { type: String, required: true },
    registrant: nestedSchema({
      kind: { type: String, enum: RegistrantKinds, required: true },
      memberId: { type: String },
      municipality: MunicipalitySchema,
      federalState: { type: String, enum: FederalStateCodes },
      sector: { type: String, enum: Sectors },
      guest: nestedSchema({ ...contact, organisation: { type: String } }),
    }),
    registeredBy: { type: actor, required: true },
    status: { type: String, enum: [...RegistrationStatuses, 'pending'], required: true },
    sequence: { type: Number, required: true },
    sessions: [
      nestedSchema({
        sessionId: { type: String, required: true },
        status: { type: String, enum: SessionChoiceStatuses, required: true },
        sequence: { type: Number, required: true },
      }),
    ],
    delegation: {
      type: [
        nestedSchema({
          personId: { type: String, required: true },
          ...contact,
          role: { type: String, enum: DelegationRoles, required: true },
          attended: { type: Boolean },
          attendedModules: { type: [String], default: undefined },
        }),
      ],
      default: undefined,
    },
    attended: { type: Boolean },
    revision: { type: Number, required: true },
    registeredAt: { type: Date, required: true },
    confirmedAt: { type: Date },
    cancelledAt: { type: Date },
    cancellation: nestedSchema({
      cause: { type: String, enum: CancellationCauses, required: true },
      by: { type: actor },
    }),
    step: { type: Schema.Types.Mixed },
  },
  { collection: REGISTRATIONS_COLLECTION, versionKey: false, minimize: false },
);
// One registration per registrant and event; the id follows from both, the index says so to the database too.
RegistrationSchema.index({ eventId: 1, registrantKey: 1 }, { unique: true });
RegistrationSchema.index({ eventId: 1, status: 1, sequence: 1 });
RegistrationSchema.index({ 'registrant.memberId': 1 });
RegistrationSchema.index({ 'registrant.municipality.ags': 1 });
RegistrationSchema.index({ 'step.at': 1 });
addOutboxTo(RegistrationSchema);
