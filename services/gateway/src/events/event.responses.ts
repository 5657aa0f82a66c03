import {
  Audience,
  Audiences,
  AnnouncementScope,
  AnnouncementScopes,
  ClubEventReply,
  ClubEventSummaryReply,
  EventDocument,
  EventKind,
  EventKinds,
  EventStatus,
  EventStatuses,
  FederalState,
  FederalStateCodes,
  Page,
  Theme,
  Themes,
  ZONED_TIME,
} from '@ic/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { API_PREFIX } from '../openapi';
import {
  CancellationResponse,
  CircleDetailsResponse,
  CircleSummaryResponse,
  EventDocumentResponse,
  ForumDetailsResponse,
  ForumSummaryResponse,
  LoungeDetailsResponse,
  RegistrationWindowResponse,
  TargetGroupResponse,
  VenueResponse,
  toCircleDetailsResponse,
  toForumDetailsResponse,
  toLoungeDetailsResponse,
  toRegistrationWindowResponse,
  toTargetGroupResponse,
  toVenueResponse,
} from './event-parts.responses';

/** What a list shows of an event; the agenda, modules and documents come with the event itself. */
export class EventSummaryResponse {
  @ApiProperty({ format: 'uuid' })
  eventId!: string;

  @ApiProperty({ enum: EventKinds })
  kind!: EventKind;

  @ApiProperty({ enum: EventStatuses })
  status!: EventStatus;

  @ApiProperty({ example: 'Innovators Lounge Ulm: Die smarte Stadt im Alltag' })
  title!: string;

  @ApiPropertyOptional()
  summary?: string;

  @ApiProperty({ enum: Themes, isArray: true })
  themes!: Theme[];

  @ApiPropertyOptional({ description: `${ZONED_TIME}; fehlt nur bei einer Reihe ohne festen Termin` })
  startsAt?: string;

  @ApiPropertyOptional({ description: ZONED_TIME })
  endsAt?: string;

  @ApiPropertyOptional({ type: VenueResponse })
  venue?: VenueResponse;

  @ApiProperty({ enum: FederalStateCodes, isArray: true, description: 'Ort und Zielgruppe' })
  federalStates!: FederalState[];

  @ApiProperty({ example: 50, description: 'Plätze; beim Kommunalzirkel: Kommunen' })
  capacity!: number;

  @ApiProperty({ type: RegistrationWindowResponse })
  registration!: RegistrationWindowResponse;

  @ApiPropertyOptional({ description: 'bei abgesagten Veranstaltungen' })
  cancellationReason?: string;

  @ApiPropertyOptional({ type: TargetGroupResponse, description: 'beim Kommunalzirkel: wer teilnehmen kann' })
  targetGroup?: TargetGroupResponse;

  @ApiPropertyOptional({ type: ForumSummaryResponse, description: 'beim Deutschlandforum' })
  forum?: ForumSummaryResponse;

  @ApiPropertyOptional({
    type: LoungeDetailsResponse,
    description: 'bei der Innovators Lounge: Thema und Gastgeber',
  })
  lounge?: LoungeDetailsResponse;

  @ApiPropertyOptional({ type: CircleSummaryResponse, description: 'beim Kommunalzirkel' })
  circle?: CircleSummaryResponse;
}

export class EventPageResponse {
  @ApiProperty({ type: [EventSummaryResponse] })
  items!: EventSummaryResponse[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'cursor der nächsten Seite; null auf der letzten',
  })
  nextCursor!: string | null;
}

/** An event with everything its detail page shows. Only one of forum, lounge and circle is set, by kind. */
export class EventResponse {
  @ApiProperty({ format: 'uuid' })
  eventId!: string;

  @ApiProperty({ example: 4, description: 'wächst mit jeder Änderung' })
  revision!: number;

  @ApiProperty({ enum: EventKinds })
  kind!: EventKind;

  @ApiProperty({ enum: EventStatuses })
  status!: EventStatus;

  @ApiProperty()
  title!: string;

  @ApiPropertyOptional()
  summary?: string;

  @ApiProperty({ description: 'Beschreibung in Markdown, wie eingegeben' })
  description!: string;

  @ApiProperty({
    description: 'dieselbe Beschreibung als sicheres HTML (ohne eingebettetes HTML, nur sichere Links)',
  })
  descriptionHtml!: string;

  @ApiProperty({ enum: Themes, isArray: true })
  themes!: Theme[];

  @ApiProperty({ example: 50, description: 'Plätze; beim Kommunalzirkel: Kommunen' })
  capacity!: number;

  @ApiPropertyOptional({ description: ZONED_TIME })
  startsAt?: string;

  @ApiPropertyOptional({ description: ZONED_TIME })
  endsAt?: string;

  @ApiProperty({ type: RegistrationWindowResponse })
  registration!: RegistrationWindowResponse;

  @ApiProperty({ enum: Audiences })
  audience!: Audience;

  @ApiProperty({ enum: AnnouncementScopes })
  announceTo!: AnnouncementScope;

  @ApiPropertyOptional({ type: TargetGroupResponse })
  targetGroup?: TargetGroupResponse;

  @ApiProperty({ enum: FederalStateCodes, isArray: true })
  federalStates!: FederalState[];

  @ApiPropertyOptional({ type: VenueResponse })
  venue?: VenueResponse;

  @ApiPropertyOptional({ type: ForumDetailsResponse, description: 'beim Deutschlandforum' })
  forum?: ForumDetailsResponse;

  @ApiPropertyOptional({ type: LoungeDetailsResponse, description: 'bei der Innovators Lounge' })
  lounge?: LoungeDetailsResponse;

  @ApiPropertyOptional({ type: CircleDetailsResponse, description: 'beim Kommunalzirkel' })
  circle?: CircleDetailsResponse;

  @ApiProperty({ type: [EventDocumentResponse] })
  documents!: EventDocumentResponse[];

  @ApiPropertyOptional({ type: CancellationResponse })
  cancellation?: CancellationResponse;

  @ApiProperty({
    example: '/api/v1/events/8d1c0f3e-…/calendar.ics',
    description: 'Kalendereintrag (iCalendar)',
  })
  calendarHref!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export function eventPath(eventId: string): string {
  return `/${API_PREFIX}/events/${eventId}`;
}

export function documentPath(eventId: string, documentId: string): string {
  return `${eventPath(eventId)}/documents/${documentId}`;
}

export function toEventResponse(reply: ClubEventReply): EventResponse {
  return {
    eventId: reply.eventId,
    revision: reply.revision,
    kind: reply.kind,
    status: reply.status,
    title: reply.title,
    summary: reply.summary,
    description: reply.description,
    descriptionHtml: reply.descriptionHtml,
    themes: [...reply.themes],
    capacity: reply.capacity,
    startsAt: reply.startsAt,
    endsAt: reply.endsAt,
    registration: toRegistrationWindowResponse(reply.registration),
    audience: reply.audience,
    announceTo: reply.announceTo,
    targetGroup: reply.targetGroup && toTargetGroupResponse(reply.targetGroup),
    federalStates: [...reply.federalStates],
    venue: reply.venue && toVenueResponse(reply.venue),
    forum: reply.forum && toForumDetailsResponse(reply.forum),
    lounge: reply.lounge && toLoungeDetailsResponse(reply.lounge),
    circle: reply.circle && toCircleDetailsResponse(reply.circle),
    documents: reply.documents.map((document) => toEventDocumentResponse(reply.eventId, document)),
    cancellation: reply.cancellation && {
      reason: reply.cancellation.reason,
      cancelledAt: reply.cancellation.cancelledAt,
    },
    calendarHref: `${eventPath(reply.eventId)}/calendar.ics`,
    createdAt: reply.createdAt,
    updatedAt: reply.updatedAt,
  };
}

export function toEventSummaryResponse(reply: ClubEventSummaryReply): EventSummaryResponse {
  return {
    eventId: reply.eventId,
    kind: reply.kind,
    status: reply.status,
    title: reply.title,
    summary: reply.summary,
    themes: [...reply.themes],
    startsAt: reply.startsAt,
    endsAt: reply.endsAt,
    venue: reply.venue && toVenueResponse(reply.venue),
    federalStates: [...reply.federalStates],
    capacity: reply.capacity,
    registration: toRegistrationWindowResponse(reply.registration),
    cancellationReason: reply.cancellationReason,
    targetGroup: reply.targetGroup && toTargetGroupResponse(reply.targetGroup),
    forum: reply.forum && { leitgedanke: reply.forum.leitgedanke, edition: reply.forum.edition },
    lounge: reply.lounge && toLoungeDetailsResponse(reply.lounge),
    circle: reply.circle && { moduleCount: reply.circle.moduleCount },
  };
}

export function toEventPageResponse(page: Page<ClubEventSummaryReply>): EventPageResponse {
  return { items: page.items.map(toEventSummaryResponse), nextCursor: page.nextCursor };
}

export function toEventDocumentResponse(eventId: string, document: EventDocument): EventDocumentResponse {
  return {
    documentId: document.documentId,
    kind: document.kind,
    title: document.title,
    fileName: document.fileName,
    mediaType: document.mediaType,
    sizeBytes: document.sizeBytes,
    sha256: document.sha256,
    uploadedAt: document.uploadedAt,
    href: documentPath(eventId, document.documentId),
  };
}
