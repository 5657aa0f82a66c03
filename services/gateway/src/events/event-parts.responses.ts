import {
  AgendaSession,
  CircleDetails,
  CircleModule,
  ClubEventReply,
  DelegationRole,
  DelegationRoles,
  DocumentKind,
  DocumentKinds,
  DocumentMediaType,
  DocumentMediaTypes,
  FederalState,
  FederalStateCodes,
  ForumDetails,
  LoungeDetails,
  SessionKind,
  SessionKinds,
  Speaker,
  TargetGroup,
  Venue,
  ZONED_TIME,
} from '@ic/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

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

export function toRegistrationWindowResponse(
  window: ClubEventReply['registration'],
): RegistrationWindowResponse {
  return { opensAt: window.opensAt, closesAt: window.closesAt };
}

export function toTargetGroupResponse(group: TargetGroup): TargetGroupResponse {
  return { federalStates: [...group.federalStates], maxPopulation: group.maxPopulation };
}

export function toVenueResponse(venue: Venue): VenueResponse {
  return {
    name: venue.name,
    street: venue.street,
    postalCode: venue.postalCode,
    city: venue.city,
    federalState: venue.federalState,
  };
}

export function toForumDetailsResponse(forum: ForumDetails): ForumDetailsResponse {
  return {
    leitgedanke: forum.leitgedanke,
    edition: forum.edition,
    sessions: forum.sessions.map(toAgendaSessionResponse),
  };
}

export function toAgendaSessionResponse(session: AgendaSession): AgendaSessionResponse {
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

export function toSpeakerResponse(speaker: Speaker): SpeakerResponse {
  return {
    kind: speaker.kind,
    memberId: speaker.memberId,
    name: speaker.name,
    organisation: speaker.organisation,
    bio: speaker.bio,
  };
}

export function toLoungeDetailsResponse(lounge: LoungeDetails): LoungeDetailsResponse {
  return {
    topic: lounge.topic,
    host: { name: lounge.host.name, ags: lounge.host.ags, federalState: lounge.host.federalState },
  };
}

export function toCircleDetailsResponse(circle: CircleDetails): CircleDetailsResponse {
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

export function toCircleModuleResponse(module: CircleModule): CircleModuleResponse {
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
