import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  Equals,
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
  InvitationStatus,
  InvitationStatuses,
  MemberStatus,
  MemberStatuses,
  Salutation,
  Salutations,
  Sector,
  Sectors,
  SuggestedOfficeTitles,
  Theme,
  Themes,
} from './vocabulary';
import { IsEmailAddress } from '../validation/email-address';
import { decimalInteger } from '../validation/query-numbers';
import { MultiLineText, SingleLineText } from '../validation/text-input';
import { PORTAL_PATH, PORTAL_PATH_MAX_LENGTH } from './portal-path';

export class MunicipalityDto {
  @ApiProperty({ example: 'Kalletal', maxLength: 120 })
  @IsString()
  @Length(1, 120)
  @SingleLineText()
  name!: string;

  @ApiProperty({ description: 'Amtlicher Gemeindeschlüssel (8 Ziffern)', example: '05766040' })
  @IsString()
  @Matches(/^(0[1-9]|1[0-6])\d{6}$/, {
    message: 'ags muss der 8-stellige Amtliche Gemeindeschlüssel sein (beginnend mit 01 bis 16)',
  })
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

/** The office appoints a person (Berufung); they get an invitation e-mail with a link. */
export class InviteMemberRequest {
  @ApiProperty({ enum: Salutations, example: 'Herr' })
  @IsIn(Salutations)
  salutation!: Salutation;

  @ApiPropertyOptional({ enum: AcademicTitles })
  @IsOptional()
  @IsIn(AcademicTitles)
  academicTitle?: AcademicTitle;

  @ApiPropertyOptional({
    example: 'Bürgermeister',
    description: `Üblich: ${SuggestedOfficeTitles.join(', ')}; freier Text möglich.`,
  })
  @IsOptional()
  @IsString()
  @Length(1, 80)
  @SingleLineText()
  officeTitle?: string;

  @ApiProperty({ example: 'Jonas' })
  @IsString()
  @Length(1, 80)
  @SingleLineText()
  firstName!: string;

  @ApiProperty({ example: 'Beispiel' })
  @IsString()
  @Length(1, 80)
  @SingleLineText()
  lastName!: string;

  @ApiProperty({ example: 'jonas.beispiel@kalletal.example' })
  @IsEmailAddress()
  email!: string;

  @ApiProperty({ example: 'Gemeinde Kalletal' })
  @IsString()
  @Length(1, 160)
  @SingleLineText()
  organisation!: string;

  @ApiPropertyOptional({ example: 'Bürgermeister' })
  @IsOptional()
  @IsString()
  @Length(1, 120)
  @SingleLineText()
  position?: string;

  @ApiProperty({ enum: Sectors, example: 'Kommune' })
  @IsIn(Sectors)
  sector!: Sector;

  @ApiProperty({ enum: FederalStateCodes, example: 'NW' })
  @IsIn(FederalStateCodes)
  federalState!: FederalState;

  @ApiPropertyOptional({ type: MunicipalityDto, description: 'Pflicht für den Sektor Kommune' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MunicipalityDto)
  municipality?: MunicipalityDto;

  @ApiProperty({ enum: Themes, isArray: true, example: ['Digitalisierung', 'Klimaschutz'] })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(Themes.length)
  @IsIn(Themes, { each: true })
  themes!: Theme[];

  @ApiPropertyOptional({
    maxLength: 4000,
    example: 'Wir freuen uns auf Ihre Erfahrung mit digital.interkommunal.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  @MultiLineText()
  personalMessage?: string;
}

export class StaffLoginRequest {
  @ApiProperty({ example: 'geschaeftsstelle@innovators-club.example' })
  @IsEmailAddress()
  email!: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @Length(1, 200)
  password!: string;
}

export class SignInLinkRequest {
  @ApiProperty({ example: 'jonas.beispiel@kalletal.example' })
  @IsEmailAddress()
  email!: string;

  @ApiPropertyOptional({
    description:
      'Die Seite des Portals, auf die der Link in der E-Mail nach der Anmeldung führt (als `?weiter=`): ' +
      'ein Pfad, der mit genau einem „/“ beginnt.',
    example: '/veranstaltungen/5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10',
    maxLength: PORTAL_PATH_MAX_LENGTH,
    pattern: PORTAL_PATH.source,
  })
  @IsOptional()
  @IsString({ message: 'returnTo muss ein Text sein' })
  @MaxLength(PORTAL_PATH_MAX_LENGTH, {
    message: `returnTo darf höchstens ${PORTAL_PATH_MAX_LENGTH} Zeichen lang sein`,
  })
  @Matches(PORTAL_PATH, {
    message:
      'returnTo muss ein Pfad im Portal sein: mit einem „/“ am Anfang, ohne „//“, ohne „\\“ und ohne Leerzeichen',
  })
  returnTo?: string;
}

/** A token from an e-mail link (invitation or sign-in). */
export class LinkTokenRequest {
  @ApiProperty({ description: 'Der Schlüssel aus dem Link in der E-Mail' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{32,64}$/, { message: 'token ist kein gültiger Link-Schlüssel' })
  token!: string;
}

/**
 * The key of the unsubscribe link in an announcement: the member id and its signature
 * (`<uuid>.<43 characters base64url>`, see UnsubscribeTokens in libs/platform).
 */
export const UNSUBSCRIBE_TOKEN =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[A-Za-z0-9_-]{43}$/;

/** One click on the unsubscribe link of an announcement: no more announcements for that member. */
export class UnsubscribeAnnouncementsRequest {
  @ApiProperty({ description: 'Der Schlüssel aus dem Abmeldelink der Ankündigung' })
  @IsString()
  @Matches(UNSUBSCRIBE_TOKEN, { message: 'token ist kein gültiger Abmelde-Schlüssel' })
  token!: string;
}

/** Accepting an invitation; with `signIn: true` the browser is signed in at once (session cookie). */
export class AcceptInvitationRequest extends LinkTokenRequest {
  @ApiPropertyOptional({
    description:
      'true: meldet die Person im Browser gleich an (setzt das Sitzungs-Cookie), ohne Anmeldelink.',
    example: true,
  })
  // Not IsOptional: that would let null through, and null means nothing here.
  @ValidateIf((_request, value) => value !== undefined)
  @IsBoolean({ message: 'signIn muss true oder false sein' })
  signIn?: boolean;
}

export class DeclineInvitationRequest extends LinkTokenRequest {
  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @MultiLineText()
  reason?: string;
}

export class EndMembershipRequest {
  @ApiPropertyOptional({ maxLength: 2000, description: 'Grund (für die Geschäftsstelle)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @MultiLineText()
  note?: string;
}

/** Erasing personal data cannot be undone: the body must say so explicitly. */
export class EraseMemberDataRequest {
  @ApiProperty({
    enum: [true],
    description:
      'Muss `true` sein: bestätigt, dass alle personenbezogenen Daten unwiderruflich gelöscht werden sollen',
  })
  @Equals(true, {
    message:
      'confirm muss true sein: Bitte bestätigen Sie, dass alle personenbezogenen Daten unwiderruflich gelöscht werden sollen',
  })
  confirm!: true;
}

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
