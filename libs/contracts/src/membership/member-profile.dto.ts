import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  AcademicTitle,
  AcademicTitles,
  FederalState,
  FederalStateCodes,
  Salutation,
  Salutations,
  Sector,
  Sectors,
  SuggestedOfficeTitles,
  Theme,
  Themes,
} from './vocabulary';
import { IsEmailAddress } from '../validation/email-address';
import { MultiLineText, SingleLineText } from '../validation/text-input';
import { CloneType, ClosedObject, SingleLineTextField, withMessage } from '../schema';
import { agsSchema, municipalitySchema } from './member-profile';

const AGS_MESSAGE = 'ags muss der 8-stellige Amtliche Gemeindeschlüssel sein (beginnend mit 01 bis 16)';

/** A municipality as a request names it; the API document shows it as the component MunicipalityDto. */
export const municipalityRequestSchema = ClosedObject({
  name: SingleLineTextField(120, { example: 'Kalletal' }),
  ags: withMessage(
    CloneType(agsSchema, { description: 'Amtlicher Gemeindeschlüssel (8 Ziffern)', example: '05766040' }),
    AGS_MESSAGE,
  ),
  population: CloneType(municipalitySchema.properties.population, { example: 13900 }),
});

/**
 * The same municipality for the requests still checked by class-validator (registrations); it goes
 * when they move to schemas. Its component in the API document is municipalityRequestSchema.
 */
export class MunicipalityDto {
  @ApiProperty({ example: 'Kalletal', maxLength: 120 })
  @IsString()
  @Length(1, 120)
  @SingleLineText()
  name!: string;

  @ApiProperty({ description: 'Amtlicher Gemeindeschlüssel (8 Ziffern)', example: '05766040' })
  @IsString()
  @Matches(/^(0[1-9]|1[0-6])\d{6}$/, { message: AGS_MESSAGE })
  ags!: string;

  @ApiProperty({ example: 13900, minimum: 0, maximum: 5000000 })
  @IsInt()
  @Min(0)
  @Max(5_000_000)
  population!: number;
}

/** Fields a member may change in their own profile. */
export class UpdateOwnProfileRequest {
  @ApiPropertyOptional({ enum: Salutations })
  @IsOptional()
  @IsIn(Salutations)
  salutation?: Salutation;

  @ApiPropertyOptional({ enum: AcademicTitles, nullable: true, description: 'null löscht die Angabe.' })
  @IsOptional()
  @IsIn(AcademicTitles)
  academicTitle?: AcademicTitle | null;

  @ApiPropertyOptional({
    example: 'Bürgermeister',
    description: `Üblich: ${SuggestedOfficeTitles.join(', ')}; freier Text möglich. null löscht die Angabe.`,
    type: String,
    nullable: true,
  })
  @IsOptional()
  @IsString()
  @Length(1, 80)
  @SingleLineText()
  officeTitle?: string | null;

  @ApiPropertyOptional({
    example: '+49 5264 644-0',
    description: 'null löscht die Angabe.',
    type: String,
    nullable: true,
  })
  @IsOptional()
  @IsString()
  @SingleLineText()
  @Matches(/^\+?[0-9 ()/-]{5,40}$/, {
    message: 'phone darf nur Ziffern, Leerzeichen und + ( ) / - enthalten',
  })
  phone?: string | null;

  @ApiPropertyOptional({
    example: 'Leitung Digitalisierung',
    description: 'null löscht die Angabe.',
    type: String,
    nullable: true,
  })
  @IsOptional()
  @IsString()
  @Length(1, 120)
  @SingleLineText()
  position?: string | null;

  @ApiPropertyOptional({ enum: Themes, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(Themes.length)
  @IsIn(Themes, { each: true })
  themes?: Theme[];

  @ApiPropertyOptional({ maxLength: 2000, description: 'Ein leerer Text löscht die Angabe.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @MultiLineText()
  biography?: string;

  @ApiPropertyOptional({
    description:
      'true: keine Ankündigungen neuer Veranstaltungen per E-Mail. Einladungen, Anmeldelinks und Bestätigungen kommen weiterhin.',
    example: false,
  })
  // Not IsOptional: that would let null through, and null means nothing here.
  @ValidateIf((_request, value) => value !== undefined)
  @IsBoolean({ message: 'announcementsOptOut muss true oder false sein' })
  announcementsOptOut?: boolean;
}

/** Everything the office may change; a member's own subset is UpdateOwnProfileRequest. */
export class UpdateMemberRequest extends UpdateOwnProfileRequest {
  @ApiPropertyOptional({ example: 'Jonas' })
  @IsOptional()
  @IsString()
  @Length(1, 80)
  @SingleLineText()
  firstName?: string;

  @ApiPropertyOptional({ example: 'Beispiel' })
  @IsOptional()
  @IsString()
  @Length(1, 80)
  @SingleLineText()
  lastName?: string;

  @ApiPropertyOptional({ example: 'jonas.beispiel@kalletal.example' })
  @IsOptional()
  @IsEmailAddress()
  email?: string;

  @ApiPropertyOptional({ example: 'Gemeinde Kalletal' })
  @IsOptional()
  @IsString()
  @Length(1, 160)
  @SingleLineText()
  organisation?: string;

  @ApiPropertyOptional({ enum: Sectors })
  @IsOptional()
  @IsIn(Sectors)
  sector?: Sector;

  @ApiPropertyOptional({ enum: FederalStateCodes, description: 'ISO-3166-2-Kürzel des Landes' })
  @IsOptional()
  @IsIn(FederalStateCodes)
  federalState?: FederalState;

  @ApiPropertyOptional({ type: MunicipalityDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MunicipalityDto)
  municipality?: MunicipalityDto;

  @ApiPropertyOptional({
    example: 'Sehr geehrte Frau Bürgermeisterin, liebe Frau Brenner,',
    description:
      'Anrede in den E-Mails an das Mitglied, wie die Geschäftsstelle sie festlegt; ohne sie bilden die E-Mails die Anrede aus Anrede, Amtsbezeichnung, Titel und Name. null löscht die Angabe.',
    type: String,
    nullable: true,
  })
  @IsOptional()
  @IsString()
  @Length(1, 160)
  @SingleLineText()
  salutationLine?: string | null;
}

/**
 * A member who joined before the platform kept the club's records (the demo club that `npm start`
 * seeds; a migration): active at once, with the day they joined and their working groups, without
 * an invitation. Only over the request topic, for the office's tools; the HTTP API has no route.
 */
export class ImportMemberRequest {
  @IsUUID('4')
  memberId!: string;

  /** The whole profile: the fields UpdateMemberRequest knows, the required ones checked by the service. */
  @ValidateNested()
  @Type(() => UpdateMemberRequest)
  profile!: UpdateMemberRequest;

  @IsISO8601({ strict: true })
  joinedAt!: string;

  @IsArray()
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(/^[a-z0-9-]{2,60}$/, { each: true, message: 'workingGroupIds enthält eine ungültige Kennung' })
  workingGroupIds!: string[];
}
