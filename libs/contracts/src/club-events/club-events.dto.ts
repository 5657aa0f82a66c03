import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../membership/membership.dto';
import { FederalState, FederalStateCodes, Theme, Themes } from '../membership/vocabulary';
import { CALENDAR_DATE, IsBerlinTime } from '../time/berlin-time';
import { MultiLineText, SingleLineText } from '../validation/text-input';
import {
  AnnouncementScope,
  AnnouncementScopes,
  Audience,
  Audiences,
  DelegationRole,
  DelegationRoles,
  DocumentKind,
  DocumentKinds,
  DocumentMediaType,
  DocumentMediaTypes,
  EventKind,
  EventKinds,
  EventStatus,
  EventStatuses,
  MAX_DOCUMENT_BYTES,
  SessionKind,
  SessionKinds,
} from './vocabulary';

/**
 * Requests to create and change events. The shape is checked here (400); rules that relate fields
 * to each other (end after start, registration closing before the event, workshops in the agenda's
 * time) are the events service's domain rules (422). Times are Berlin wall times like
 * `2027-05-12T09:30`, or carry an explicit offset.
 */
const BERLIN_TIME_EXAMPLE = '2027-05-12T09:30';
const uuid = (field: string) => ({ message: `${field} muss eine UUID sein` });

export class VenueDto {
  @ApiProperty({ example: 'Kongresshaus Ulm', maxLength: 160 })
  @IsString()
  @Length(1, 160)
  @SingleLineText()
  name!: string;

  @ApiPropertyOptional({ example: 'Basteistraße 40', maxLength: 160 })
  @IsOptional()
  @IsString()
  @Length(1, 160)
  @SingleLineText()
  street?: string;

  @ApiPropertyOptional({ example: '89073' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{5}$/, { message: 'postalCode muss eine fünfstellige Postleitzahl sein' })
  postalCode?: string;

  @ApiProperty({ example: 'Ulm', maxLength: 120 })
  @IsString()
  @Length(1, 120)
  @SingleLineText()
  city!: string;

  @ApiProperty({ enum: FederalStateCodes, example: 'BW' })
  @IsIn(FederalStateCodes, { message: 'federalState muss ein Länderkürzel sein (z. B. BY, NW)' })
  federalState!: FederalState;
}

export class RegistrationWindowDto {
  @ApiProperty({ example: '2027-02-01T09:00', description: 'Europe/Berlin' })
  @IsBerlinTime()
  opensAt!: string;

  @ApiProperty({ example: '2027-04-08T23:59', description: 'Europe/Berlin' })
  @IsBerlinTime()
  closesAt!: string;
}

export class TargetGroupDto {
  @ApiProperty({ enum: FederalStateCodes, isArray: true, example: ['BY'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(FederalStateCodes, {
    each: true,
    message: 'federalStates enthält ein unbekanntes Land; erlaubt sind die Länderkürzel wie BY, NW',
  })
  federalStates!: FederalState[];

  @ApiPropertyOptional({ example: 25000, minimum: 1, description: 'höchstens so viele Einwohner' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5_000_000)
  maxPopulation?: number;
}

/** What every kind of event has. */
export class EventBaseFields {
  @ApiProperty({ example: 'Innovators Lounge Ulm: Die smarte Stadt im Alltag', maxLength: 200 })
  @IsString()
  @Length(3, 200)
  @SingleLineText()
  title!: string;

  @ApiPropertyOptional({
    type: String,
    maxLength: 500,
    nullable: true,
    description: 'null oder leer löscht sie beim Ändern',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @MultiLineText()
  summary?: string | null;

  @ApiProperty({ description: 'Beschreibung in Markdown (HTML wird nicht übernommen)', maxLength: 20000 })
  @IsString()
  @MaxLength(20_000)
  @MultiLineText()
  description!: string;

  @ApiProperty({ enum: Themes, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(Themes, { each: true, message: `themes erlaubt nur: ${Themes.join(', ')}` })
  themes!: Theme[];

  @ApiProperty({ minimum: 0, example: 50, description: 'Plätze; beim Kommunalzirkel: Kommunen' })
  @IsInt()
  @Min(0, { message: 'capacity darf nicht negativ sein' })
  @Max(100_000)
  capacity!: number;

  @ApiProperty({ type: RegistrationWindowDto })
  @ValidateNested()
  @Type(() => RegistrationWindowDto)
  registration!: RegistrationWindowDto;

  @ApiProperty({ enum: Audiences, example: 'members' })
  @IsIn(Audiences)
  audience!: Audience;

  @ApiPropertyOptional({ enum: AnnouncementScopes, default: 'all-members' })
  @IsOptional()
  @IsIn(AnnouncementScopes)
  announceTo?: AnnouncementScope;

  @ApiPropertyOptional({
    type: TargetGroupDto,
    nullable: true,
    description: 'nötig bei audience target-group; null löscht sie beim Ändern',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => TargetGroupDto)
  targetGroup?: TargetGroupDto | null;
}

export class SpeakerDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'ein Mitglied des Clubs; sonst name und organisation' })
  @IsOptional()
  @IsUUID('all', uuid('memberId'))
  memberId?: string;

  @ApiPropertyOptional({ example: 'Prof. Dr. Ada Beispiel', maxLength: 160 })
  @IsOptional()
  @IsString()
  @Length(1, 160)
  @SingleLineText()
  name?: string;

  @ApiPropertyOptional({ example: 'Hochschule Beispielstadt', maxLength: 160 })
  @IsOptional()
  @IsString()
  @Length(1, 160)
  @SingleLineText()
  organisation?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @MultiLineText()
  bio?: string;
}

export class AgendaSessionDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'beim Ändern: die Kennung der bestehenden Sitzung' })
  @IsOptional()
  @IsUUID('all', uuid('sessionId'))
  sessionId?: string;

  @ApiProperty({ enum: SessionKinds })
  @IsIn(SessionKinds)
  kind!: SessionKind;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @Length(1, 200)
  @SingleLineText()
  title!: string;

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  @MultiLineText()
  abstract?: string;

  @ApiProperty({ example: BERLIN_TIME_EXAMPLE })
  @IsBerlinTime()
  startsAt!: string;

  @ApiProperty({ example: '2027-05-12T10:30' })
  @IsBerlinTime()
  endsAt!: string;

  @ApiPropertyOptional({ example: 'Saal Einstein', maxLength: 120 })
  @IsOptional()
  @IsString()
  @Length(1, 120)
  @SingleLineText()
  room?: string;

  @ApiProperty({ type: [SpeakerDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => SpeakerDto)
  speakers!: SpeakerDto[];

  @ApiPropertyOptional({ minimum: 0, description: 'nur bei Workshops, dort Pflicht' })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'capacity darf nicht negativ sein' })
  @Max(10_000)
  capacity?: number;
}

export class CreateForumRequest extends EventBaseFields {
  @ApiProperty({ example: '2027-05-12T09:30' })
  @IsBerlinTime()
  startsAt!: string;

  @ApiProperty({ example: '2027-05-13T16:00' })
  @IsBerlinTime()
  endsAt!: string;

  @ApiProperty({ example: 'Kommune 2035: mutig, vernetzt, nah', maxLength: 300 })
  @IsString()
  @Length(1, 300)
  @SingleLineText()
  leitgedanke!: string;

  @ApiPropertyOptional({
    type: Number,
    example: 23,
    minimum: 1,
    nullable: true,
    description: 'null löscht sie beim Ändern',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  edition?: number | null;

  @ApiProperty({ type: VenueDto })
  @ValidateNested()
  @Type(() => VenueDto)
  venue!: VenueDto;

  @ApiProperty({ type: [AgendaSessionDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => AgendaSessionDto)
  sessions!: AgendaSessionDto[];
}

export class HostMunicipalityDto {
  @ApiProperty({ example: 'Ulm', maxLength: 120 })
  @IsString()
  @Length(1, 120)
  @SingleLineText()
  name!: string;

  @ApiPropertyOptional({ description: 'Amtlicher Gemeindeschlüssel (8 Ziffern)', example: '08421000' })
  @IsOptional()
  @IsString()
  @Matches(/^(0[1-9]|1[0-6])\d{6}$/, {
    message: 'ags muss der 8-stellige Amtliche Gemeindeschlüssel sein (beginnend mit 01 bis 16)',
  })
  ags?: string;

  @ApiProperty({ enum: FederalStateCodes, example: 'BW' })
  @IsIn(FederalStateCodes, { message: 'federalState muss ein Länderkürzel sein (z. B. BY, NW)' })
  federalState!: FederalState;
}

export class CreateLoungeRequest extends EventBaseFields {
  @ApiProperty({ example: '2027-04-15T17:00' })
  @IsBerlinTime()
  startsAt!: string;

  @ApiProperty({ example: '2027-04-15T21:00' })
  @IsBerlinTime()
  endsAt!: string;

  @ApiProperty({ example: 'Die smarte Stadt im Alltag', maxLength: 300 })
  @IsString()
  @Length(1, 300)
  @SingleLineText()
  topic!: string;

  @ApiProperty({ type: HostMunicipalityDto })
  @ValidateNested()
  @Type(() => HostMunicipalityDto)
  host!: HostMunicipalityDto;

  @ApiProperty({ type: VenueDto })
  @ValidateNested()
  @Type(() => VenueDto)
  venue!: VenueDto;
}

export class CircleModuleDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'beim Ändern: die Kennung des bestehenden Moduls' })
  @IsOptional()
  @IsUUID('all', uuid('moduleId'))
  moduleId?: string;

  @ApiProperty({ example: 'Modul 1: Auftakt in Pegnitz', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  @SingleLineText()
  title!: string;

  @ApiPropertyOptional({ example: '2027-08-14T10:00', description: 'fehlt, solange der Termin offen ist' })
  @IsOptional()
  @IsBerlinTime()
  startsAt?: string;

  @ApiPropertyOptional({ example: '2027-08-14T16:00' })
  @IsOptional()
  @IsBerlinTime()
  endsAt?: string;

  @ApiPropertyOptional({ example: 'Frühjahr/Sommer 2028', maxLength: 120 })
  @IsOptional()
  @IsString()
  @Length(1, 120)
  @SingleLineText()
  dateNote?: string;

  @ApiPropertyOptional({ example: 'Rathaus Pegnitz', maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @SingleLineText()
  place?: string;

  @ApiProperty({ type: [String], example: ['Wo steht unsere Kommune beim Klimaschutz?'] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 500, { each: true })
  @SingleLineText({ each: true })
  guidingQuestions!: string[];
}

export class DelegationRuleDto {
  @ApiProperty({ minimum: 1, maximum: 20, example: 3 })
  @IsInt()
  @Min(1)
  @Max(20)
  maxPeople!: number;

  @ApiProperty({
    enum: DelegationRoles,
    isArray: true,
    example: ['mayor', 'administration', 'civil-society'],
  })
  @IsArray()
  @ArrayUnique()
  @IsIn(DelegationRoles, { each: true })
  suggestedRoles!: DelegationRole[];
}

export class CreateCircleRequest extends EventBaseFields {
  @ApiProperty({ type: [CircleModuleDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => CircleModuleDto)
  modules!: CircleModuleDto[];

  @ApiProperty({ type: DelegationRuleDto })
  @ValidateNested()
  @Type(() => DelegationRuleDto)
  delegation!: DelegationRuleDto;

  @ApiProperty({ minimum: 0, example: 0, description: 'Teilnahmegebühr in Cent; 0 = kostenfrei' })
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  feeCents!: number;

  @ApiPropertyOptional({
    type: String,
    maxLength: 300,
    nullable: true,
    description: 'null löscht ihn beim Ändern',
  })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  @SingleLineText()
  feeNote?: string | null;
}

/** Updates name only what changes; lists (sessions, modules) are replaced as a whole. */
export class UpdateForumRequest extends PartialType(CreateForumRequest) {}
export class UpdateLoungeRequest extends PartialType(CreateLoungeRequest) {}
export class UpdateCircleRequest extends PartialType(CreateCircleRequest) {}

export class CancelEventRequest {
  @ApiProperty({ example: 'Der Veranstaltungsort steht nicht zur Verfügung.', maxLength: 2000 })
  @IsString()
  @Length(3, 2000)
  @MultiLineText()
  reason!: string;
}

export const EventListWhens = ['upcoming', 'past'] as const;
export type EventListWhen = (typeof EventListWhens)[number];

export class EventListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: EventListWhens, default: 'upcoming' })
  @IsOptional()
  @IsIn(EventListWhens)
  when?: EventListWhen;

  @ApiPropertyOptional({ enum: EventKinds })
  @IsOptional()
  @IsIn(EventKinds)
  kind?: EventKind;

  @ApiPropertyOptional({ enum: Themes })
  @IsOptional()
  @IsIn(Themes)
  theme?: Theme;

  @ApiPropertyOptional({ enum: FederalStateCodes })
  @IsOptional()
  @IsIn(FederalStateCodes)
  federalState?: FederalState;

  @ApiPropertyOptional({ enum: EventStatuses, description: 'Entwürfe sieht nur die Geschäftsstelle' })
  @IsOptional()
  @IsIn(EventStatuses)
  status?: EventStatus;

  @ApiPropertyOptional({
    description: 'ab diesem Tag (Europe/Berlin), z. B. 2027-01-01',
  })
  @IsOptional()
  @Matches(CALENDAR_DATE, { message: 'from muss ein Datum wie 2027-01-01 sein (Jahr 2000 bis 2100)' })
  from?: string;

  @ApiPropertyOptional({
    description: 'bis einschließlich diesem Tag (Europe/Berlin), z. B. 2027-12-31',
  })
  @IsOptional()
  @Matches(CALENDAR_DATE, { message: 'to muss ein Datum wie 2027-12-31 sein (Jahr 2000 bis 2100)' })
  to?: string;
}

/** Metadata of an upload; the gateway sends the content after it in chunks. */
export class BeginDocumentUploadRequest {
  @ApiProperty({ enum: DocumentKinds, default: 'other' })
  @IsIn(DocumentKinds)
  kind!: DocumentKind;

  @ApiProperty({ example: 'Programm', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  @SingleLineText()
  title!: string;

  @ApiProperty({ example: 'programm.pdf', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  @Matches(/^[^\\/\u0000-\u001f\u007f"]+$/, {
    message: 'fileName darf keine Pfade oder Steuerzeichen enthalten',
  })
  @SingleLineText()
  fileName!: string;

  @ApiProperty({ enum: DocumentMediaTypes })
  @IsIn(DocumentMediaTypes, {
    message: 'Dateityp nicht erlaubt; erlaubt sind PDF, PNG, JPEG, DOCX, PPTX, XLSX',
  })
  mediaType!: DocumentMediaType;

  @ApiProperty({ minimum: 1, maximum: MAX_DOCUMENT_BYTES })
  @IsInt()
  @Min(1)
  @Max(MAX_DOCUMENT_BYTES, { message: `Die Datei ist größer als ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB` })
  sizeBytes!: number;

  @ApiProperty({ description: 'SHA-256 des Inhalts, hexadezimal' })
  @Matches(/^[0-9a-f]{64}$/, { message: 'sha256 muss 64 hexadezimale Zeichen haben' })
  sha256!: string;
}
