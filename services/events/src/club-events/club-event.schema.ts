import {
  AnnouncementScopes,
  Audiences,
  DelegationRoles,
  DocumentKinds,
  DocumentMediaTypes,
  EventKinds,
  EventStatuses,
  FederalState,
  FederalStateCodes,
  SessionKinds,
  Themes,
} from '@ic/contracts';
import { addOutboxTo, AggregateRecord, nestedSchema } from '@ic/persistence';
import { Schema } from 'mongoose';
import { ClubEventState } from './club-event';

export const EVENTS_COLLECTION = 'events';
export const CLUB_EVENT_MODEL = 'ClubEvent';

/** An event document: the state, keys for lists and the scheduler, and the outbox. */
export interface ClubEventRecord extends ClubEventState, AggregateRecord {
  /** Länder of venue, host and target group (federalStatesOf), for the list filter. */
  federalStates: FederalState[];
  /** `<start ISO>|<id>`: list order and cursor key. */
  sortKey: string;
  /** A series with a module still undated counts as upcoming whatever its dated modules say. */
  openEnded: boolean;
  /** When the scheduler's next transition is due (scheduledTransition); absent when none is. */
  nextTransitionAt?: Date;
}

const text = (maxlength: number, required = false) => ({ type: String, maxlength, required });
const federalState = { type: String, enum: FederalStateCodes, required: true };

const ActorSchema = nestedSchema({
  subject: text(200, true),
  role: { type: String, enum: ['staff', 'member'], required: true },
});

const SpeakerSchema = nestedSchema({
  kind: { type: String, enum: ['member', 'external'], required: true },
  memberId: { type: String },
  name: text(160, true),
  organisation: text(160),
  bio: text(2000),
});

const SessionSchema = nestedSchema({
  sessionId: { type: String, required: true },
  kind: { type: String, enum: SessionKinds, required: true },
  title: text(200, true),
  abstract: text(4000),
  startsAt: { type: Date, required: true },
  endsAt: { type: Date, required: true },
  room: text(120),
  speakers: { type: [SpeakerSchema], default: [] },
  capacity: { type: Number, min: 0 },
});

const ModuleSchema = nestedSchema({
  moduleId: { type: String, required: true },
  title: text(200, true),
  startsAt: { type: Date },
  endsAt: { type: Date },
  dateNote: text(120),
  place: text(200),
  guidingQuestions: { type: [String], default: [] },
});

const DocumentSchema = nestedSchema({
  documentId: { type: String, required: true },
  kind: { type: String, enum: DocumentKinds, required: true },
  title: text(200, true),
  fileName: text(200, true),
  mediaType: { type: String, enum: DocumentMediaTypes, required: true },
  sizeBytes: { type: Number, required: true, min: 1 },
  sha256: { type: String, required: true },
  uploadedAt: { type: Date, required: true },
  uploadedBy: { type: ActorSchema, required: true },
});

export const ClubEventSchema = new Schema<ClubEventRecord>(
  {
    _id: { type: String, required: true },
    revision: { type: Number, required: true },
    kind: { type: String, enum: EventKinds, required: true },
    status: { type: String, enum: EventStatuses, required: true },
    title: text(200, true),
    summary: text(500),
    description: { type: String, maxlength: 20_000, default: '' },
    descriptionHtml: { type: String, default: '' },
    themes: { type: [{ type: String, enum: Themes }], default: [] },
    capacity: { type: Number, required: true, min: 0 },
    startsAt: { type: Date },
    endsAt: { type: Date },
    registration: {
      type: nestedSchema({
        opensAt: { type: Date, required: true },
        closesAt: { type: Date, required: true },
      }),
      required: true,
    },
    audience: { type: String, enum: Audiences, required: true },
    announceTo: { type: String, enum: AnnouncementScopes, required: true },
    targetGroup: {
      type: nestedSchema({
        federalStates: { type: [{ type: String, enum: FederalStateCodes }], default: undefined },
        maxPopulation: { type: Number, min: 1 },
      }),
    },
    venue: {
      type: nestedSchema({
        name: text(160, true),
        street: text(160),
        postalCode: text(5),
        city: text(120, true),
        federalState,
      }),
    },
    forum: {
      type: nestedSchema({
        leitgedanke: text(300, true),
        edition: { type: Number },
        sessions: { type: [SessionSchema], default: [] },
      }),
    },
    lounge: {
      type: nestedSchema({
        topic: text(300, true),
        host: { type: nestedSchema({ name: text(120, true), ags: text(8), federalState }), required: true },
      }),
    },
    circle: {
      type: nestedSchema({
        modules: { type: [ModuleSchema], default: [] },
        delegation: {
          type: nestedSchema({
            maxPeople: { type: Number, required: true, min: 1 },
            suggestedRoles: { type: [{ type: String, enum: DelegationRoles }], default: [] },
          }),
          required: true,
        },
        feeCents: { type: Number, required: true, min: 0 },
        feeNote: text(300),
      }),
    },
    documents: { type: [DocumentSchema], default: [] },
    cancellation: {
      type: nestedSchema({
        reason: text(2000, true),
        cancelledAt: { type: Date, required: true },
        cancelledBy: { type: ActorSchema },
      }),
    },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    federalStates: { type: [String], default: [] },
    sortKey: { type: String, required: true },
    openEnded: { type: Boolean, required: true, default: false },
    nextTransitionAt: { type: Date },
  },
  { collection: EVENTS_COLLECTION, versionKey: false, minimize: false },
);
addOutboxTo(ClubEventSchema);
ClubEventSchema.index({ nextTransitionAt: 1 });
ClubEventSchema.index({ sortKey: 1 });
