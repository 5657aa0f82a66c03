import { EventIdRequest } from '../club-events/club-events.requests';
import { DelegationRole, EventKind, EventStatus, EventStatuses } from '../club-events/vocabulary';
import { ClosedObject, Count, OneOf, Shape, Type, Uuid } from '../schema';
import { ZONED_TIME } from '../time/berlin-time';
import { Actor, Municipality } from '../membership/member-profile';
import { Page } from '../membership/membership.requests';
import { FederalState, Salutation, Sector } from '../membership/vocabulary';
import { defineRequest } from '../requests/request-pattern';
import {
  ChangeDelegationRequest,
  DeclareInterestRequest,
  OwnInterestsQuery,
  OwnRegistrationsQuery,
  ParticipantListQuery,
  RecordAttendanceRequest,
  RegisterRequest,
} from './registrations.dto';
import {
  CancellationCause,
  InterestHolderKind,
  RegistrantKind,
  RegistrationStatus,
  SessionChoiceStatus,
} from './vocabulary';

export interface RegistrationIdRequest {
  readonly registrationId: string;
}

/** The event a registration is for, as far as a list of registrations shows it. */
export interface RegisteredEventReply {
  readonly title: string;
  readonly kind: EventKind;
  readonly status: EventStatus;
  readonly startsAt?: string;
  readonly endsAt?: string;
}

/** Who the registration is for, with names: for the registrant themselves and the office. */
export interface RegistrantReply {
  readonly kind: RegistrantKind;
  readonly memberId?: string;
  /** Members and guests: e.g. "Dr. Anna Beispiel"; municipalities: the municipality's name. */
  readonly name: string;
  /** Members: their office, e.g. "Bürgermeisterin" (name badges, the door list). */
  readonly officeTitle?: string;
  readonly organisation?: string;
  readonly email?: string;
  readonly sector?: Sector;
  readonly federalState?: FederalState;
  readonly municipality?: Municipality;
}

export interface SessionChoiceReply {
  readonly sessionId: string;
  readonly title: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly status: SessionChoiceStatus;
  readonly waitingPlace?: number;
}

export interface DelegationPersonReply {
  readonly personId: string;
  readonly salutation: Salutation;
  readonly firstName: string;
  readonly lastName: string;
  readonly role: DelegationRole;
  readonly email: string;
  readonly attended?: boolean;
  /** Kommunalzirkel: the modules the person came to. */
  readonly attendedModules?: readonly string[];
}

export interface RegistrationReply {
  readonly registrationId: string;
  readonly eventId: string;
  readonly revision: number;
  readonly event: RegisteredEventReply;
  readonly status: RegistrationStatus;
  /** Current place on the waiting list: 1 = next to move up. */
  readonly waitingPlace?: number;
  readonly registrant: RegistrantReply;
  readonly registeredBy: Actor;
  readonly sessions: readonly SessionChoiceReply[];
  readonly delegation?: readonly DelegationPersonReply[];
  readonly attended?: boolean;
  readonly registeredAt: string;
  readonly confirmedAt?: string;
  readonly cancelledAt?: string;
  readonly cancellation?: { readonly cause: CancellationCause; readonly by?: Actor };
  /** Until then the registrant may cancel or change the delegation (the close of registration). */
  readonly changeableUntil: string;
}

/** `created` false: the person (or municipality) was registered already; this is that registration. */
export interface RegisterReply {
  readonly created: boolean;
  readonly registration: RegistrationReply;
}

export interface InterestReply {
  readonly interestId: string;
  readonly eventId: string;
  readonly holder: {
    readonly kind: InterestHolderKind;
    readonly memberId?: string;
    readonly municipality?: Municipality;
  };
  readonly declaredBy: Actor;
  readonly declaredAt: string;
}

export interface DeclareInterestReply {
  readonly created: boolean;
  readonly interest: InterestReply;
}

/** An interest of the member (or their municipality), with the event it is for. */
export interface OwnInterestReply extends InterestReply {
  readonly event: RegisteredEventReply;
}

export interface OwnInterestsReply {
  readonly items: readonly OwnInterestReply[];
}

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
  register: defineRequest<RegisterRequest & EventIdRequest, RegisterReply>(
    'registrations',
    'registrations.register',
  ),
  get: defineRequest<RegistrationIdRequest, RegistrationReply>('registrations', 'registrations.get'),
  listOwn: defineRequest<OwnRegistrationsQuery, Page<RegistrationReply>>(
    'registrations',
    'registrations.list-own',
  ),
  cancel: defineRequest<RegistrationIdRequest, RegistrationReply>('registrations', 'registrations.cancel'),
  changeDelegation: defineRequest<ChangeDelegationRequest & RegistrationIdRequest, RegistrationReply>(
    'registrations',
    'registrations.change-delegation',
  ),
  recordAttendance: defineRequest<RecordAttendanceRequest & RegistrationIdRequest, RegistrationReply>(
    'registrations',
    'registrations.record-attendance',
  ),
  declareInterest: defineRequest<DeclareInterestRequest & EventIdRequest, DeclareInterestReply>(
    'registrations',
    'interest.declare',
  ),
  listOwnInterests: defineRequest<OwnInterestsQuery, OwnInterestsReply>('registrations', 'interest.list-own'),
  participants: defineRequest<ParticipantListQuery & EventIdRequest, Page<RegistrationReply>>(
    'registrations',
    'participants.list',
  ),
  stats: defineRequest<EventIdRequest, RegistrationStatsReply>('registrations', 'registrations.stats'),
  seats: defineRequest<EventIdRequest, EventSeatsReply>('registrations', 'registrations.seats'),
} as const;
