import {
  AgendaSession,
  Audience,
  Audiences,
  AnnouncementScope,
  AnnouncementScopes,
  CircleDetails,
  CircleModule,
  ClubEventReply,
  ClubEventSummaryReply,
  DelegationRole,
  DelegationRoles,
  DocumentKind,
  DocumentKinds,
  DocumentMediaType,
  DocumentMediaTypes,
  EventDocument,
  EventKind,
  EventKinds,
  EventStatus,
  EventStatuses,
  FederalState,
  FederalStateCodes,
  ForumDetails,
  LoungeDetails,
  Page,
  SessionKind,
  SessionKinds,
  Speaker,
  TargetGroup,
  Theme,
  Themes,
  Venue,
} from '@ic/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { API_PREFIX } from '../openapi';

const ZONED_TIME = 'ISO 8601 mit der Europe/Berlin-Zeitverschiebung des Tages';

export class VenueResponse {
  @ApiProperty({ example: 'Stadthaus Ulm' })
  name!: string;

  @ApiPropertyOptional({ example: 'Münsterplatz 50' })
  street?: string;

  @ApiPropertyOptional({ example: '89073' })
  postalCode?: string;

  @ApiProperty({ example: 'Ulm' })
  city!: string;

  @ApiProperty({ enum: FederalStateCodes, example: 'BW' })
  federalState!: FederalState;
}

export class RegistrationWindowResponse {
  @ApiProperty({ example: '2027-02-01T09:00:00+01:00', description: ZONED_TIME })
  opensAt!: string;

  @ApiProperty({ example: '2027-04-08T23:59:00+02:00', description: ZONED_TIME })
  closesAt!: string;
}

export class TargetGroupResponse {
  @ApiProperty({ enum: FederalStateCodes, isArray: true, example: ['BY'] })
  federalStates!: FederalState[];

  @ApiPropertyOptional({ example: 25000, description: 'höchstens so viele Einwohner' })
  maxPopulation?: number;
}

export class SpeakerResponse {
  @ApiProperty({ enum: ['member', 'external'] })
  kind!: 'member' | 'external';

  @ApiPropertyOptional({ format: 'uuid', description: 'bei Mitgliedern des Clubs' })
  memberId?: string;

  @ApiProperty({ example: 'Prof. Dr. Ada Beispiel' })
  name!: string;

  @ApiPropertyOptional({ example: 'Hochschule Beispielstadt' })
  organisation?: string;

  @ApiPropertyOptional()
  bio?: string;
}

export class AgendaSessionResponse {
  @ApiProperty({ format: 'uuid' })
  sessionId!: string;

  @ApiProperty({ enum: SessionKinds })
  kind!: SessionKind;

  @ApiProperty({ example: 'Die Kommune als Plattform' })
  title!: string;

  @ApiPropertyOptional()
  abstract?: string;

  @ApiProperty({ example: '2027-05-12T09:30:00+02:00', description: ZONED_TIME })
  startsAt!: string;

  @ApiProperty({ example: '2027-05-12T10:30:00+02:00', description: ZONED_TIME })
  endsAt!: string;

  @ApiPropertyOptional({ example: 'Saal Einstein' })
  room?: string;

  @ApiProperty({ type: [SpeakerResponse] })
  speakers!: SpeakerResponse[];

  @ApiPropertyOptional({ description: 'Plätze eines Workshops' })
  capacity?: number;
}

export class ForumDetailsResponse {
  @ApiProperty({ example: 'Kommune 2035: mutig, vernetzt, nah' })
  leitgedanke!: string;

  @ApiPropertyOptional({ example: 23 })
  edition?: number;

  @ApiProperty({ type: [AgendaSessionResponse], description: 'das Programm, nach Beginn geordnet' })
  sessions!: AgendaSessionResponse[];
}

export class HostMunicipalityResponse {
  @ApiProperty({ example: 'Ulm' })
  name!: string;

  @ApiPropertyOptional({ example: '08421000' })
  ags?: string;

  @ApiProperty({ enum: FederalStateCodes, example: 'BW' })
  federalState!: FederalState;
}

export class LoungeDetailsResponse {
  @ApiProperty({ example: 'Die smarte Stadt im Alltag' })
  topic!: string;

  @ApiProperty({ type: HostMunicipalityResponse })
  host!: HostMunicipalityResponse;
}

export class CircleModuleResponse {
  @ApiProperty({ format: 'uuid' })
  moduleId!: string;

  @ApiProperty({ example: 'Modul 1: Auftakt in Pegnitz' })
  title!: string;

  @ApiPropertyOptional({ description: `${ZONED_TIME}; fehlt, solange der Termin offen ist` })
  startsAt?: string;

  @ApiPropertyOptional({ description: ZONED_TIME })
  endsAt?: string;

  @ApiPropertyOptional({ example: 'Frühjahr/Sommer 2028' })
  dateNote?: string;

  @ApiPropertyOptional({ example: 'Rathaus Pegnitz' })
  place?: string;

  @ApiProperty({ type: [String] })
  guidingQuestions!: string[];
}

export class DelegationRuleResponse {
  @ApiProperty({ example: 3, description: 'höchstens so viele Personen je Kommune' })
  maxPeople!: number;

  @ApiProperty({ enum: DelegationRoles, isArray: true })
  suggestedRoles!: DelegationRole[];
}

export class CircleDetailsResponse {
  @ApiProperty({ type: [CircleModuleResponse] })
  modules!: CircleModuleResponse[];

  @ApiProperty({ type: DelegationRuleResponse })
  delegation!: DelegationRuleResponse;

  @ApiProperty({ example: 0, description: 'Teilnahmegebühr in Cent; 0 = kostenfrei' })
  feeCents!: number;

  @ApiPropertyOptional()
  feeNote?: string;
}

export class EventDocumentResponse {
  @ApiProperty({ format: 'uuid' })
  documentId!: string;

  @ApiProperty({ enum: DocumentKinds })
  kind!: DocumentKind;

  @ApiProperty({ example: 'Programm' })
  title!: string;

  @ApiProperty({ example: 'programm.pdf' })
  fileName!: string;

  @ApiProperty({ enum: DocumentMediaTypes })
  mediaType!: DocumentMediaType;

  @ApiProperty({ example: 184320 })
  sizeBytes!: number;

  @ApiProperty({ description: 'SHA-256 des Inhalts, hexadezimal' })
  sha256!: string;

  @ApiProperty({ format: 'date-time' })
  uploadedAt!: string;

  @ApiProperty({
    example: '/api/v1/events/8d1c0f3e-…/documents/2f6b9c1a-…',
    description: 'zum Herunterladen',
  })
  href!: string;
}

export class CancellationResponse {
  @ApiProperty({ example: 'Der Veranstaltungsort steht nicht zur Verfügung.' })
  reason!: string;

  @ApiProperty({ format: 'date-time' })
  cancelledAt!: string;
}

export class ForumSummaryResponse {
  @ApiProperty({ example: 'Kommune 2035: mutig, vernetzt, nah' })
  leitgedanke!: string;

  @ApiPropertyOptional({ example: 23 })
  edition?: number;
}

export class CircleSummaryResponse {
  @ApiProperty({ example: 4, description: 'Zahl der Module (Termine stehen an der Veranstaltung)' })
  moduleCount!: number;
}

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

function toRegistrationWindowResponse(window: ClubEventReply['registration']): RegistrationWindowResponse {
  return { opensAt: window.opensAt, closesAt: window.closesAt };
}

function toTargetGroupResponse(group: TargetGroup): TargetGroupResponse {
  return { federalStates: [...group.federalStates], maxPopulation: group.maxPopulation };
}

function toVenueResponse(venue: Venue): VenueResponse {
  return {
    name: venue.name,
    street: venue.street,
    postalCode: venue.postalCode,
    city: venue.city,
    federalState: venue.federalState,
  };
}

function toForumDetailsResponse(forum: ForumDetails): ForumDetailsResponse {
  return {
    leitgedanke: forum.leitgedanke,
    edition: forum.edition,
    sessions: forum.sessions.map(toAgendaSessionResponse),
  };
}

function toAgendaSessionResponse(session: AgendaSession): AgendaSessionResponse {
  return {
    sessionId: session.sessionId,
    kind: session.kind,
    title: session.title,
    abstract: session.abstract,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    room: session.room,
    speakers: session.speakers.map(toSpeakerResponse),
    capacity: session.capacity,
  };
}

function toSpeakerResponse(speaker: Speaker): SpeakerResponse {
  return {
    kind: speaker.kind,
    memberId: speaker.memberId,
    name: speaker.name,
    organisation: speaker.organisation,
    bio: speaker.bio,
  };
}

function toLoungeDetailsResponse(lounge: LoungeDetails): LoungeDetailsResponse {
  return {
    topic: lounge.topic,
    host: { name: lounge.host.name, ags: lounge.host.ags, federalState: lounge.host.federalState },
  };
}

function toCircleDetailsResponse(circle: CircleDetails): CircleDetailsResponse {
  return {
    modules: circle.modules.map(toCircleModuleResponse),
    delegation: {
      maxPeople: circle.delegation.maxPeople,
      suggestedRoles: [...circle.delegation.suggestedRoles],
    },
    feeCents: circle.feeCents,
    feeNote: circle.feeNote,
  };
}

function toCircleModuleResponse(module: CircleModule): CircleModuleResponse {
  return {
    moduleId: module.moduleId,
    title: module.title,
    startsAt: module.startsAt,
    endsAt: module.endsAt,
    dateNote: module.dateNote,
    place: module.place,
    guidingQuestions: [...module.guidingQuestions],
  };
}
