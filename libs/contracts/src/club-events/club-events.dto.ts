import { TObject } from '@sinclair/typebox';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { PageQuery } from '../membership/membership.dto';
import { FederalState, FederalStateCodes, Theme, Themes } from '../membership/vocabulary';
import { CALENDAR_DATE } from '../time/berlin-time';
import { ClosedObject, RequestBody, Type, Uuid, withMessage } from '../schema';
import { MultiLineText, SingleLineText } from '../validation/text-input';
import { updateCircleSchema, updateForumSchema, updateLoungeSchema } from './event-drafts.dto';
import {
  DocumentKind,
  DocumentKinds,
  DocumentMediaType,
  DocumentMediaTypes,
  EventKind,
  EventKinds,
  EventStatus,
  EventStatuses,
  MAX_DOCUMENT_BYTES,
} from './vocabulary';

/** The event a request is about. */
export const eventIdSchema = ClosedObject({ eventId: withMessage(Uuid(), 'eventId muss eine UUID sein') });
export class EventIdRequest extends RequestBody(eventIdSchema) {}

const withEventId = <Schema extends TObject>(schema: Schema) =>
  Type.Composite([eventIdSchema, schema], { additionalProperties: false });

/** The changes of an event and its id, as the gateway hands them to the events service. */
export class UpdateForumWithIdRequest extends RequestBody(withEventId(updateForumSchema)) {}
export class UpdateLoungeWithIdRequest extends RequestBody(withEventId(updateLoungeSchema)) {}
export class UpdateCircleWithIdRequest extends RequestBody(withEventId(updateCircleSchema)) {}

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
