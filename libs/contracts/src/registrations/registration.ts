import { exampleLoungeSnapshot } from '../club-events/club-event';
import { DelegationRoles } from '../club-events/vocabulary';
import {
  actorSchema,
  municipalitySchema,
  SealedToken,
  sealedTokenSchema,
} from '../membership/member-profile';
import { FederalStateCodes, Salutation, Sectors } from '../membership/vocabulary';
import { ClosedObject, OneOf, Shape, Timestamp, Type, Uuid } from '../schema';
import {
  CancellationCauses,
  InterestHolderKinds,
  RegistrantKinds,
  RegistrationStatuses,
  SessionChoiceStatuses,
} from './vocabulary';

const federalStateSchema = OneOf(FederalStateCodes);
const placeSchema = Type.Integer({ minimum: 1 });

export const registrantSchema = ClosedObject({
  kind: OneOf(RegistrantKinds),
  /** member: the member; municipality: the member who registered it, when a member did. */
  memberId: Type.Optional(Uuid()),
  /** municipality: the municipality; member: the member's own, when they have one. */
  municipality: Type.Optional(municipalitySchema),
  /** The member's Land, or the municipality's. */
  federalState: Type.Optional(federalStateSchema),
  /** Members only. */
  sector: Type.Optional(OneOf(Sectors)),
  /** Guests: their PersonContact, sealed. */
  contact: Type.Optional(sealedTokenSchema),
});
export type Registrant = Shape<typeof registrantSchema>;

export const sessionChoiceSchema = ClosedObject({
  sessionId: Uuid(),
  status: OneOf(SessionChoiceStatuses),
  /** On the workshop's own waiting list. */
  waitingPlace: Type.Optional(placeSchema),
});
export type SessionChoice = Shape<typeof sessionChoiceSchema>;

export const delegationPersonSchema = ClosedObject({
  /** Stays the same while the person stays in the delegation; each person gets their own mails. */
  personId: Uuid(),
  role: OneOf(DelegationRoles),
  /** Their PersonContact, sealed. */
  contact: sealedTokenSchema,
  /** Came to at least one module (Kommunalzirkel) or to the event. */
  attended: Type.Optional(Type.Boolean()),
  /** Kommunalzirkel: the modules the person came to, by moduleId. */
  attendedModules: Type.Optional(Type.Array(Uuid(), { maxItems: 12 })),
});
export type DelegationPerson = Shape<typeof delegationPersonSchema>;

/** What a sealed `contact` opens to (JSON): enough to write to the person. */
export interface PersonContact {
  readonly salutation: Salutation;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly organisation?: string;
}

export const registrationCancellationSchema = ClosedObject({
  cause: OneOf(CancellationCauses),
  /** Absent when it followed from the event's cancellation. */
  by: Type.Optional(actorSchema),
});
export type RegistrationCancellation = Shape<typeof registrationCancellationSchema>;

/**
 * A registration as it travels in every registrations-service event (event-carried state
 * transfer): whole, after the change. Names and e-mail addresses of people who are not looked up
 * by member id (delegation people, guests, interest contacts) are sealed for the notifications
 * service (see SecretBox, key LINK_TOKEN_SECRET): the topic is kept forever and read by outside
 * consumers, who see only the pseudonymous ids.
 */
export const registrationSnapshotSchema = ClosedObject({
  registrationId: Uuid(),
  eventId: Uuid(),
  /** Grows by one with every change of this registration; a replica keeps the highest it has seen. */
  revision: Type.Integer({ minimum: 1 }),
  status: OneOf(RegistrationStatuses),
  /** 1 = next to move up; distinct and without gaps among the waiting, as of this event. */
  waitingPlace: Type.Optional(placeSchema),
  registrant: registrantSchema,
  /** The member themselves, or the office acting for them, a municipality or a guest. */
  registeredBy: actorSchema,
  /** Workshop choices of a Deutschlandforum, one per parallel slot, each with its own seat. */
  sessions: Type.Array(sessionChoiceSchema, { maxItems: 20 }),
  /** The people a municipality sends to a Kommunalzirkel. */
  delegation: Type.Optional(Type.Array(delegationPersonSchema, { minItems: 1, maxItems: 20 })),
  /** Marked by the office at the check-in (members and guests; delegation people each). */
  attended: Type.Optional(Type.Boolean()),
  registeredAt: Timestamp(),
  confirmedAt: Type.Optional(Timestamp()),
  cancelledAt: Type.Optional(Timestamp()),
  cancellation: Type.Optional(registrationCancellationSchema),
});
export type RegistrationSnapshot = Shape<typeof registrationSnapshotSchema>;

/** Seats of the event after a change: confirmed never exceeds capacity. */
export const seatCountsSchema = ClosedObject({
  capacity: Type.Integer({ minimum: 0 }),
  confirmed: Type.Integer({ minimum: 0 }),
  waiting: Type.Integer({ minimum: 0 }),
});
export type SeatCounts = Shape<typeof seatCountsSchema>;

/** A member or a municipality that declared interest before registration opened. */
export const interestHolderSchema = ClosedObject({
  kind: OneOf(InterestHolderKinds),
  /** member: the member; municipality: the member who declared it for their municipality, if one did. */
  memberId: Type.Optional(Uuid()),
  municipality: Type.Optional(municipalitySchema),
  federalState: Type.Optional(federalStateSchema),
  /** A contact person the office named for a municipality: their PersonContact, sealed. */
  contact: Type.Optional(sealedTokenSchema),
});
export type InterestHolder = Shape<typeof interestHolderSchema>;

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
