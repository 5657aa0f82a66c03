import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
import { FederalState, FederalStateCodes, Theme, Themes } from '../membership/vocabulary';
import { IsBerlinTime } from '../time/berlin-time';
import { MultiLineText, SingleLineText } from '../validation/text-input';
import {
  AnnouncementScope,
  AnnouncementScopes,
  Audience,
  Audiences,
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
