import { actorSchema, agsSchema, exampleStaff } from '../membership/member-profile';
import { FederalStateCodes, Themes } from '../membership/vocabulary';
import { ClosedObject, OneOf, Shape, Text, Timestamp, Type, Uuid } from '../schema';
import {
  AnnouncementScopes,
  Audiences,
  DelegationRoles,
  DocumentKinds,
  DocumentMediaTypes,
  EventKinds,
  EventStatuses,
  MAX_DOCUMENT_BYTES,
  SessionKinds,
} from './vocabulary';

const zonedTimeSchema = Type.String({
  format: 'date-time',
  description: 'ISO 8601 with the Europe/Berlin offset of that day',
});
const federalStateSchema = OneOf(FederalStateCodes);

export const registrationWindowSchema = ClosedObject({ opensAt: zonedTimeSchema, closesAt: zonedTimeSchema });
export type RegistrationWindow = Shape<typeof registrationWindowSchema>;

/** e.g. Bavaria up to 25,000 inhabitants. */
export const targetGroupSchema = ClosedObject({
  federalStates: Type.Array(federalStateSchema, { minItems: 1, uniqueItems: true }),
  maxPopulation: Type.Optional(Type.Integer({ minimum: 1 })),
});
export type TargetGroup = Shape<typeof targetGroupSchema>;

export const venueSchema = ClosedObject({
  name: Text(160),
  street: Type.Optional(Text(160)),
  postalCode: Type.Optional(Type.String({ pattern: '^\\d{5}$' })),
  city: Text(120),
  federalState: federalStateSchema,
});
export type Venue = Shape<typeof venueSchema>;

/** A member of the club (by id, with the name as of this revision) or an external speaker. */
export const speakerSchema = ClosedObject({
  kind: OneOf(['member', 'external']),
  memberId: Type.Optional(Uuid()),
  name: Text(160),
  organisation: Type.Optional(Text(160)),
  bio: Type.Optional(Type.String({ maxLength: 2000 })),
});
export type Speaker = Shape<typeof speakerSchema>;

/**
 * One item of a forum's agenda. Workshops have their own capacity; workshops that start at the
 * same time form a parallel slot, and a participant chooses one workshop per slot.
 */
export const agendaSessionSchema = ClosedObject({
  sessionId: Uuid(),
  kind: OneOf(SessionKinds),
  title: Text(200),
  abstract: Type.Optional(Type.String({ maxLength: 4000 })),
  startsAt: zonedTimeSchema,
  endsAt: zonedTimeSchema,
  room: Type.Optional(Text(120)),
  speakers: Type.Array(speakerSchema, { maxItems: 20 }),
  capacity: Type.Optional(Type.Integer({ minimum: 0 })),
});
export type AgendaSession = Shape<typeof agendaSessionSchema>;

export const forumDetailsSchema = ClosedObject({
  /** The guiding theme (Leitgedanke) that runs through the forum. */
  leitgedanke: Text(300),
  /** Which Deutschlandforum this is (the 23rd …), when known. */
  edition: Type.Optional(Type.Integer({ minimum: 1 })),
  sessions: Type.Array(agendaSessionSchema, { maxItems: 100 }),
});
export type ForumDetails = Shape<typeof forumDetailsSchema>;

export const hostMunicipalitySchema = ClosedObject({
  name: Text(120),
  ags: Type.Optional(agsSchema),
  federalState: federalStateSchema,
});
export type HostMunicipality = Shape<typeof hostMunicipalitySchema>;

export const loungeDetailsSchema = ClosedObject({
  topic: Text(300),
  /** The host municipality the lounge is organised with. */
  host: hostMunicipalitySchema,
});
export type LoungeDetails = Shape<typeof loungeDetailsSchema>;

export const circleModuleSchema = ClosedObject({
  moduleId: Uuid(),
  title: Text(200),
  /** Both set, or both absent while the date is still to be announced. */
  startsAt: Type.Optional(zonedTimeSchema),
  endsAt: Type.Optional(zonedTimeSchema),
  /** Shown while the date is open, e.g. "Frühjahr/Sommer 2027". */
  dateNote: Type.Optional(Text(120)),
  place: Type.Optional(Text(200)),
  guidingQuestions: Type.Array(Text(500), { maxItems: 20 }),
});
export type CircleModule = Shape<typeof circleModuleSchema>;

export const delegationRuleSchema = ClosedObject({
  /** At most this many people per municipality. */
  maxPeople: Type.Integer({ minimum: 1, maximum: 20 }),
  suggestedRoles: Type.Array(OneOf(DelegationRoles), { uniqueItems: true }),
});
export type DelegationRule = Shape<typeof delegationRuleSchema>;

export const circleDetailsSchema = ClosedObject({
  modules: Type.Array(circleModuleSchema, { minItems: 1, maxItems: 12 }),
  delegation: delegationRuleSchema,
  /** 0 = free of charge. */
  feeCents: Type.Integer({ minimum: 0 }),
  feeNote: Type.Optional(Text(300)),
});
export type CircleDetails = Shape<typeof circleDetailsSchema>;

export const eventDocumentSchema = ClosedObject({
  documentId: Uuid(),
  kind: OneOf(DocumentKinds),
  title: Text(200),
  fileName: Text(200),
  mediaType: OneOf(DocumentMediaTypes),
  sizeBytes: Type.Integer({ minimum: 1, maximum: MAX_DOCUMENT_BYTES }),
  /** Hex SHA-256 of the content, checked when the upload completes. */
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  uploadedAt: Timestamp(),
  uploadedBy: actorSchema,
});
export type EventDocument = Shape<typeof eventDocumentSchema>;

export const cancellationSchema = ClosedObject({
  reason: Text(2000),
  cancelledAt: Timestamp(),
  cancelledBy: Type.Optional(actorSchema),
});
export type Cancellation = Shape<typeof cancellationSchema>;

/**
 * An event as it travels in every events-service event (event-carried state transfer): the whole
 * current state, so that registrations, notifications and analytics keep replicas without asking.
 * Times are ISO 8601 with the Berlin offset of that day (see time/berlin-time.ts).
 */
export const clubEventSnapshotSchema = ClosedObject({
  eventId: Uuid(),
  /** Grows by one with every change; a replica keeps the highest it has seen. */
  revision: Type.Integer({ minimum: 1 }),
  kind: OneOf(EventKinds),
  status: OneOf(EventStatuses),
  title: Text(200),
  summary: Type.Optional(Type.String({ maxLength: 500 })),
  /** Markdown as the office wrote it, and the same rendered to safe HTML (no raw HTML, safe links). */
  description: Type.String({ maxLength: 20_000 }),
  descriptionHtml: Type.String(),
  themes: Type.Array(OneOf(Themes), { uniqueItems: true }),
  /** Seats; for a Kommunalzirkel the number of municipalities (delegations). */
  capacity: Type.Integer({ minimum: 0 }),
  /** From the first session or module with a date to the end of the last; absent only for a series with no date yet. */
  startsAt: Type.Optional(zonedTimeSchema),
  endsAt: Type.Optional(zonedTimeSchema),
  registration: registrationWindowSchema,
  audience: OneOf(Audiences),
  announceTo: OneOf(AnnouncementScopes),
  targetGroup: Type.Optional(targetGroupSchema),
  /** Länder the event concerns: where it takes place, and its target group. For filters. */
  federalStates: Type.Array(federalStateSchema, { uniqueItems: true }),
  venue: Type.Optional(venueSchema),
  forum: Type.Optional(forumDetailsSchema),
  lounge: Type.Optional(loungeDetailsSchema),
  circle: Type.Optional(circleDetailsSchema),
  documents: Type.Array(eventDocumentSchema),
  cancellation: Type.Optional(cancellationSchema),
  createdAt: Timestamp(),
  updatedAt: Timestamp(),
});
export type ClubEventSnapshot = Shape<typeof clubEventSnapshotSchema>;

/** A lounge as published when registration opened. */
export const exampleLoungeSnapshot: ClubEventSnapshot = {
  eventId: '8d1c0f3e-4b7a-4c2e-9f51-3a6b2c1d0e97',
  revision: 4,
  kind: 'innovators-lounge',
  status: 'registration-open',
  title: 'Innovators Lounge Ulm: Die smarte Stadt im Alltag',
  summary: 'Wie Ulm Daten, Sensorik und Bürgerbeteiligung zusammenbringt.',
  description: 'Die **Lounge** in Ulm zeigt, was eine smarte Stadt im Alltag leistet.',
  descriptionHtml:
    '<p>Die <strong>Lounge</strong> in Ulm zeigt, was eine smarte Stadt im Alltag leistet.</p>\n',
  themes: ['Digitalisierung', 'Stadtentwicklung'],
  capacity: 50,
  startsAt: '2027-04-15T17:00:00+02:00',
  endsAt: '2027-04-15T21:00:00+02:00',
  registration: { opensAt: '2027-02-01T09:00:00+01:00', closesAt: '2027-04-08T23:59:00+02:00' },
  audience: 'members',
  announceTo: 'all-members',
  federalStates: ['BW'],
  venue: {
    name: 'Stadthaus Ulm',
    street: 'Münsterplatz 50',
    postalCode: '89073',
    city: 'Ulm',
    federalState: 'BW',
  },
  lounge: {
    topic: 'Die smarte Stadt im Alltag',
    host: { name: 'Ulm', ags: '08421000', federalState: 'BW' },
  },
  documents: [
    {
      documentId: '2f6b9c1a-7e3d-4a58-8b0c-1d2e3f4a5b6c',
      kind: 'programme',
      title: 'Programm',
      fileName: 'programm-lounge-ulm.pdf',
      mediaType: 'application/pdf',
      sizeBytes: 184_320,
      sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
      uploadedAt: '2027-01-20T10:15:00.000Z',
      uploadedBy: exampleStaff,
    },
  ],
  createdAt: '2027-01-12T09:00:00.000Z',
  updatedAt: '2027-02-01T08:00:00.000Z',
};
