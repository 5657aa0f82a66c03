import {
  Actor,
  CancellationCause,
  CancellationCauses,
  DelegationPersonReply,
  DelegationRole,
  DelegationRoles,
  EventKind,
  EventKinds,
  EventStatus,
  EventStatuses,
  FederalState,
  FederalStateCodes,
  Page,
  RegisteredEventReply,
  RegistrantKind,
  RegistrantKinds,
  RegistrantReply,
  RegistrationReply,
  RegistrationStatus,
  RegistrationStatuses,
  Salutation,
  Salutations,
  Sector,
  Sectors,
  SessionChoiceReply,
  SessionChoiceStatus,
  SessionChoiceStatuses,
  ZONED_TIME,
  Municipality,
  municipalityReplySchema,
  pickShape,
} from '@ic/contracts';
import { componentRef } from '../http/api-replies';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { API_PREFIX } from '../openapi';

export class RegisteredEventResponse implements RegisteredEventReply {
  @ApiProperty({ example: 'Innovators Lounge Ulm: Die smarte Stadt im Alltag' })
  title!: string;

  @ApiProperty({ enum: EventKinds })
  kind!: EventKind;

  @ApiProperty({ enum: EventStatuses })
  status!: EventStatus;

  @ApiPropertyOptional({ example: '2027-04-15T17:00:00+02:00', description: ZONED_TIME })
  startsAt?: string;

  @ApiPropertyOptional({ example: '2027-04-15T21:00:00+02:00', description: ZONED_TIME })
  endsAt?: string;
}

export class RegistrantResponse implements RegistrantReply {
  @ApiProperty({ enum: RegistrantKinds, description: 'Mitglied, Kommune (Delegation) oder Gast' })
  kind!: RegistrantKind;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'das Mitglied; bei einer Kommune das Mitglied, das sie angemeldet hat',
  })
  memberId?: string;

  @ApiProperty({ example: 'Dr. Anna Beispiel', description: 'bei einer Kommune ihr Name' })
  name!: string;

  @ApiPropertyOptional({ example: 'Bürgermeisterin', description: 'bei einem Mitglied sein Amt' })
  officeTitle?: string;

  @ApiPropertyOptional({ example: 'Stadt Pegnitz' })
  organisation?: string;

  @ApiPropertyOptional({ example: 'anna.beispiel@pegnitz.example' })
  email?: string;

  @ApiPropertyOptional({ enum: Sectors })
  sector?: Sector;

  @ApiPropertyOptional({ enum: FederalStateCodes })
  federalState?: FederalState;

  @ApiPropertyOptional({ allOf: [componentRef('MunicipalityResponse')] })
  municipality?: Municipality;
}

export class SessionChoiceResponse implements SessionChoiceReply {
  @ApiProperty({ format: 'uuid' })
  sessionId!: string;

  @ApiProperty({ example: 'Daten teilen zwischen Kommunen' })
  title!: string;

  @ApiProperty({ example: '2027-05-12T14:00:00+02:00', description: ZONED_TIME })
  startsAt!: string;

  @ApiProperty({ example: '2027-05-12T15:30:00+02:00', description: ZONED_TIME })
  endsAt!: string;

  @ApiProperty({
    enum: SessionChoiceStatuses,
    description: 'pending: vorgemerkt, solange die Anmeldung selbst auf der Warteliste steht',
  })
  status!: SessionChoiceStatus;

  @ApiPropertyOptional({ example: 2, description: 'Platz auf der Warteliste des Workshops' })
  waitingPlace?: number;
}

export class DelegationPersonResponse implements DelegationPersonReply {
  @ApiProperty({ format: 'uuid', description: 'beim Ändern der Delegation angeben, damit die Person bleibt' })
  personId!: string;

  @ApiProperty({ enum: Salutations })
  salutation!: Salutation;

  @ApiProperty({ example: 'Anna' })
  firstName!: string;

  @ApiProperty({ example: 'Beispiel' })
  lastName!: string;

  @ApiProperty({ enum: DelegationRoles })
  role!: DelegationRole;

  @ApiProperty({ example: 'anna.beispiel@pegnitz.example' })
  email!: string;

  @ApiPropertyOptional({
    description: 'beim Einlass vermerkt (beim Kommunalzirkel: zu mindestens einem Modul)',
  })
  attended?: boolean;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Kommunalzirkel: die Module, zu denen die Person beim Einlass vermerkt ist',
  })
  attendedModules?: string[];
}

export class RegistrationCancellationResponse {
  @ApiProperty({ enum: CancellationCauses })
  cause!: CancellationCause;

  @ApiPropertyOptional({ allOf: [componentRef('ActorResponse')] })
  by?: Actor;
}

export class RegistrationResponse implements RegistrationReply {
  @ApiProperty({ format: 'uuid' })
  registrationId!: string;

  @ApiProperty({ format: 'uuid' })
  eventId!: string;

  @ApiProperty({ example: 1 })
  revision!: number;

  @ApiProperty({ type: RegisteredEventResponse })
  event!: RegisteredEventResponse;

  @ApiProperty({ enum: RegistrationStatuses })
  status!: RegistrationStatus;

  @ApiPropertyOptional({ example: 3, description: 'Platz auf der Warteliste: 1 rückt als Nächstes nach' })
  waitingPlace?: number;

  @ApiProperty({ type: RegistrantResponse })
  registrant!: RegistrantResponse;

  @ApiProperty({ allOf: [componentRef('ActorResponse')] })
  registeredBy!: Actor;

  @ApiProperty({ type: [SessionChoiceResponse], description: 'Deutschlandforum: die gewählten Workshops' })
  sessions!: SessionChoiceResponse[];

  @ApiPropertyOptional({ type: [DelegationPersonResponse], description: 'Kommunalzirkel: die Delegation' })
  delegation?: DelegationPersonResponse[];

  @ApiPropertyOptional({ description: 'beim Einlass vermerkt (Mitglieder und Gäste)' })
  attended?: boolean;

  @ApiProperty({ format: 'date-time' })
  registeredAt!: string;

  @ApiPropertyOptional({ format: 'date-time' })
  confirmedAt?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  cancelledAt?: string;

  @ApiPropertyOptional({ type: RegistrationCancellationResponse })
  cancellation?: RegistrationCancellationResponse;

  @ApiProperty({
    example: '2027-04-08T23:59:00+02:00',
    description: 'Bis dahin kann die Person selbst stornieren oder die Delegation ändern (Anmeldeschluss).',
  })
  changeableUntil!: string;
}

export class RegistrationPageResponse {
  @ApiProperty({ type: [RegistrationResponse] })
  items!: RegistrationResponse[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'cursor der nächsten Seite; null auf der letzten',
  })
  nextCursor!: string | null;
}

export function registrationPath(registrationId: string): string {
  return `/${API_PREFIX}/registrations/${registrationId}`;
}

export const actorOf = (actor: Actor): Actor => ({ subject: actor.subject, role: actor.role });

export function toRegisteredEventResponse(event: RegisteredEventReply): RegisteredEventResponse {
  return {
    title: event.title,
    kind: event.kind,
    status: event.status,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
  };
}

/** Copies exactly the documented fields, so that nothing else a service sent can leak into a response. */
export function toRegistrationResponse(reply: RegistrationReply): RegistrationResponse {
  return {
    registrationId: reply.registrationId,
    eventId: reply.eventId,
    revision: reply.revision,
    event: toRegisteredEventResponse(reply.event),
    status: reply.status,
    waitingPlace: reply.waitingPlace,
    registrant: {
      kind: reply.registrant.kind,
      memberId: reply.registrant.memberId,
      name: reply.registrant.name,
      officeTitle: reply.registrant.officeTitle,
      organisation: reply.registrant.organisation,
      email: reply.registrant.email,
      sector: reply.registrant.sector,
      federalState: reply.registrant.federalState,
      municipality:
        reply.registrant.municipality && pickShape(municipalityReplySchema, reply.registrant.municipality),
    },
    registeredBy: actorOf(reply.registeredBy),
    sessions: reply.sessions.map((session) => ({
      sessionId: session.sessionId,
      title: session.title,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      status: session.status,
      waitingPlace: session.waitingPlace,
    })),
    delegation: reply.delegation?.map((person) => ({
      personId: person.personId,
      salutation: person.salutation,
      firstName: person.firstName,
      lastName: person.lastName,
      role: person.role,
      email: person.email,
      attended: person.attended,
      attendedModules: person.attendedModules && [...person.attendedModules],
    })),
    attended: reply.attended,
    registeredAt: reply.registeredAt,
    confirmedAt: reply.confirmedAt,
    cancelledAt: reply.cancelledAt,
    cancellation: reply.cancellation && {
      cause: reply.cancellation.cause,
      by: reply.cancellation.by && actorOf(reply.cancellation.by),
    },
    changeableUntil: reply.changeableUntil,
  };
}

export function toRegistrationPageResponse(page: Page<RegistrationReply>): RegistrationPageResponse {
  return { items: page.items.map(toRegistrationResponse), nextCursor: page.nextCursor };
}
