import { Page, PageOf } from '../membership/membership.requests';
import { CloneType, ClosedObject, Count, OneOf, Shape, Type, Uuid } from '../schema';
import { ZONED_TIME } from '../time/berlin-time';
import {
  BerlinTime,
  circleSummaryReplySchema,
  forumSummaryReplySchema,
  loungeDetailsReplySchema,
  registrationWindowReplySchema,
  targetGroupReplySchema,
  venueReplySchema,
} from './club-event-reply';
import { defineRequest } from '../requests/request-pattern';
import { ClubEventSnapshot, EventDocument } from './club-event';
import {
  BeginDocumentUploadWithIdRequest,
  CancelEventWithIdRequest,
  DocumentChunkReadRequest,
  DocumentChunkRequest,
  DocumentIdRequest,
  EventIdRequest,
  EventListQuery,
  UpdateCircleWithIdRequest,
  UpdateForumWithIdRequest,
  UpdateLoungeWithIdRequest,
  UploadIdRequest,
} from './club-events.dto';
import { CreateCircleRequest, CreateForumRequest, CreateLoungeRequest } from './event-drafts.dto';

/** The event a request is about, for the other services' requests too. */
export { EventIdRequest } from './club-events.dto';
import { EventKinds, EventStatuses } from './vocabulary';
import { FederalStateCodes, Themes } from '../membership/vocabulary';

/** An event as the office and members see it: its whole current state. Drafts only for staff. */
export type ClubEventReply = ClubEventSnapshot;

/** One line of an event list; the detail (agenda, modules, documents) comes with `events.get`. */
export const clubEventSummaryReplySchema = ClosedObject({
  eventId: Uuid(),
  kind: OneOf(EventKinds),
  status: OneOf(EventStatuses),
  title: Type.String({ example: 'Innovators Lounge Ulm: Die smarte Stadt im Alltag' }),
  summary: Type.Optional(Type.String()),
  themes: Type.Array(OneOf(Themes)),
  startsAt: Type.Optional(
    BerlinTime(undefined, `${ZONED_TIME}; fehlt nur bei einer Reihe ohne festen Termin`),
  ),
  endsAt: Type.Optional(BerlinTime()),
  venue: Type.Optional(venueReplySchema),
  federalStates: Type.Array(OneOf(FederalStateCodes), { description: 'Ort und Zielgruppe' }),
  capacity: Count(50, 'Plätze; beim Kommunalzirkel: Kommunen'),
  registration: registrationWindowReplySchema,
  cancellationReason: Type.Optional(Type.String({ description: 'bei abgesagten Veranstaltungen' })),
  /** Who may take part, for a Kommunalzirkel (e.g. Bavaria up to 25,000 inhabitants). */
  targetGroup: Type.Optional(
    CloneType(targetGroupReplySchema, { description: 'beim Kommunalzirkel: wer teilnehmen kann' }),
  ),
  /** What makes each kind itself in a list: the forum's guiding theme, the lounge's host, the series' size. */
  forum: Type.Optional(CloneType(forumSummaryReplySchema, { description: 'beim Deutschlandforum' })),
  lounge: Type.Optional(
    CloneType(loungeDetailsReplySchema, { description: 'bei der Innovators Lounge: Thema und Gastgeber' }),
  ),
  circle: Type.Optional(CloneType(circleSummaryReplySchema, { description: 'beim Kommunalzirkel' })),
});
export type ClubEventSummaryReply = Shape<typeof clubEventSummaryReplySchema>;

export const clubEventPageReplySchema = PageOf(clubEventSummaryReplySchema, {
  description: 'cursor der nächsten Seite; null auf der letzten',
});

export type ForumSummary = Shape<typeof forumSummaryReplySchema>;
export type LoungeSummary = Shape<typeof loungeDetailsReplySchema>;
export type CircleSummary = Shape<typeof circleSummaryReplySchema>;

export interface DocumentUploadReply {
  readonly uploadId: string;
  /** Send the content in chunks of exactly this size (the last one shorter), base64-encoded. */
  readonly chunkBytes: number;
  readonly chunkCount: number;
}

export interface DocumentReply extends EventDocument {
  readonly eventId: string;
  readonly chunkBytes: number;
  readonly chunkCount: number;
}

/**
 * The events service's requests. Writes are staff-only; members read published events (not
 * drafts); the calendar feed is public.
 */
export const EventsRequests = {
  createForum: defineRequest<CreateForumRequest, ClubEventReply>('events', 'forums.create'),
  createLounge: defineRequest<CreateLoungeRequest, ClubEventReply>('events', 'lounges.create'),
  createCircle: defineRequest<CreateCircleRequest, ClubEventReply>('events', 'circles.create'),
  updateForum: defineRequest<UpdateForumWithIdRequest, ClubEventReply>('events', 'forums.update'),
  updateLounge: defineRequest<UpdateLoungeWithIdRequest, ClubEventReply>('events', 'lounges.update'),
  updateCircle: defineRequest<UpdateCircleWithIdRequest, ClubEventReply>('events', 'circles.update'),
  announce: defineRequest<EventIdRequest, ClubEventReply>('events', 'events.announce'),
  openRegistration: defineRequest<EventIdRequest, ClubEventReply>('events', 'events.open-registration'),
  closeRegistration: defineRequest<EventIdRequest, ClubEventReply>('events', 'events.close-registration'),
  markHeld: defineRequest<EventIdRequest, ClubEventReply>('events', 'events.mark-held'),
  cancel: defineRequest<CancelEventWithIdRequest, ClubEventReply>('events', 'events.cancel'),
  get: defineRequest<EventIdRequest, ClubEventReply>('events', 'events.get'),
  list: defineRequest<EventListQuery, Page<ClubEventSummaryReply>>('events', 'events.list'),
  /** Every published event from a year back on, for the public calendar feed. */
  calendarFeed: defineRequest<Record<string, never>, ClubEventReply[]>('events', 'events.calendar-feed'),
  beginDocumentUpload: defineRequest<BeginDocumentUploadWithIdRequest, DocumentUploadReply>(
    'events',
    'documents.begin-upload',
  ),
  uploadDocumentChunk: defineRequest<DocumentChunkRequest, { stored: number }>(
    'events',
    'documents.upload-chunk',
  ),
  completeDocumentUpload: defineRequest<UploadIdRequest, DocumentReply>(
    'events',
    'documents.complete-upload',
  ),
  getDocument: defineRequest<DocumentIdRequest, DocumentReply>('events', 'documents.get'),
  readDocumentChunk: defineRequest<DocumentChunkReadRequest, { data: string }>(
    'events',
    'documents.read-chunk',
  ),
  removeDocument: defineRequest<DocumentIdRequest, ClubEventReply>('events', 'documents.remove'),
} as const;
