import { clubEventSnapshotSchema } from '../club-events/club-event';
import { changedAspectsSchema } from '../club-events/club-events.events';
import { defineEvent, EventContract } from '../events/event-contract';
import { actorSchema, exampleStaff } from '../membership/member-profile';
import { ClosedObject, EventDataSchema, Extended, OneOf, Shape, Timestamp, Type, Uuid } from '../schema';
import { DomainTopics } from '../topics';
import {
  delegationPersonSchema,
  exampleDelegationRegistration,
  exampleMemberId,
  exampleRegistration,
  exampleSealedContact,
  interestHolderSchema,
  registrationSnapshotSchema,
  seatCountsSchema,
} from './registration';
import {
  CancellationCauses,
  PromotionCauses,
  SessionChangeCauses,
  SessionChoiceStatuses,
} from './vocabulary';
import {
  exampleChange,
  exampleCircleEvent,
  exampleEvent,
  exampleForumEvent,
  exampleMember,
  exampleWithoutConfirmation,
} from './registration-event-examples';

/**
 * Every registrations-service event is KEYED BY EVENT ID, so that the seat changes of one event
 * (confirmations, the waiting list, promotions, cancellations) reach every consumer in the order
 * they were decided. Each carries the whole registration after the change and, where a mail may
 * follow, the event as the registrations service knew it (`event`, for the mail's dates and the
 * calendar entry) and the seat counts after the change.
 *
 * For mails sent exactly once: each event has its own id (ce_id), and one change of a
 * registration is published as exactly one event; `registration.revision` orders the changes of
 * one registration.
 */
const topic = DomainTopics.registrations;
/** What every change of one registration carries. */
export const registrationChangeData = EventDataSchema({
  eventId: Uuid(),
  registrationId: Uuid(),
  /** The registration's revision after the change (= registration.revision). */
  revision: Type.Integer({ minimum: 1 }),
  /** Who acted; absent when the platform did (a promotion, the event's cancellation). */
  by: Type.Optional(actorSchema),
  registration: registrationSnapshotSchema,
  event: clubEventSnapshotSchema,
  seats: seatCountsSchema,
});
export type RegistrationChange = Shape<typeof registrationChangeData>;

/** A change the registrant or the office made, not the platform. */
const registrationChangeByActorData = Extended(registrationChangeData, { by: actorSchema });

export const RegistrationConfirmedEvent = defineEvent({
  type: 'de.dstgb.ic.registrations.RegistrationConfirmed.v1',
  topic,
  description:
    'A registration got a seat at once (also one taken up again after a cancellation). The registrant, and each person of a delegation, gets a confirmation.',
  schema: registrationChangeByActorData,
  example: exampleChange(exampleRegistration, { capacity: 50, confirmed: 17, waiting: 0 }, exampleMember),
});

export const RegistrationWaitlistedEvent = defineEvent({
  type: 'de.dstgb.ic.registrations.RegistrationWaitlisted.v1',
  topic,
  description:
    'The event was full: the registration is on the waiting list at `registration.waitingPlace` (1 = next to move up).',
  schema: registrationChangeByActorData,
  example: exampleChange(
    { ...exampleWithoutConfirmation, status: 'waiting', waitingPlace: 3 },
    { capacity: 50, confirmed: 50, waiting: 3 },
    exampleMember,
  ),
});

export const registrationPromotedData = Extended(registrationChangeData, { cause: OneOf(PromotionCauses) });
export type RegistrationPromoted = Shape<typeof registrationPromotedData>;
export const RegistrationPromotedEvent = defineEvent({
  type: 'de.dstgb.ic.registrations.RegistrationPromoted.v1',
  topic,
  description:
    'A seat became free (a cancellation, or more seats): the first on the waiting list moved up and is confirmed now, in the same step as the change that freed the seat.',
  schema: registrationPromotedData,
  example: {
    ...exampleChange(
      { ...exampleRegistration, revision: 2, confirmedAt: '2027-03-10T12:00:00.000Z' },
      { capacity: 50, confirmed: 50, waiting: 2 },
    ),
    cause: 'seat-freed',
  },
});

export const registrationCancelledData = Extended(registrationChangeData, {
  cause: OneOf(CancellationCauses),
  previousStatus: OneOf(['confirmed', 'waiting']),
});
export type RegistrationCancelled = Shape<typeof registrationCancelledData>;
export const RegistrationCancelledEvent = defineEvent({
  type: 'de.dstgb.ic.registrations.RegistrationCancelled.v1',
  topic,
  description:
    'A registration was cancelled: by the registrant (until registration closes), by the office (any time), or because the event was cancelled (then `event.cancellation` gives the reason and `by` is absent).',
  schema: registrationCancelledData,
  example: {
    ...exampleChange(
      {
        ...exampleRegistration,
        revision: 2,
        status: 'cancelled',
        cancelledAt: '2027-03-10T12:00:00.000Z',
        cancellation: { cause: 'registrant', by: exampleMember },
      },
      { capacity: 50, confirmed: 50, waiting: 2 },
      exampleMember,
    ),
    cause: 'registrant',
    previousStatus: 'confirmed',
  },
});

export const sessionSeatChangeSchema = ClosedObject({
  sessionId: Uuid(),
  /** Absent: the choice is new. */
  from: Type.Optional(OneOf(SessionChoiceStatuses)),
  /** Absent: the choice is gone (its workshop was removed from the agenda). */
  to: Type.Optional(OneOf(SessionChoiceStatuses)),
});
export type SessionSeatChange = Shape<typeof sessionSeatChangeSchema>;

export const registrationSessionsChangedData = Extended(registrationChangeData, {
  cause: OneOf(SessionChangeCauses),
  changes: Type.Array(sessionSeatChangeSchema, { minItems: 1 }),
});
export type RegistrationSessionsChanged = Shape<typeof registrationSessionsChangedData>;

export const RegistrationSessionsChangedEvent = defineEvent({
  type: 'de.dstgb.ic.registrations.RegistrationSessionsChanged.v1',
  topic,
  description:
    'Workshop seats of a registration changed without the registrant asking: moved up from a workshop’s waiting list (a seat was freed or added), or a chosen workshop left the agenda.',
  schema: registrationSessionsChangedData,
  example: {
    ...exampleChange(
      {
        ...exampleRegistration,
        eventId: exampleForumEvent.eventId,
        revision: 2,
        sessions: [{ sessionId: '4d3c2b1a-0f9e-4d8c-8b7a-6f5e4d3c2b1a', status: 'confirmed' }],
      },
      { capacity: 120, confirmed: 96, waiting: 0 },
      undefined,
      exampleForumEvent,
    ),
    cause: 'seat-freed',
    changes: [{ sessionId: '4d3c2b1a-0f9e-4d8c-8b7a-6f5e4d3c2b1a', from: 'waiting', to: 'confirmed' }],
  },
});

export const delegationChangedData = Extended(registrationChangeData, {
  by: actorSchema,
  /** People new in the delegation (each gets a confirmation of their own). */
  added: Type.Array(Uuid(), { uniqueItems: true }),
  /** People whose name, role or e-mail changed. */
  changed: Type.Array(Uuid(), { uniqueItems: true }),
  /** People no longer in the delegation, with their contact for a last mail. */
  removed: Type.Array(delegationPersonSchema),
});
export type DelegationChanged = Shape<typeof delegationChangedData>;

export const DelegationChangedEvent = defineEvent({
  type: 'de.dstgb.ic.registrations.DelegationChanged.v1',
  topic,
  description:
    'A municipality changed its delegation to a Kommunalzirkel (until registration closes; the office at any time): people added, changed or removed.',
  schema: delegationChangedData,
  example: {
    ...exampleChange(
      exampleDelegationRegistration,
      { capacity: 30, confirmed: 12, waiting: 0 },
      exampleMember,
      exampleCircleEvent,
    ),
    added: ['9f8e7d6c-5b4a-4392-8a1b-0c9d8e7f6a5b'],
    changed: [],
    removed: [
      {
        personId: '2e1d0c9b-8a7f-4e6d-9c5b-4a3f2e1d0c9b',
        role: 'civil-society',
        contact: exampleSealedContact,
      },
    ],
  },
});

export const attendanceRecordedData = EventDataSchema({
  eventId: Uuid(),
  registrationId: Uuid(),
  revision: Type.Integer({ minimum: 1 }),
  by: actorSchema,
  /** The delegation person; absent for a member's or guest's own registration. */
  personId: Type.Optional(Uuid()),
  /** Kommunalzirkel: the module the person came to (or did not, after all). */
  moduleId: Type.Optional(Uuid()),
  attended: Type.Boolean(),
  registration: registrationSnapshotSchema,
});
export type AttendanceRecorded = Shape<typeof attendanceRecordedData>;
export const AttendanceRecordedEvent = defineEvent({
  type: 'de.dstgb.ic.registrations.AttendanceRecorded.v1',
  topic,
  description:
    'The office marked at the check-in that a person came (or took that back); for a Kommunalzirkel per module. Confirmed registrations without attendance once the event is held are its no-shows.',
  schema: attendanceRecordedData,
  example: {
    eventId: exampleRegistration.eventId,
    registrationId: exampleRegistration.registrationId,
    revision: 2,
    by: exampleStaff,
    attended: true,
    registration: { ...exampleRegistration, revision: 2, attended: true },
  },
});

export const registeredEventChangedData = EventDataSchema({
  eventId: Uuid(),
  /** The revision of the event whose change this is (its EventUpdated). */
  eventRevision: Type.Integer({ minimum: 1 }),
  changed: changedAspectsSchema,
  event: clubEventSnapshotSchema,
  /** The confirmed and waiting registrations at that moment (this part of them). */
  registrations: Type.Array(registrationSnapshotSchema, { minItems: 1, maxItems: 100 }),
  /** Large events are told in several parts of at most 100 registrations; 1-based. */
  part: Type.Integer({ minimum: 1 }),
  parts: Type.Integer({ minimum: 1 }),
});
export type RegisteredEventChanged = Shape<typeof registeredEventChangedData>;
export const RegisteredEventChangedEvent = defineEvent({
  type: 'de.dstgb.ic.registrations.RegisteredEventChanged.v1',
  topic,
  description:
    'The schedule or venue of an event with registrations changed: everyone registered (confirmed or waiting) is to be told, with the updated calendar entry. Published once per change of the event.',
  schema: registeredEventChangedData,
  example: {
    eventId: exampleEvent.eventId,
    eventRevision: 5,
    changed: ['schedule'],
    event: {
      ...exampleEvent,
      revision: 5,
      startsAt: '2027-04-22T17:00:00+02:00',
      endsAt: '2027-04-22T21:00:00+02:00',
    },
    registrations: [exampleRegistration],
    part: 1,
    parts: 1,
  },
});

/** How many distinct members and municipalities have declared interest in an event. */
export interface InterestCounts {
  readonly members: number;
  readonly municipalities: number;
}

export const interestDeclaredData = EventDataSchema({
  eventId: Uuid(),
  interestId: Uuid(),
  holder: interestHolderSchema,
  by: actorSchema,
  declaredAt: Timestamp(),
});
export type InterestDeclared = Shape<typeof interestDeclaredData>;
export const InterestDeclaredEvent = defineEvent({
  type: 'de.dstgb.ic.registrations.InterestDeclared.v1',
  topic,
  description:
    'A member, or a municipality (by its member or the office), declared interest in an announced event before its registration opened (Interessenbekundung).',
  schema: interestDeclaredData,
  example: {
    eventId: exampleCircleEvent.eventId,
    interestId: '6e5d4c3b-2a19-4087-b6a5-f4e3d2c1b0a9',
    holder: {
      kind: 'municipality',
      municipality: { name: 'Pegnitz', ags: '09472175', population: 13_700 },
      federalState: 'BY',
      contact: exampleSealedContact,
    },
    by: exampleStaff,
    declaredAt: '2027-05-02T09:00:00.000Z',
  },
});

export const interestRegistrationOpenedData = EventDataSchema({
  eventId: Uuid(),
  interestId: Uuid(),
  holder: interestHolderSchema,
  event: clubEventSnapshotSchema,
});
export type InterestRegistrationOpened = Shape<typeof interestRegistrationOpenedData>;
export const InterestRegistrationOpenedEvent = defineEvent({
  type: 'de.dstgb.ic.registrations.InterestRegistrationOpened.v1',
  topic,
  description:
    'Registration opened for an event in which this member or municipality declared interest: they are to be told first. Published exactly once per interest (`interestId`), also when RegistrationOpened is delivered again.',
  schema: interestRegistrationOpenedData,
  example: {
    eventId: exampleCircleEvent.eventId,
    interestId: '6e5d4c3b-2a19-4087-b6a5-f4e3d2c1b0a9',
    holder: { kind: 'member', memberId: exampleMemberId, federalState: 'NW' },
    event: { ...exampleCircleEvent, status: 'registration-open' },
  },
});

export const registrationsEventContracts: readonly EventContract<unknown>[] = [
  RegistrationConfirmedEvent,
  RegistrationWaitlistedEvent,
  RegistrationPromotedEvent,
  RegistrationCancelledEvent,
  RegistrationSessionsChangedEvent,
  DelegationChangedEvent,
  AttendanceRecordedEvent,
  RegisteredEventChangedEvent,
  InterestDeclaredEvent,
  InterestRegistrationOpenedEvent,
] as EventContract<unknown>[];
