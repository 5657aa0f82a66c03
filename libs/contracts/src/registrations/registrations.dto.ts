import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type as NestedType } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  ValidateNested,
} from 'class-validator';
import { DelegationRole, DelegationRoles } from '../club-events/vocabulary';
import { MunicipalityDto } from '../membership/member-profile.dto';
import { pageQuerySchema } from '../membership/membership.dto';
import { FederalStateCodes, Salutation, Salutations, Sectors } from '../membership/vocabulary';
import { IsEmailAddress } from '../validation/email-address';
import { SingleLineText } from '../validation/text-input';
import { eventIdSchema } from '../club-events/event-id';
import {
  BooleanQueryField,
  CloneType,
  ClosedObject,
  IdField,
  OneOf,
  RequestBody,
  SingleLineTextField,
  Type,
  withMessage,
} from '../schema';
import { RegistrationStatuses, SessionChoiceStatuses } from './vocabulary';

/**
 * Requests of the registrations service. The shape is checked here (400); whether the event,
 * the person and their municipality allow it is decided by the service (422 naming the rule).
 */
const uuid = (field: string) => ({ message: `${field} muss eine UUID sein` });

/** A person who is not looked up by member id: name and address to write to them. */
export class PersonContactDto {
  @ApiPropertyOptional({ enum: Salutations, default: 'keine', description: 'Anrede im Brief' })
  @IsOptional()
  @IsIn(Salutations)
  salutation?: Salutation;

  @ApiProperty({ example: 'Anna', maxLength: 80 })
  @IsString()
  @Length(1, 80)
  @SingleLineText()
  firstName!: string;

  @ApiProperty({ example: 'Beispiel', maxLength: 80 })
  @IsString()
  @Length(1, 80)
  @SingleLineText()
  lastName!: string;

  @ApiProperty({ example: 'anna.beispiel@pegnitz.example' })
  @IsEmailAddress()
  email!: string;
}

/** A guest the office registers for an event open to members and guests. */
export class GuestDto extends PersonContactDto {
  @ApiPropertyOptional({ example: 'Hochschule Beispielstadt', maxLength: 160 })
  @IsOptional()
  @IsString()
  @Length(1, 160)
  @SingleLineText()
  organisation?: string;
}

/** One person of a municipality's delegation to a Kommunalzirkel; members and non-members alike. */
export class DelegationPersonDto extends PersonContactDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'beim Ändern: die Kennung einer Person, die in der Delegation bleibt',
  })
  @IsOptional()
  @IsUUID('all', uuid('personId'))
  personId?: string;

  @ApiProperty({ enum: DelegationRoles, example: 'mayor', description: 'Funktion in der Delegation' })
  @IsIn(DelegationRoles, { message: `role erlaubt nur: ${DelegationRoles.join(', ')}` })
  role!: DelegationRole;
}

export class RegisterRequest {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Nur Geschäftsstelle: dieses Mitglied anmelden. Mitglieder melden sich selbst an.',
  })
  @IsOptional()
  @IsUUID('all', uuid('memberId'))
  memberId?: string;

  @ApiPropertyOptional({
    type: MunicipalityDto,
    description: 'Nur Geschäftsstelle, Kommunalzirkel: im Namen dieser Kommune anmelden.',
  })
  @IsOptional()
  @ValidateNested()
  @NestedType(() => MunicipalityDto)
  municipality?: MunicipalityDto;

  @ApiPropertyOptional({
    type: GuestDto,
    description: 'Nur Geschäftsstelle, bei Veranstaltungen für Mitglieder und Gäste: einen Gast anmelden.',
  })
  @IsOptional()
  @ValidateNested()
  @NestedType(() => GuestDto)
  guest?: GuestDto;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Deutschlandforum: gewählte Workshops, höchstens einer je Zeitfenster.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique({ message: 'sessionIds enthält einen Workshop doppelt' })
  @IsUUID('all', { each: true, message: 'sessionIds darf nur UUIDs enthalten' })
  sessionIds?: string[];

  @ApiPropertyOptional({
    type: [DelegationPersonDto],
    description: 'Kommunalzirkel: die Personen, die die Kommune entsendet (höchstens die erlaubte Zahl).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'delegation braucht mindestens eine Person' })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @NestedType(() => DelegationPersonDto)
  delegation?: DelegationPersonDto[];
}

/** The whole delegation after the change: people with a personId stay, others are new. */
export class ChangeDelegationRequest {
  @ApiProperty({ type: [DelegationPersonDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'people braucht mindestens eine Person' })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @NestedType(() => DelegationPersonDto)
  people!: DelegationPersonDto[];
}

/** The registration a request is about, by its id. */
const registrationIdSchema = ClosedObject({ registrationId: IdField('registrationId') });
export class RegistrationIdRequest extends RequestBody(registrationIdSchema) {}

const recordAttendanceSchema = ClosedObject({
  personId: Type.Optional(IdField('personId', { description: 'bei einer Delegation: die Person' })),
  moduleId: Type.Optional(
    IdField('moduleId', {
      description: 'beim Kommunalzirkel: das Modul, zu dem die Person gekommen ist (der Einlass je Modul)',
    }),
  ),
  attended: withMessage(
    Type.Boolean({ example: true, description: 'true: ist gekommen; false: nimmt die Markierung zurück' }),
    'attended muss true oder false sein',
  ),
});
export class RecordAttendanceRequest extends RequestBody(recordAttendanceSchema) {}

/** Attendance as the gateway hands it to the registrations service: the registration's id next to it. */
export class RecordAttendanceOfRegistrationRequest extends RequestBody(
  Type.Composite([registrationIdSchema, recordAttendanceSchema], { additionalProperties: false }),
) {}

export class DeclareInterestRequest {
  @ApiPropertyOptional({
    type: MunicipalityDto,
    description: 'Nur Geschäftsstelle: das Interesse dieser Kommune eintragen.',
  })
  @IsOptional()
  @ValidateNested()
  @NestedType(() => MunicipalityDto)
  municipality?: MunicipalityDto;

  @ApiPropertyOptional({
    type: PersonContactDto,
    description: 'Nur Geschäftsstelle, mit municipality: wer in der Kommune informiert werden soll.',
  })
  @IsOptional()
  @ValidateNested()
  @NestedType(() => PersonContactDto)
  contact?: PersonContactDto;
}

/** Filters of the participant list and of its export. */
const participantFilterQuerySchema = ClosedObject({
  status: Type.Optional(
    CloneType(OneOf([...new Set([...RegistrationStatuses, ...SessionChoiceStatuses])]), {
      description: 'Mit sessionId: der Stand im Workshop (confirmed, waiting, pending).',
    }),
  ),
  federalState: Type.Optional(
    CloneType(OneOf(FederalStateCodes), { description: 'Land des Mitglieds oder der Kommune' }),
  ),
  sector: Type.Optional(CloneType(OneOf(Sectors), { description: 'Kommunen zählen zum Sektor Kommune' })),
  sessionId: Type.Optional(IdField('sessionId', { description: 'nur wer diesen Workshop gewählt hat' })),
  attended: Type.Optional(
    withMessage(
      BooleanQueryField({
        description:
          'true: beim Einlass vermerkt (bei einer Delegation mindestens eine Person); false: noch nicht',
      }),
      'attended muss true oder false sein',
    ),
  ),
  q: Type.Optional(
    SingleLineTextField(80, {
      description:
        'Suche in Name, Organisation, Kommune und den Personen einer Delegation (ä = ae = a), z. B. görlitz',
    }),
  ),
});
export class ParticipantFilterQuery extends RequestBody(participantFilterQuerySchema) {}

/** One page of the participant list. */
const participantListQuerySchema = ClosedObject({
  ...participantFilterQuerySchema.properties,
  ...pageQuerySchema.properties,
});
export class ParticipantListQuery extends RequestBody(participantListQuerySchema) {}

/** One page of an event's participant list, as the gateway asks the registrations service for it. */
export class ParticipantListRequest extends RequestBody(
  Type.Composite([eventIdSchema, participantListQuerySchema], { additionalProperties: false }),
) {}

/** The signed-in member's registrations; with `eventId` only those for that event (at most their own and their municipality's). */
export class OwnRegistrationsQuery extends RequestBody(
  ClosedObject({
    ...pageQuerySchema.properties,
    eventId: Type.Optional(IdField('eventId', { description: 'nur die Anmeldung zu dieser Veranstaltung' })),
  }),
) {}

/** The signed-in member's interests; with `eventId` only the one in that event. */
export class OwnInterestsQuery extends RequestBody(
  ClosedObject({
    eventId: Type.Optional(IdField('eventId', { description: 'nur das Interesse an dieser Veranstaltung' })),
  }),
) {}
