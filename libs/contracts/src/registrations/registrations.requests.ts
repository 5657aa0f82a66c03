import { EventIdRequest } from '../club-events/club-events.requests';
import { DelegationRoles, EventKinds, EventStatuses } from '../club-events/vocabulary';
import { CloneType, ClosedObject, Count, OneOf, Shape, Timestamp, Type, Uuid } from '../schema';
import { ZONED_TIME } from '../time/berlin-time';
import { actorSchema } from '../membership/member-profile';
import { municipalityReplySchema, Page, PageOf } from '../membership/membership.requests';
import { FederalStateCodes, Salutations, Sectors } from '../membership/vocabulary';
import { defineRequest } from '../requests/request-pattern';
import {
  ChangeDelegationOfRegistrationRequest,
  DeclareInterestInEventRequest,
  OwnInterestsQuery,
  OwnRegistrationsQuery,
  ParticipantListRequest,
  RecordAttendanceOfRegistrationRequest,
  RegisterForEventRequest,
  RegistrationIdRequest,
} from './registrations.dto';
import {
  CancellationCauses,
  InterestHolderKinds,
  RegistrantKinds,
  RegistrationStatuses,
  SessionChoiceStatuses,
} from './vocabulary';

/** The event a registration is for, as far as a list of registrations shows it. */
export const registeredEventReplySchema = ClosedObject({
  title: Type.String({ example: 'Innovators Lounge Ulm: Die smarte Stadt im Alltag' }),
  kind: OneOf(EventKinds),
  status: OneOf(EventStatuses),
  startsAt: Type.Optional(Type.String({ example: '2027-04-15T17:00:00+02:00', description: ZONED_TIME })),
  endsAt: Type.Optional(Type.String({ example: '2027-04-15T21:00:00+02:00', description: ZONED_TIME })),
});
export type RegisteredEventReply = Shape<typeof registeredEventReplySchema>;

/** Who the registration is for, with names: for the registrant themselves and the office. */
export const registrantReplySchema = ClosedObject({
  kind: CloneType(OneOf(RegistrantKinds), { description: 'Mitglied, Kommune (Delegation) oder Gast' }),
  memberId: Type.Optional(
    Type.String({
      format: 'uuid',
      description: 'das Mitglied; bei einer Kommune das Mitglied, das sie angemeldet hat',
    }),
  ),
  /** Members and guests: e.g. "Dr. Anna Beispiel"; municipalities: the municipality's name. */
  name: Type.String({ example: 'Dr. Anna Beispiel', description: 'bei einer Kommune ihr Name' }),
  /** Members: their office, e.g. "Bürgermeisterin" (name badges, the door list). */
  officeTitle: Type.Optional(
    Type.String({ example: 'Bürgermeisterin', description: 'bei einem Mitglied sein Amt' }),
  ),
  organisation: Type.Optional(Type.String({ example: 'Stadt Pegnitz' })),
  email: Type.Optional(Type.String({ example: 'anna.beispiel@pegnitz.example' })),
  sector: Type.Optional(OneOf(Sectors)),
  federalState: Type.Optional(OneOf(FederalStateCodes)),
  municipality: Type.Optional(municipalityReplySchema),
});
export type RegistrantReply = Shape<typeof registrantReplySchema>;

export const sessionChoiceReplySchema = ClosedObject({
  sessionId: Uuid(),
  title: Type.String({ example: 'Daten teilen zwischen Kommunen' }),
  startsAt: Type.String({ example: '2027-05-12T14:00:00+02:00', description: ZONED_TIME }),
  endsAt: Type.String({ example: '2027-05-12T15:30:00+02:00', description: ZONED_TIME }),
  status: CloneType(OneOf(SessionChoiceStatuses), {
    description: 'pending: vorgemerkt, solange die Anmeldung selbst auf der Warteliste steht',
  }),
  waitingPlace: Type.Optional(Count(2, 'Platz auf der Warteliste des Workshops')),
});
export type SessionChoiceReply = Shape<typeof sessionChoiceReplySchema>;

export const delegationPersonReplySchema = ClosedObject({
  personId: Type.String({
    format: 'uuid',
    description: 'beim Ändern der Delegation angeben, damit die Person bleibt',
  }),
  salutation: OneOf(Salutations),
  firstName: Type.String({ example: 'Anna' }),
  lastName: Type.String({ example: 'Beispiel' }),
  role: OneOf(DelegationRoles),
  email: Type.String({ example: 'anna.beispiel@pegnitz.example' }),
  attended: Type.Optional(
    Type.Boolean({ description: 'beim Einlass vermerkt (beim Kommunalzirkel: zu mindestens einem Modul)' }),
  ),
  /** Kommunalzirkel: the modules the person came to. */
  attendedModules: Type.Optional(
    Type.Array(Uuid(), {
      description: 'Kommunalzirkel: die Module, zu denen die Person beim Einlass vermerkt ist',
    }),
  ),
});
export type DelegationPersonReply = Shape<typeof delegationPersonReplySchema>;

export const registrationCancellationReplySchema = ClosedObject({
  cause: OneOf(CancellationCauses),
  by: Type.Optional(actorSchema),
});

export const registrationReplySchema = ClosedObject({
  registrationId: Uuid(),
  eventId: Uuid(),
  revision: Count(1),
  event: registeredEventReplySchema,
  status: OneOf(RegistrationStatuses),
  /** Current place on the waiting list: 1 = next to move up. */
  waitingPlace: Type.Optional(Count(3, 'Platz auf der Warteliste: 1 rückt als Nächstes nach')),
  registrant: registrantReplySchema,
  registeredBy: actorSchema,
  sessions: Type.Array(sessionChoiceReplySchema, {
    description: 'Deutschlandforum: die gewählten Workshops',
  }),
  delegation: Type.Optional(
    Type.Array(delegationPersonReplySchema, { description: 'Kommunalzirkel: die Delegation' }),
  ),
  attended: Type.Optional(Type.Boolean({ description: 'beim Einlass vermerkt (Mitglieder und Gäste)' })),
  registeredAt: Timestamp(),
  confirmedAt: Type.Optional(Timestamp()),
  cancelledAt: Type.Optional(Timestamp()),
  cancellation: Type.Optional(registrationCancellationReplySchema),
  /** Until then the registrant may cancel or change the delegation (the close of registration). */
  changeableUntil: Type.String({
    example: '2027-04-08T23:59:00+02:00',
    description: 'Bis dahin kann die Person selbst stornieren oder die Delegation ändern (Anmeldeschluss).',
  }),
});
export type RegistrationReply = Shape<typeof registrationReplySchema>;

export const registrationPageReplySchema = PageOf(registrationReplySchema, {
  description: 'cursor der nächsten Seite; null auf der letzten',
});

/** `created` false: the person (or municipality) was registered already; this is that registration. */
export interface RegisterReply {
  readonly created: boolean;
  readonly registration: RegistrationReply;
}

export const interestHolderReplySchema = ClosedObject({
  kind: OneOf(InterestHolderKinds),
  memberId: Type.Optional(Uuid()),
  municipality: Type.Optional(municipalityReplySchema),
});

export const interestReplySchema = ClosedObject({
  interestId: Uuid(),
  eventId: Uuid(),
  holder: interestHolderReplySchema,
  declaredBy: actorSchema,
  declaredAt: Timestamp(),
});
export type InterestReply = Shape<typeof interestReplySchema>;

export interface DeclareInterestReply {
  readonly created: boolean;
  readonly interest: InterestReply;
}

/** An interest of the member (or their municipality), with the event it is for. */
export const ownInterestReplySchema = ClosedObject({
  ...interestReplySchema.properties,
  event: registeredEventReplySchema,
});
export type OwnInterestReply = Shape<typeof ownInterestReplySchema>;

export const ownInterestsReplySchema = ClosedObject({ items: Type.Array(ownInterestReplySchema) });
export type OwnInterestsReply = Shape<typeof ownInterestsReplySchema>;

const CAPACITY = 'Plätze; beim Kommunalzirkel: Kommunen';

/** Seats of a workshop as a member choosing it sees them. */
export const workshopSeatsReplySchema = ClosedObject({
  sessionId: Uuid(),
  capacity: Count(40),
  /** Seats not taken by confirmed choices; 0: a new choice goes to the workshop's waiting list. */
  seatsLeft: Count(12, 'frei; 0: wer ihn jetzt wählt, kommt auf seine Warteliste'),
  waiting: Count(0, 'auf der Warteliste des Workshops'),
});
export type WorkshopSeatsReply = Shape<typeof workshopSeatsReplySchema>;

/** How full an event is, for those about to register: no names, only numbers. */
export const eventSeatsReplySchema = ClosedObject({
  eventId: Uuid(),
  /** Seats; for a Kommunalzirkel the number of municipalities. */
  capacity: Count(50, CAPACITY),
  /** 0: a new registration goes to the waiting list. */
  seatsLeft: Count(8, 'frei; 0: eine neue Anmeldung kommt auf die Warteliste'),
  waiting: Count(0, 'Anmeldungen auf der Warteliste'),
  workshops: Type.Array(workshopSeatsReplySchema, { description: 'Deutschlandforum: je Workshop' }),
});
export type EventSeatsReply = Shape<typeof eventSeatsReplySchema>;

export const workshopStatsReplySchema = ClosedObject({
  sessionId: Uuid(),
  title: Type.String({ example: 'Daten teilen zwischen Kommunen' }),
  startsAt: Type.String({ example: '2027-05-12T14:00:00+02:00', description: ZONED_TIME }),
  capacity: Count(40),
  confirmed: Count(40),
  waiting: Count(4),
});
export type WorkshopStatsReply = Shape<typeof workshopStatsReplySchema>;

/** The office's figures of one event. */
export const registrationStatsReplySchema = ClosedObject({
  eventId: Uuid(),
  eventStatus: OneOf(EventStatuses),
  /** Seats; for a Kommunalzirkel the number of municipalities. */
  capacity: Count(50, CAPACITY),
  confirmed: Count(50),
  waiting: Count(6),
  cancelled: Count(2),
  /** People behind the confirmed registrations (delegations count each person). */
  confirmedPeople: Count(50, 'Personen der bestätigten Anmeldungen (Delegationen zählen jede Person)'),
  interestedMembers: Count(12),
  interestedMunicipalities: Count(32, 'verschiedene Kommunen, die Interesse bekundet haben'),
  /** People marked at the check-in. */
  attendedPeople: Count(44, 'beim Einlass vermerkte Personen'),
  /** Confirmed registrations nobody came for; only once the event is held. */
  noShows: Type.Optional(
    Count(6, 'bestätigte Anmeldungen, zu denen niemand kam; erst wenn die Veranstaltung stattgefunden hat'),
  ),
  workshops: Type.Array(workshopStatsReplySchema),
});
export type RegistrationStatsReply = Shape<typeof registrationStatsReplySchema>;

/**
 * The registrations service's requests. Any instance answers any of them: seats are taken by
 * conditional updates of the event's counters in the database, so a burst for one event spreads
 * over every instance.
 */
export const RegistrationsRequests = {
  register: defineRequest<RegisterForEventRequest, RegisterReply>('registrations', 'registrations.register'),
  get: defineRequest<RegistrationIdRequest, RegistrationReply>('registrations', 'registrations.get'),
  listOwn: defineRequest<OwnRegistrationsQuery, Page<RegistrationReply>>(
    'registrations',
    'registrations.list-own',
  ),
  cancel: defineRequest<RegistrationIdRequest, RegistrationReply>('registrations', 'registrations.cancel'),
  changeDelegation: defineRequest<ChangeDelegationOfRegistrationRequest, RegistrationReply>(
    'registrations',
    'registrations.change-delegation',
  ),
  recordAttendance: defineRequest<RecordAttendanceOfRegistrationRequest, RegistrationReply>(
    'registrations',
    'registrations.record-attendance',
  ),
  declareInterest: defineRequest<DeclareInterestInEventRequest, DeclareInterestReply>(
    'registrations',
    'interest.declare',
  ),
  listOwnInterests: defineRequest<OwnInterestsQuery, OwnInterestsReply>('registrations', 'interest.list-own'),
  participants: defineRequest<ParticipantListRequest, Page<RegistrationReply>>(
    'registrations',
    'participants.list',
  ),
  stats: defineRequest<EventIdRequest, RegistrationStatsReply>('registrations', 'registrations.stats'),
  seats: defineRequest<EventIdRequest, EventSeatsReply>('registrations', 'registrations.seats'),
} as const;
