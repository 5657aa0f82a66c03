import { exampleLoungeSnapshot } from '../club-events/club-event';
import { DelegationRole, DelegationRoles } from '../club-events/vocabulary';
import { closedObjectSchema, JsonSchema } from '../events/event-contract';
import {
  Actor,
  actorSchema,
  municipalitySchema,
  Municipality,
  SealedToken,
  sealedTokenSchema,
  timestampSchema,
  uuidSchema,
} from '../membership/member-profile';
import { FederalState, FederalStateCodes, Salutation, Sector, Sectors } from '../membership/vocabulary';
import {
  CancellationCause,
  CancellationCauses,
  InterestHolderKind,
  InterestHolderKinds,
  RegistrantKind,
  RegistrantKinds,
  RegistrationStatus,
  RegistrationStatuses,
  SessionChoiceStatus,
  SessionChoiceStatuses,
} from './vocabulary';

/**
 * A registration as it travels in every registrations-service event (event-carried state
 * transfer): whole, after the change. Names and e-mail addresses of people who are not looked up
 * by member id (delegation people, guests, interest contacts) are sealed for the notifications
 * service (see SecretBox, key LINK_TOKEN_SECRET): the topic is kept forever and read by outside
 * consumers, who see only the pseudonymous ids.
 */
export interface RegistrationSnapshot {
  readonly registrationId: string;
  readonly eventId: string;
  /** Grows by one with every change of this registration; a replica keeps the highest it has seen. */
  readonly revision: number;
  readonly status: RegistrationStatus;
  /** 1 = next to move up; distinct and without gaps among the waiting, as of this event. */
  readonly waitingPlace?: number;
  readonly registrant: Registrant;
  /** The member themselves, or the office acting for them, a municipality or a guest. */
  readonly registeredBy: Actor;
  /** Workshop choices of a Deutschlandforum, one per parallel slot, each with its own seat. */
  readonly sessions: readonly SessionChoice[];
  /** The people a municipality sends to a Kommunalzirkel. */
  readonly delegation?: readonly DelegationPerson[];
  /** Marked by the office at the check-in (members and guests; delegation people each). */
  readonly attended?: boolean;
  readonly registeredAt: string;
  readonly confirmedAt?: string;
  readonly cancelledAt?: string;
  readonly cancellation?: RegistrationCancellation;
}

export interface Registrant {
  readonly kind: RegistrantKind;
  /** member: the member; municipality: the member who registered it, when a member did. */
  readonly memberId?: string;
  /** municipality: the municipality; member: the member's own, when they have one. */
  readonly municipality?: Municipality;
  /** The member's Land, or the municipality's. */
  readonly federalState?: FederalState;
  /** Members only. */
  readonly sector?: Sector;
  /** Guests: their PersonContact, sealed. */
  readonly contact?: SealedToken;
}

export interface SessionChoice {
  readonly sessionId: string;
  readonly status: SessionChoiceStatus;
  /** On the workshop's own waiting list. */
  readonly waitingPlace?: number;
}

export interface DelegationPerson {
  /** Stays the same while the person stays in the delegation; each person gets their own mails. */
  readonly personId: string;
  readonly role: DelegationRole;
  /** Their PersonContact, sealed. */
  readonly contact: SealedToken;
  /** Came to at least one module (Kommunalzirkel) or to the event. */
  readonly attended?: boolean;
  /** Kommunalzirkel: the modules the person came to, by moduleId. */
  readonly attendedModules?: readonly string[];
}

/** What a sealed `contact` opens to (JSON): enough to write to the person. */
export interface PersonContact {
  readonly salutation: Salutation;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly organisation?: string;
}

export interface RegistrationCancellation {
  readonly cause: CancellationCause;
  /** Absent when it followed from the event's cancellation. */
  readonly by?: Actor;
}

/** Seats of the event after a change: confirmed never exceeds capacity. */
export interface SeatCounts {
  readonly capacity: number;
  readonly confirmed: number;
  readonly waiting: number;
}

/** A member or a municipality that declared interest before registration opened. */
export interface InterestHolder {
  readonly kind: InterestHolderKind;
  /** member: the member; municipality: the member who declared it for their municipality, if one did. */
  readonly memberId?: string;
  readonly municipality?: Municipality;
  readonly federalState?: FederalState;
  /** A contact person the office named for a municipality: their PersonContact, sealed. */
  readonly contact?: SealedToken;
}

// ---- JSON Schemas (draft 2020-12) of the shapes above, for the event contracts ----

const federalState: JsonSchema = { enum: [...FederalStateCodes] };
const place: JsonSchema = { type: 'integer', minimum: 1 };

export const registrantSchema = closedObjectSchema(['kind'], {
  kind: { enum: [...RegistrantKinds] },
  memberId: uuidSchema,
  municipality: municipalitySchema,
  federalState,
  sector: { enum: [...Sectors] },
  contact: sealedTokenSchema,
});

export const delegationPersonSchema = closedObjectSchema(['personId', 'role', 'contact'], {
  personId: uuidSchema,
  role: { enum: [...DelegationRoles] },
  contact: sealedTokenSchema,
  attended: { type: 'boolean' },
  attendedModules: { type: 'array', maxItems: 12, items: uuidSchema },
});

export const registrationSnapshotSchema = closedObjectSchema(
  [
    'registrationId',
    'eventId',
    'revision',
    'status',
    'registrant',
    'registeredBy',
    'sessions',
    'registeredAt',
  ],
  {
    registrationId: uuidSchema,
    eventId: uuidSchema,
    revision: { type: 'integer', minimum: 1 },
    status: { enum: [...RegistrationStatuses] },
    waitingPlace: place,
    registrant: registrantSchema,
    registeredBy: actorSchema,
    sessions: {
      type: 'array',
      maxItems: 20,
      items: closedObjectSchema(['sessionId', 'status'], {
        sessionId: uuidSchema,
        status: { enum: [...SessionChoiceStatuses] },
        waitingPlace: place,
      }),
    },
    delegation: { type: 'array', minItems: 1, maxItems: 20, items: delegationPersonSchema },
    attended: { type: 'boolean' },
    registeredAt: timestampSchema,
    confirmedAt: timestampSchema,
    cancelledAt: timestampSchema,
    cancellation: closedObjectSchema(['cause'], {
      cause: { enum: [...CancellationCauses] },
      by: actorSchema,
    }),
  },
);

export const seatCountsSchema = closedObjectSchema(['capacity', 'confirmed', 'waiting'], {
  capacity: { type: 'integer', minimum: 0 },
  confirmed: { type: 'integer', minimum: 0 },
  waiting: { type: 'integer', minimum: 0 },
});

export const interestHolderSchema = closedObjectSchema(['kind'], {
  kind: { enum: [...InterestHolderKinds] },
  memberId: uuidSchema,
  municipality: municipalitySchema,
  federalState,
  contact: sealedTokenSchema,
});

// ---- Examples ----

export const exampleMemberId = '5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10';
export const exampleSealedContact: SealedToken = 'v1.bG9yZW0taXY.c2VhbGVkLWNvbnRhY3QtZXhhbXBsZQ';

/** A member's confirmed registration for the example lounge. */
export const exampleRegistration: RegistrationSnapshot = {
  registrationId: '0d6c3a9e-2f41-4b8a-9c77-5e1f2a3b4c5d',
  eventId: exampleLoungeSnapshot.eventId,
  revision: 1,
  status: 'confirmed',
  registrant: {
    kind: 'member',
    memberId: exampleMemberId,
    municipality: { name: 'Kalletal', ags: '05766040', population: 13_900 },
    federalState: 'NW',
    sector: 'Kommune',
  },
  registeredBy: { subject: exampleMemberId, role: 'member' },
  sessions: [],
  registeredAt: '2027-02-03T08:15:00.000Z',
  confirmedAt: '2027-02-03T08:15:00.000Z',
};

/** A municipality's delegation to a Kommunalzirkel, registered by its mayor. */
export const exampleDelegationRegistration: RegistrationSnapshot = {
  registrationId: '7a1e4c2b-9d3f-4e8a-b6c5-0f1e2d3c4b5a',
  eventId: 'ff822a30-a7ad-4034-95d8-c26f913dbb28',
  revision: 2,
  status: 'confirmed',
  registrant: {
    kind: 'municipality',
    memberId: exampleMemberId,
    municipality: { name: 'Pegnitz', ags: '09472175', population: 13_700 },
    federalState: 'BY',
  },
  registeredBy: { subject: exampleMemberId, role: 'member' },
  sessions: [],
  delegation: [
    { personId: '3c2b1a0f-8e7d-4c6b-9a5f-4e3d2c1b0a9f', role: 'mayor', contact: exampleSealedContact },
    {
      personId: '9f8e7d6c-5b4a-4392-8a1b-0c9d8e7f6a5b',
      role: 'administration',
      contact: exampleSealedContact,
    },
  ],
  registeredAt: '2027-06-01T07:30:00.000Z',
  confirmedAt: '2027-06-01T07:30:00.000Z',
};
