import {
  CancellationCauses,
  DelegationRoles,
  FederalStateCodes,
  RegistrantKinds,
  RegistrationStatuses,
  Salutations,
  Sectors,
  SessionChoiceStatuses,
} from '@ic/contracts';
import { addOutboxTo, OutboxEntry } from '@ic/messaging';
import { Schema } from 'mongoose';
import { BookEntry } from './seat-book';

export const SEAT_BOOKS_COLLECTION = 'seat_books';
export const SEAT_BOOK_MODEL = 'SeatBook';

/** One document per event: its registrations, their seats and waiting lists, and the outbox. */
export interface SeatBookRecord {
  /** The event id. */
  _id: string;
  revision: number;
  /**
   * The registrations as one JSON text. FerretDB 1.x decodes a nested document value by value; at
   * 2,000 registrations (3 MB) that took most of its CPU in a rush, a string takes a fraction.
   */
  entriesJson?: string;
  /** How books written before `entriesJson` hold their registrations; replaced on their next write. */
  entries?: BookEntry[];
  sequence: number;
  toldChangeRevision: number;
  outbox: OutboxEntry[];
  outboxUpdatedAt?: Date;
}

const nested = (definition: Record<string, unknown>) => new Schema(definition, { _id: false });
const actor = nested({
  subject: { type: String, required: true },
  role: { type: String, enum: ['staff', 'member'], required: true },
});
const contact = {
  salutation: { type: String, enum: Salutations, required: true },
  firstName: { type: String, required: true },
  lastName: { type: String, required: true },
  email: { type: String, required: true },
};

const EntrySchema = nested({
  registrationId: { type: String, required: true },
  registrantKey: { type: String, required: true },
  registrant: nested({
    kind: { type: String, enum: RegistrantKinds, required: true },
    memberId: { type: String },
    municipality: nested({
      name: { type: String, required: true },
      ags: { type: String, required: true },
      population: { type: Number, required: true },
    }),
    federalState: { type: String, enum: FederalStateCodes },
    sector: { type: String, enum: Sectors },
    guest: nested({ ...contact, organisation: { type: String } }),
  }),
  registeredBy: { type: actor, required: true },
  status: { type: String, enum: RegistrationStatuses, required: true },
  sequence: { type: Number, required: true },
  sessions: [
    nested({
      sessionId: { type: String, required: true },
      status: { type: String, enum: SessionChoiceStatuses, required: true },
      sequence: { type: Number, required: true },
    }),
  ],
  delegation: {
    type: [
      nested({
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
  cancellation: nested({
    cause: { type: String, enum: CancellationCauses, required: true },
    by: { type: actor },
  }),
});

export const SeatBookSchema = new Schema<SeatBookRecord>(
  {
    _id: { type: String, required: true },
    revision: { type: Number, required: true },
    entriesJson: { type: String },
    entries: { type: [EntrySchema], default: undefined },
    sequence: { type: Number, required: true },
    toldChangeRevision: { type: Number, required: true },
  },
  { collection: SEAT_BOOKS_COLLECTION, versionKey: false },
);
addOutboxTo(SeatBookSchema);
