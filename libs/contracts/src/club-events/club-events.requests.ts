import { Page } from '../membership/membership.requests';
import { defineRequest } from '../requests/request-pattern';
import { ClubEventSnapshot, EventDocument, HostMunicipality, TargetGroup, Venue } from './club-event';
import { BeginDocumentUploadRequest, CancelEventRequest, EventListQuery } from './club-events.dto';
import {
  CreateCircleRequest,
  CreateForumRequest,
  CreateLoungeRequest,
  UpdateCircleRequest,
  UpdateForumRequest,
  UpdateLoungeRequest,
} from './event-drafts.dto';
import { EventKind, EventStatus } from './vocabulary';
import { Theme, FederalState } from '../membership/vocabulary';

/** An event as the office and members see it: its whole current state. Drafts only for staff. */
export type ClubEventReply = ClubEventSnapshot;

/** One line of an event list; the detail (agenda, modules, documents) comes with `events.get`. */
export interface ClubEventSummaryReply {
  readonly eventId: string;
  readonly kind: EventKind;
  readonly status: EventStatus;
  readonly title: string;
  readonly summary?: string;
  readonly themes: readonly Theme[];
  readonly startsAt?: string;
  readonly endsAt?: string;
  readonly venue?: Venue;
  readonly federalStates: readonly FederalState[];
  readonly capacity: number;
  readonly registration: ClubEventSnapshot['registration'];
  readonly cancellationReason?: string;
  /** Who may take part, for a Kommunalzirkel (e.g. Bavaria up to 25,000 inhabitants). */
  readonly targetGroup?: TargetGroup;
  /** What makes each kind itself in a list: the forum's guiding theme, the lounge's host, the series' size. */
  readonly forum?: ForumSummary;
  readonly lounge?: LoungeSummary;
  readonly circle?: CircleSummary;
}

export interface ForumSummary {
  readonly leitgedanke: string;
  readonly edition?: number;
}

export interface LoungeSummary {
  readonly topic: string;
  readonly host: HostMunicipality;
}

export interface CircleSummary {
  readonly moduleCount: number;
}

export interface EventIdRequest {
  readonly eventId: string;
}

export interface DocumentIdRequest extends EventIdRequest {
  readonly documentId: string;
}

export interface DocumentUploadReply {
  readonly uploadId: string;
  /** Send the content in chunks of exactly this size (the last one shorter), base64-encoded. */
  readonly chunkBytes: number;
  readonly chunkCount: number;
}

export interface DocumentChunkRequest {
  readonly uploadId: string;
  /** 0-based; chunks may be resent, each index is stored once. */
  readonly index: number;
  readonly data: string;
}

export interface DocumentChunkReadRequest extends DocumentIdRequest {
  readonly index: number;
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
  updateForum: defineRequest<UpdateForumRequest & EventIdRequest, ClubEventReply>('events', 'forums.update'),
  updateLounge: defineRequest<UpdateLoungeRequest & EventIdRequest, ClubEventReply>(
    'events',
    'lounges.update',
  ),
  updateCircle: defineRequest<UpdateCircleRequest & EventIdRequest, ClubEventReply>(
    'events',
    'circles.update',
  ),
  announce: defineRequest<EventIdRequest, ClubEventReply>('events', 'events.announce'),
  openRegistration: defineRequest<EventIdRequest, ClubEventReply>('events', 'events.open-registration'),
  closeRegistration: defineRequest<EventIdRequest, ClubEventReply>('events', 'events.close-registration'),
  markHeld: defineRequest<EventIdRequest, ClubEventReply>('events', 'events.mark-held'),
  cancel: defineRequest<CancelEventRequest & EventIdRequest, ClubEventReply>('events', 'events.cancel'),
  get: defineRequest<EventIdRequest, ClubEventReply>('events', 'events.get'),
  list: defineRequest<EventListQuery, Page<ClubEventSummaryReply>>('events', 'events.list'),
  /** Every published event from a year back on, for the public calendar feed. */
  calendarFeed: defineRequest<Record<string, never>, ClubEventReply[]>('events', 'events.calendar-feed'),
  beginDocumentUpload: defineRequest<BeginDocumentUploadRequest & EventIdRequest, DocumentUploadReply>(
    'events',
    'documents.begin-upload',
  ),
  uploadDocumentChunk: defineRequest<DocumentChunkRequest, { stored: number }>(
    'events',
    'documents.upload-chunk',
  ),
  completeDocumentUpload: defineRequest<{ uploadId: string }, DocumentReply>(
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
