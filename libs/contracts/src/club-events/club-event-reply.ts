import { FederalStateCodes, Themes } from '../membership/vocabulary';
import { CloneType, ClosedObject, Count, OneOf, Timestamp, Type, Uuid } from '../schema';
import { ZONED_TIME } from '../time/berlin-time';
import {
  AnnouncementScopes,
  Audiences,
  DelegationRoles,
  DocumentKinds,
  DocumentMediaTypes,
  EventKinds,
  EventStatuses,
  SessionKinds,
} from './vocabulary';

/**
 * An event as the API shows it, part by part. The event contracts (club-event.ts) describe the same
 * shapes for the events and carry a little more (who uploaded a document, who cancelled); answering
 * with these schemas leaves that out. Once club-event.ts is written in TypeBox too, the parts are
 * one schema each.
 */

export const BerlinTime = (example?: string, description = ZONED_TIME) =>
  Type.String(example === undefined ? { description } : { example, description });

export const venueReplySchema = ClosedObject({
  name: Type.String({ example: 'Stadthaus Ulm' }),
  street: Type.Optional(Type.String({ example: 'Münsterplatz 50' })),
  postalCode: Type.Optional(Type.String({ example: '89073' })),
  city: Type.String({ example: 'Ulm' }),
  federalState: CloneType(OneOf(FederalStateCodes), { example: 'BW' }),
});

export const registrationWindowReplySchema = ClosedObject({
  opensAt: BerlinTime('2027-02-01T09:00:00+01:00'),
  closesAt: BerlinTime('2027-04-08T23:59:00+02:00'),
});

export const targetGroupReplySchema = ClosedObject({
  federalStates: Type.Array(OneOf(FederalStateCodes), { example: ['BY'] }),
  maxPopulation: Type.Optional(Count(25000, 'höchstens so viele Einwohner')),
});

export const speakerReplySchema = ClosedObject({
  kind: OneOf(['member', 'external']),
  memberId: Type.Optional(Type.String({ format: 'uuid', description: 'bei Mitgliedern des Clubs' })),
  name: Type.String({ example: 'Prof. Dr. Ada Beispiel' }),
  organisation: Type.Optional(Type.String({ example: 'Hochschule Beispielstadt' })),
  bio: Type.Optional(Type.String()),
});

export const agendaSessionReplySchema = ClosedObject({
  sessionId: Uuid(),
  kind: OneOf(SessionKinds),
  title: Type.String({ example: 'Die Kommune als Plattform' }),
  abstract: Type.Optional(Type.String()),
  startsAt: BerlinTime('2027-05-12T09:30:00+02:00'),
  endsAt: BerlinTime('2027-05-12T10:30:00+02:00'),
  room: Type.Optional(Type.String({ example: 'Saal Einstein' })),
  speakers: Type.Array(speakerReplySchema),
  capacity: Type.Optional(Type.Integer({ description: 'Plätze eines Workshops' })),
});

const forumTheme = {
  leitgedanke: Type.String({ example: 'Kommune 2035: mutig, vernetzt, nah' }),
  edition: Type.Optional(Count(23)),
};

export const forumDetailsReplySchema = ClosedObject({
  ...forumTheme,
  sessions: Type.Array(agendaSessionReplySchema, { description: 'das Programm, nach Beginn geordnet' }),
});

export const hostMunicipalityReplySchema = ClosedObject({
  name: Type.String({ example: 'Ulm' }),
  ags: Type.Optional(Type.String({ example: '08421000' })),
  federalState: CloneType(OneOf(FederalStateCodes), { example: 'BW' }),
});

export const loungeDetailsReplySchema = ClosedObject({
  topic: Type.String({ example: 'Die smarte Stadt im Alltag' }),
  host: hostMunicipalityReplySchema,
});

export const circleModuleReplySchema = ClosedObject({
  moduleId: Uuid(),
  title: Type.String({ example: 'Modul 1: Auftakt in Pegnitz' }),
  startsAt: Type.Optional(BerlinTime(undefined, `${ZONED_TIME}; fehlt, solange der Termin offen ist`)),
  endsAt: Type.Optional(BerlinTime()),
  dateNote: Type.Optional(Type.String({ example: 'Frühjahr/Sommer 2028' })),
  place: Type.Optional(Type.String({ example: 'Rathaus Pegnitz' })),
  guidingQuestions: Type.Array(Type.String()),
});

export const delegationRuleReplySchema = ClosedObject({
  maxPeople: Count(3, 'höchstens so viele Personen je Kommune'),
  suggestedRoles: Type.Array(OneOf(DelegationRoles)),
});

export const circleDetailsReplySchema = ClosedObject({
  modules: Type.Array(circleModuleReplySchema),
  delegation: delegationRuleReplySchema,
  feeCents: Count(0, 'Teilnahmegebühr in Cent; 0 = kostenfrei'),
  feeNote: Type.Optional(Type.String()),
});

export const eventDocumentReplySchema = ClosedObject({
  documentId: Uuid(),
  kind: OneOf(DocumentKinds),
  title: Type.String({ example: 'Programm' }),
  fileName: Type.String({ example: 'programm.pdf' }),
  mediaType: OneOf(DocumentMediaTypes),
  sizeBytes: Count(184320),
  sha256: Type.String({ description: 'SHA-256 des Inhalts, hexadezimal' }),
  uploadedAt: Timestamp(),
});

export const cancellationReplySchema = ClosedObject({
  reason: Type.String({ example: 'Der Veranstaltungsort steht nicht zur Verfügung.' }),
  cancelledAt: Timestamp(),
});

/** An event with everything its detail page shows. Only one of forum, lounge and circle is set, by kind. */
export const clubEventReplySchema = ClosedObject({
  eventId: Uuid(),
  revision: Count(4, 'wächst mit jeder Änderung'),
  kind: OneOf(EventKinds),
  status: OneOf(EventStatuses),
  title: Type.String(),
  summary: Type.Optional(Type.String()),
  description: Type.String({ description: 'Beschreibung in Markdown, wie eingegeben' }),
  descriptionHtml: Type.String({
    description: 'dieselbe Beschreibung als sicheres HTML (ohne eingebettetes HTML, nur sichere Links)',
  }),
  themes: Type.Array(OneOf(Themes)),
  capacity: Count(50, 'Plätze; beim Kommunalzirkel: Kommunen'),
  startsAt: Type.Optional(BerlinTime()),
  endsAt: Type.Optional(BerlinTime()),
  registration: registrationWindowReplySchema,
  audience: OneOf(Audiences),
  announceTo: OneOf(AnnouncementScopes),
  targetGroup: Type.Optional(targetGroupReplySchema),
  federalStates: Type.Array(OneOf(FederalStateCodes)),
  venue: Type.Optional(venueReplySchema),
  forum: Type.Optional(CloneType(forumDetailsReplySchema, { description: 'beim Deutschlandforum' })),
  lounge: Type.Optional(CloneType(loungeDetailsReplySchema, { description: 'bei der Innovators Lounge' })),
  circle: Type.Optional(CloneType(circleDetailsReplySchema, { description: 'beim Kommunalzirkel' })),
  documents: Type.Array(eventDocumentReplySchema),
  cancellation: Type.Optional(cancellationReplySchema),
  createdAt: Timestamp(),
  updatedAt: Timestamp(),
});

export const forumSummaryReplySchema = ClosedObject(forumTheme);

export const circleSummaryReplySchema = ClosedObject({
  moduleCount: Count(4, 'Zahl der Module (Termine stehen an der Veranstaltung)'),
});
