import { EventIdRequest } from '../club-events/club-events.requests';
import { DelegationRole, EventKind, EventStatus } from '../club-events/vocabulary';
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

/** Seats of a workshop as a member choosing it sees them. */
export interface WorkshopSeatsReply {
  readonly sessionId: string;
  readonly capacity: number;
  /** Seats not taken by confirmed choices; 0: a new choice goes to the workshop's waiting list. */
  readonly seatsLeft: number;
  readonly waiting: number;
}

/** How full an event is, for those about to register: no names, only numbers. */
export interface EventSeatsReply {
  readonly eventId: string;
  /** Seats; for a Kommunalzirkel the number of municipalities. */
  readonly capacity: number;
  /** 0: a new registration goes to the waiting list. */
  readonly seatsLeft: number;
  readonly waiting: number;
  readonly workshops: readonly WorkshopSeatsReply[];
}

export interface WorkshopStatsReply {
  readonly sessionId: string;
  readonly title: string;
  readonly startsAt: string;
  readonly capacity: number;
  readonly confirmed: number;
  readonly waiting: number;
}

/** The office's figures of one event. */
export interface RegistrationStatsReply {
  readonly eventId: string;
  readonly eventStatus: EventStatus;
  /** Seats; for a Kommunalzirkel the number of municipalities. */
  readonly capacity: number;
  readonly confirmed: number;
  readonly waiting: number;
  readonly cancelled: number;
  /** People behind the confirmed registrations (delegations count each person). */
  readonly confirmedPeople: number;
  readonly interestedMembers: number;
  readonly interestedMunicipalities: number;
  /** People marked at the check-in. */
  readonly attendedPeople: number;
  /** Confirmed registrations nobody came for; only once the event is held. */
  readonly noShows?: number;
  readonly workshops: readonly WorkshopStatsReply[];
}

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
