import {
  Actor,
  CancellationCause,
  DelegationRole,
  EventChangeAspect,
  FederalState,
  Municipality,
  PromotionCause,
  RegistrantKind,
  RegistrationStatus,
  Salutation,
  SeatCounts,
  Sector,
  SessionChangeCause,
  SessionChoiceStatus,
  SessionSeatChange,
} from '@ic/contracts';
import { RuleViolationError } from '@ic/platform';
import { Refusal } from './registration.messages';

/** A person of a delegation, as this service keeps them (in clear; events carry them sealed). */
export interface StoredPerson {
  readonly personId: string;
  readonly salutation: Salutation;
  readonly firstName: string;
  readonly lastName: string;
  readonly role: DelegationRole;
  readonly email: string;
  /** Came (to at least one module of a Kommunalzirkel). */
  readonly attended?: boolean;
  /** Kommunalzirkel: the modules the person came to, by moduleId. */
  readonly attendedModules?: readonly string[];
}

export interface StoredGuest {
  readonly salutation: Salutation;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly organisation?: string;
}

/** Who a registration is for, as of registering (the lists' filters read Land and sector from here). */
export interface StoredRegistrant {
  readonly kind: RegistrantKind;
  readonly memberId?: string;
  readonly municipality?: Municipality;
  readonly federalState?: FederalState;
  readonly sector?: Sector;
  readonly guest?: StoredGuest;
}

export interface StoredSessionChoice {
  readonly sessionId: string;
  readonly status: SessionChoiceStatus;
  /** When the choice entered its status: the order of the workshop's waiting list. */
  readonly sequence: number;
}

/** One registration: one person (or municipality) for one event. */
export interface Registration {
  readonly registrationId: string;
  readonly eventId: string;
  /** `member:<id>`, `municipality:<AGS>` or `guest:<e-mail>`: one registration per key and event. */
  readonly registrantKey: string;
  readonly registrant: StoredRegistrant;
  readonly registeredBy: Actor;
  readonly status: RegistrationStatus;
  /** When the registration entered its status, in the event's own order: the waiting list's order. */
  readonly sequence: number;
  readonly sessions: readonly StoredSessionChoice[];
  readonly delegation?: readonly StoredPerson[];
  readonly attended?: boolean;
  readonly revision: number;
  readonly registeredAt: Date;
  readonly confirmedAt?: Date;
  readonly cancelledAt?: Date;
  readonly cancellation?: { readonly cause: CancellationCause; readonly by?: Actor };
}

/** A registration as of one moment, with its places on the waiting lists. */
export interface RegistrationView {
  readonly eventId: string;
  readonly entry: Registration;
  readonly waitingPlace?: number;
  /** Place on each workshop's waiting list, by session id. */
  readonly sessionPlaces: Readonly<Record<string, number>>;
}

/** What happened to a registration, with the registration as it was right after; each becomes one event. */
export type RegistrationFact =
  | {
      readonly type: 'confirmed' | 'waitlisted';
      readonly view: RegistrationView;
      readonly seats: SeatCounts;
      readonly by: Actor;
    }
  | {
      readonly type: 'promoted';
      readonly view: RegistrationView;
      readonly seats: SeatCounts;
      readonly cause: PromotionCause;
    }
  | {
      readonly type: 'cancelled';
      readonly view: RegistrationView;
      readonly seats: SeatCounts;
      readonly cause: CancellationCause;
      readonly previousStatus: 'confirmed' | 'waiting';
      readonly by?: Actor;
    }
  | {
      readonly type: 'sessions-changed';
      readonly view: RegistrationView;
      readonly seats: SeatCounts;
      readonly cause: SessionChangeCause;
      readonly changes: readonly SessionSeatChange[];
    }
  | {
      readonly type: 'delegation-changed';
      readonly view: RegistrationView;
      readonly seats: SeatCounts;
      readonly by: Actor;
      readonly added: readonly string[];
      readonly changed: readonly string[];
      readonly removed: readonly StoredPerson[];
    }
  | {
      readonly type: 'attendance-recorded';
      readonly view: RegistrationView;
      readonly by: Actor;
      readonly personId?: string;
      readonly moduleId?: string;
      readonly attended: boolean;
    }
  | {
      readonly type: 'event-changed';
      readonly eventRevision: number;
      readonly changed: readonly EventChangeAspect[];
      readonly registered: readonly RegistrationView[];
    };

export function refusedBy(refusal: Refusal): RuleViolationError {
  return new RuleViolationError(refusal.detail, undefined, refusal.rule);
}
