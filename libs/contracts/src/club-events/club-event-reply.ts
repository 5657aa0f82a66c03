import { TString } from '@sinclair/typebox';
import { FederalStateCodes, Themes } from '../membership/vocabulary';
import { CloneType, ClosedObject, Count, OneOf, Text, Timestamp, Type, Uuid } from '../schema';
import { CLUB_TIME_ZONE, formatBerlinTime, parseBerlinTime, ZONED_TIME } from '../time/berlin-time';
import * as parts from './club-event-parts';
import * as vocabulary from './vocabulary';

/**
 * An event as the API shows it, part by part: the parts it shares with the events and the requests
 * (club-event-parts.ts) with the events' limits and the API document's examples and words. The event
 * contracts (club-event.ts) carry a little more (who uploaded a document, who cancelled); answering
 * with these schemas leaves that out.
 */

export const BerlinTime = (example?: string, description = ZONED_TIME) =>
  Type.String(example === undefined ? { description } : { example, description });

/** The parts' time examples are Berlin wall times, as a request may send them; an answer carries the offset. */
const zonedExample = (wallTime: string) => {
  const parsed = parseBerlinTime(wallTime);
  if (!parsed.ok) throw new Error(`${wallTime} is no Berlin time`);
  return formatBerlinTime(parsed.instant);
};

/** How an answer writes the parts (club-event-parts.ts): the events' limits, the document's examples and words. */
const replyWriting: parts.PartWriting<TString, TString> = {
  line: (maxLength, example) => CloneType(Text(maxLength), example === undefined ? {} : { example }),
  text: (maxLength) => Type.String({ maxLength }),
  // The registration window's request times name their zone (Europe/Berlin); an answer's time its offset.
  time: (example, description) =>
    BerlinTime(
      example === undefined ? undefined : zonedExample(example),
      description === undefined || description === CLUB_TIME_ZONE
        ? ZONED_TIME
        : `${ZONED_TIME}; ${description}`,
    ),
  entryId: () => Uuid(),
  // What only a request states: its examples and words are the answer's too, its tighter bounds are not.
  request: (keywords) =>
    Object.fromEntries(
      Object.entries(keywords).filter(([keyword]) => keyword === 'example' || keyword === 'description'),
    ) as Partial<typeof keywords>,
};

export const venueReplySchema = parts.venueOf(replyWriting);
export const registrationWindowReplySchema = parts.registrationWindowOf(replyWriting);
export const targetGroupReplySchema = parts.targetGroupOf(replyWriting);
export const speakerReplySchema = parts.speakerOf(replyWriting);
export const agendaSessionReplySchema = parts.agendaSessionOf(replyWriting, speakerReplySchema);

const forumFields = parts.forumFieldsOf(replyWriting, agendaSessionReplySchema);
export const forumDetailsReplySchema = ClosedObject({
  ...forumFields,
  sessions: CloneType(forumFields.sessions, { description: 'das Programm, nach Beginn geordnet' }),
});

export const hostMunicipalityReplySchema = parts.hostMunicipalityOf(replyWriting);
export const loungeDetailsReplySchema = ClosedObject(parts.loungeFieldsOf(replyWriting));
export const circleModuleReplySchema = parts.circleModuleOf(replyWriting);
export const circleDetailsReplySchema = ClosedObject(
  parts.circleFieldsOf(replyWriting, circleModuleReplySchema),
);

export const eventDocumentReplySchema = ClosedObject({
  documentId: Uuid(),
  kind: OneOf(vocabulary.DocumentKinds),
  title: Type.String({ example: 'Programm' }),
  fileName: Type.String({ example: 'programm.pdf' }),
  mediaType: OneOf(vocabulary.DocumentMediaTypes),
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
  kind: OneOf(vocabulary.EventKinds),
  status: OneOf(vocabulary.EventStatuses),
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
  audience: OneOf(vocabulary.Audiences),
  announceTo: OneOf(vocabulary.AnnouncementScopes),
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

export const forumSummaryReplySchema = ClosedObject({
  leitgedanke: forumFields.leitgedanke,
  edition: forumFields.edition,
});

export const circleSummaryReplySchema = ClosedObject({
  moduleCount: Count(4, 'Zahl der Module (Termine stehen an der Veranstaltung)'),
});
