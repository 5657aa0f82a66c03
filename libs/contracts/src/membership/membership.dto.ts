import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
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
} from 'class-validator';
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
import { MultiLineText, SingleLineText } from '../validation/text-input';

export class CreateWorkingGroupRequest {
  @ApiProperty({
    example: 'smartes-land',
    description: 'Kurzname in der Adresse: Kleinbuchstaben, Ziffern, Bindestriche',
  })
  @IsString()
  @Matches(/^[a-z0-9-]{2,60}$/, {
    message: 'id darf nur Kleinbuchstaben, Ziffern und Bindestriche enthalten (2–60 Zeichen)',
  })
  id!: string;

  @ApiProperty({ example: 'Smartes Land' })
  @IsString()
  @Length(2, 80)
  @SingleLineText()
  name!: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @MultiLineText()
  description?: string;
}

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
  @Matches(/^[a-z0-9-]{2,60}$/, { message: 'workingGroup ist keine gültige Arbeitsgruppen-Kennung' })
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
