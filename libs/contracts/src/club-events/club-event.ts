import { TString } from '@sinclair/typebox';
import { actorSchema, exampleStaff } from '../membership/member-profile';
import { FederalStateCodes, Themes } from '../membership/vocabulary';
import { ClosedObject, OneOf, Shape, Text, Timestamp, Type, Uuid } from '../schema';
import {
  agendaSessionOf,
  circleFieldsOf,
  circleModuleOf,
  delegationRuleOf,
  forumFieldsOf,
  hostMunicipalityOf,
  loungeFieldsOf,
  PartWriting,
  registrationWindowOf,
  speakerOf,
  targetGroupOf,
  venueOf,
} from './club-event-parts';
import {
  AnnouncementScopes,
  Audiences,
  DocumentKinds,
  DocumentMediaTypes,
  EventKinds,
  EventStatuses,
  MAX_DOCUMENT_BYTES,
} from './vocabulary';

const zonedTimeSchema = Type.String({
  format: 'date-time',
  description: 'ISO 8601 with the Europe/Berlin offset of that day',
});
const federalStateSchema = OneOf(FederalStateCodes);

/** How an event writes the parts it shares with the requests (club-event-parts.ts): plain JSON Schema. */
const eventWriting: PartWriting<TString, TString> = {
  line: (maxLength) => Text(maxLength),
  text: (maxLength) => Type.String({ maxLength }),
  time: () => zonedTimeSchema,
  entryId: () => Uuid(),
  request: () => ({}),
};

export const registrationWindowSchema = registrationWindowOf(eventWriting);
export type RegistrationWindow = Shape<typeof registrationWindowSchema>;

export const targetGroupSchema = targetGroupOf(eventWriting);
export type TargetGroup = Shape<typeof targetGroupSchema>;

export const venueSchema = venueOf(eventWriting);
export type Venue = Shape<typeof venueSchema>;

export const speakerSchema = speakerOf(eventWriting);
export type Speaker = Shape<typeof speakerSchema>;

export const agendaSessionSchema = agendaSessionOf(eventWriting, speakerSchema);
export type AgendaSession = Shape<typeof agendaSessionSchema>;

export const forumDetailsSchema = ClosedObject(forumFieldsOf(eventWriting, agendaSessionSchema));
export type ForumDetails = Shape<typeof forumDetailsSchema>;

export const hostMunicipalitySchema = hostMunicipalityOf(eventWriting);
export type HostMunicipality = Shape<typeof hostMunicipalitySchema>;

export const loungeDetailsSchema = ClosedObject(loungeFieldsOf(eventWriting));
export type LoungeDetails = Shape<typeof loungeDetailsSchema>;

export const circleModuleSchema = circleModuleOf(eventWriting);
export type CircleModule = Shape<typeof circleModuleSchema>;

export const delegationRuleSchema = delegationRuleOf(eventWriting);
export type DelegationRule = Shape<typeof delegationRuleSchema>;

export const circleDetailsSchema = ClosedObject(circleFieldsOf(eventWriting, circleModuleSchema));
export type CircleDetails = Shape<typeof circleDetailsSchema>;

/** Hex SHA-256 of a document's content. */
export const SHA256_HEX = /^[0-9a-f]{64}$/;

export const eventDocumentSchema = ClosedObject({
  documentId: Uuid(),
  kind: OneOf(DocumentKinds),
  title: Text(200),
  fileName: Text(200),
  mediaType: OneOf(DocumentMediaTypes),
  sizeBytes: Type.Integer({ minimum: 1, maximum: MAX_DOCUMENT_BYTES }),
  /** Hex SHA-256 of the content, checked when the upload completes. */
  sha256: Type.String({ pattern: SHA256_HEX.source }),
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
