import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  Equals,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
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
import { PORTAL_PATH, PORTAL_PATH_MAX_LENGTH } from './portal-path';
import { MunicipalityDto } from './member-profile.dto';

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
