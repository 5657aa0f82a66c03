import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import {
  FederalState,
  FederalStateCodes,
  InvitationStatus,
  InvitationStatuses,
  MemberStatus,
  MemberStatuses,
  Sector,
  Sectors,
  Theme,
  Themes,
} from './vocabulary';
import { decimalInteger } from '../validation/query-numbers';
import { SingleLineText } from '../validation/text-input';
import {
  ClosedObject,
  MultiLineTextField,
  RequestBody,
  SingleLineTextField,
  Type,
  Uuid,
  withMessage,
} from '../schema';

/** The short name of a working group in its address: small letters, digits and hyphens. */
export const WORKING_GROUP_ID = /^[a-z0-9-]{2,60}$/;

const createWorkingGroupSchema = ClosedObject({
  id: withMessage(
    Type.String({
      example: 'smartes-land',
      description: 'Kurzname in der Adresse: Kleinbuchstaben, Ziffern, Bindestriche',
      pattern: WORKING_GROUP_ID.source,
    }),
    'id darf nur Kleinbuchstaben, Ziffern und Bindestriche enthalten (2–60 Zeichen)',
  ),
  name: SingleLineTextField(80, { minLength: 2, example: 'Smartes Land' }),
  description: Type.Optional(MultiLineTextField(2000)),
});
export class CreateWorkingGroupRequest extends RequestBody(createWorkingGroupSchema) {}

const workingGroupIdSchema = ClosedObject({
  workingGroupId: withMessage(
    Type.String({ example: 'digitales', pattern: WORKING_GROUP_ID.source }),
    'workingGroupId ist keine gültige Arbeitsgruppen-Kennung',
  ),
});
export class WorkingGroupIdRequest extends RequestBody(workingGroupIdSchema) {}

export const memberIdSchema = ClosedObject({
  memberId: withMessage(Uuid(), 'memberId muss eine UUID sein'),
});
/** A request about one member: theirs or, for the office, anyone's. */
export class MemberIdRequest extends RequestBody(memberIdSchema) {}

/** A request about one invitation. */
export class InvitationIdRequest extends RequestBody(
  ClosedObject({ invitationId: withMessage(Uuid(), 'invitationId muss eine UUID sein') }),
) {}

export class WorkingGroupMemberRequest extends RequestBody(
  Type.Composite([workingGroupIdSchema, memberIdSchema], { additionalProperties: false }),
) {}

const PAGE_CURSOR = /^[A-Za-z0-9_-]{1,400}$/;

/** Cursor paging of every list: `limit` items, then `cursor` from the previous page's `nextCursor`. */
export class PageQuery {
  @ApiPropertyOptional({ description: 'nextCursor der vorigen Seite', pattern: PAGE_CURSOR.source })
  @IsOptional()
  @IsString()
  @Matches(PAGE_CURSOR, { message: 'cursor ist ungültig' })
  cursor?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Transform(decimalInteger)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class DirectoryQuery extends PageQuery {
  @ApiPropertyOptional({ enum: FederalStateCodes })
  @IsOptional()
  @IsIn(FederalStateCodes)
  federalState?: FederalState;

  @ApiPropertyOptional({ enum: Sectors })
  @IsOptional()
  @IsIn(Sectors)
  sector?: Sector;

  @ApiPropertyOptional({
    description: 'Kennung der Arbeitsgruppe, z. B. digitales',
    pattern: '^[a-z0-9-]{2,60}$',
  })
  @IsOptional()
  @Matches(WORKING_GROUP_ID, { message: 'workingGroup ist keine gültige Arbeitsgruppen-Kennung' })
  workingGroup?: string;

  @ApiPropertyOptional({ enum: Themes })
  @IsOptional()
  @IsIn(Themes)
  theme?: Theme;

  @ApiPropertyOptional({
    enum: MemberStatuses,
    description:
      'Nur für die Geschäftsstelle: active (Mitglied) oder inactive (Mitgliedschaft beendet); ohne Angabe beide. ' +
      'Mitglieder sehen immer nur aktive Mitglieder.',
  })
  @IsOptional()
  @IsIn(MemberStatuses)
  status?: MemberStatus;

  @ApiPropertyOptional({ description: 'Suche in Name, Organisation und Kommune, z. B. kalletal' })
  @IsOptional()
  @IsString()
  @Length(1, 80)
  @SingleLineText()
  q?: string;
}

export class InvitationListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: InvitationStatuses })
  @IsOptional()
  @IsIn(InvitationStatuses)
  status?: InvitationStatus;

  @ApiPropertyOptional({
    description:
      'Suche in Vor- und Nachname, E-Mail-Adresse, Organisation und Kommune (ohne Rücksicht auf Groß- und ' +
      'Kleinschreibung); mehrere Wörter müssen alle vorkommen; z. B. kalletal',
  })
  @IsOptional()
  @IsString()
  @Length(1, 80)
  @SingleLineText()
  q?: string;
}

export class IdParam {
  @IsUUID('all', { message: 'id muss eine UUID sein' })
  id!: string;
}
