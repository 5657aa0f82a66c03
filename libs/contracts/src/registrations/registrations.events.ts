import { ClubEventSnapshot, clubEventSnapshotSchema } from '../club-events/club-event';
import { EventChangeAspect, EventChangeAspects } from '../club-events/club-events.events';
import { defineEvent, EventContract, JsonSchema, eventDataSchema } from '../events/event-contract';
import { Actor, actorSchema, exampleStaff, timestampSchema, uuidSchema } from '../membership/member-profile';
import { DomainTopics } from '../topics';
import {
  DelegationPerson,
  delegationPersonSchema,
  exampleDelegationRegistration,
  exampleMemberId,
  exampleRegistration,
  exampleSealedContact,
  InterestHolder,
  interestHolderSchema,
  RegistrationSnapshot,
  registrationSnapshotSchema,
  SeatCounts,
  seatCountsSchema,
} from './registration';
import {
  CancellationCause,
  CancellationCauses,
  PromotionCause,
  PromotionCauses,
  SessionChangeCause,
  SessionChangeCauses,
  SessionChoiceStatus,
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
export interface RegistrationChange {
  readonly eventId: string;
  readonly registrationId: string;
  /** The registration's revision after the change (= registration.revision). */
  readonly revision: number;
  /** Who acted; absent when the platform did (a promotion, the event's cancellation). */
  readonly by?: Actor;
  readonly registration: RegistrationSnapshot;
  readonly event: ClubEventSnapshot;
  readonly seats: SeatCounts;
}

const changeProperties: Record<string, JsonSchema> = {
  eventId: uuidSchema,
  registrationId: uuidSchema,
  revision: { type: 'integer', minimum: 1 },
  by: actorSchema,
  registration: registrationSnapshotSchema,
  event: clubEventSnapshotSchema,
  seats: seatCountsSchema,
};
const changeRequired = ['eventId', 'registrationId', 'revision', 'registration', 'event', 'seats'];

function changeSchema(extraRequired: string[] = [], extra: Record<string, JsonSchema> = {}): JsonSchema {
  return eventDataSchema([...changeRequired, ...extraRequired], { ...changeProperties, ...extra });
}

export const RegistrationConfirmedEvent = defineEvent<RegistrationChange>({
  type: 'de.dstgb.ic.registrations.RegistrationConfirmed.v1',
  topic,
  description:
    'A registration got a seat at once (also one taken up again after a cancellation). The registrant, and each person of a delegation, gets a confirmation.',
  schema: changeSchema(['by']),
  example: exampleChange(exampleRegistration, { capacity: 50, confirmed: 17, waiting: 0 }, exampleMember),
});

export const RegistrationWaitlistedEvent = defineEvent<RegistrationChange>({
  type: 'de.dstgb.ic.registrations.RegistrationWaitlisted.v1',
  topic,
  description:
    'The event was full: the registration is on the waiting list at `registration.waitingPlace` (1 = next to move up).',
  schema: changeSchema(['by']),
  example: exampleChange(
    { ...exampleWithoutConfirmation, status: 'waiting', waitingPlace: 3 },
    { capacity: 50, confirmed: 50, waiting: 3 },
    exampleMember,
  ),
});

export interface RegistrationPromoted extends RegistrationChange {
  readonly cause: PromotionCause;
}
export const RegistrationPromotedEvent = defineEvent<RegistrationPromoted>({
  type: 'de.dstgb.ic.registrations.RegistrationPromoted.v1',
  topic,
  description:
    'A seat became free (a cancellation, or more seats): the first on the waiting list moved up and is confirmed now, in the same step as the change that freed the seat.',
  schema: changeSchema(['cause'], { cause: { enum: [...PromotionCauses] } }),
  example: {
    ...exampleChange(
      { ...exampleRegistration, revision: 2, confirmedAt: '2027-03-10T12:00:00.000Z' },
      { capacity: 50, confirmed: 50, waiting: 2 },
    ),
    cause: 'seat-freed',
  },
});

export interface RegistrationCancelled extends RegistrationChange {
  readonly cause: CancellationCause;
  readonly previousStatus: 'confirmed' | 'waiting';
}
export const RegistrationCancelledEvent = defineEvent<RegistrationCancelled>({
  type: 'de.dstgb.ic.registrations.RegistrationCancelled.v1',
  topic,
  description:
    'A registration was cancelled: by the registrant (until registration closes), by the office (any time), or because the event was cancelled (then `event.cancellation` gives the reason and `by` is absent).',
  schema: changeSchema(['cause', 'previousStatus'], {
    cause: { enum: [...CancellationCauses] },
    previousStatus: { enum: ['confirmed', 'waiting'] },
  }),
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

export interface SessionSeatChange {
  readonly sessionId: string;
  /** Absent: the choice is new. */
  readonly from?: SessionChoiceStatus;
  /** Absent: the choice is gone (its workshop was removed from the agenda). */
  readonly to?: SessionChoiceStatus;
}

export interface RegistrationSessionsChanged extends RegistrationChange {
  readonly cause: SessionChangeCause;
  readonly changes: readonly SessionSeatChange[];
}

export const RegistrationSessionsChangedEvent = defineEvent<RegistrationSessionsChanged>({
  type: 'de.dstgb.ic.registrations.RegistrationSessionsChanged.v1',
  topic,
  description:
    'Workshop seats of a registration changed without the registrant asking: moved up from a workshop’s waiting list (a seat was freed or added), or a chosen workshop left the agenda.',
  schema: changeSchema(['cause', 'changes'], {
    cause: { enum: [...SessionChangeCauses] },
    changes: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['sessionId'],
        properties: {
          sessionId: uuidSchema,
          from: { enum: [...SessionChoiceStatuses] },
          to: { enum: [...SessionChoiceStatuses] },
        },
      },
    },
  }),
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

export interface DelegationChanged extends RegistrationChange {
  /** People new in the delegation (each gets a confirmation of their own). */
  readonly added: readonly string[];
  /** People whose name, role or e-mail changed. */
  readonly changed: readonly string[];
  /** People no longer in the delegation, with their contact for a last mail. */
  readonly removed: readonly DelegationPerson[];
}

export const DelegationChangedEvent = defineEvent<DelegationChanged>({
  type: 'de.dstgb.ic.registrations.DelegationChanged.v1',
  topic,
  description:
    'A municipality changed its delegation to a Kommunalzirkel (until registration closes; the office at any time): people added, changed or removed.',
  schema: changeSchema(['by', 'added', 'changed', 'removed'], {
    added: { type: 'array', uniqueItems: true, items: uuidSchema },
    changed: { type: 'array', uniqueItems: true, items: uuidSchema },
    removed: { type: 'array', items: delegationPersonSchema },
  }),
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

export interface AttendanceRecorded {
  readonly eventId: string;
  readonly registrationId: string;
  readonly revision: number;
  readonly by: Actor;
  /** The delegation person; absent for a member's or guest's own registration. */
  readonly personId?: string;
  /** Kommunalzirkel: the module the person came to (or did not, after all). */
  readonly moduleId?: string;
  readonly attended: boolean;
  readonly registration: RegistrationSnapshot;
}
export const AttendanceRecordedEvent = defineEvent<AttendanceRecorded>({
  type: 'de.dstgb.ic.registrations.AttendanceRecorded.v1',
  topic,
  description:
    'The office marked at the check-in that a person came (or took that back); for a Kommunalzirkel per module. Confirmed registrations without attendance once the event is held are its no-shows.',
  schema: eventDataSchema(['eventId', 'registrationId', 'revision', 'by', 'attended', 'registration'], {
    eventId: uuidSchema,
    registrationId: uuidSchema,
    revision: { type: 'integer', minimum: 1 },
    by: actorSchema,
    personId: uuidSchema,
    moduleId: uuidSchema,
    attended: { type: 'boolean' },
    registration: registrationSnapshotSchema,
  }),
  example: {
    eventId: exampleRegistration.eventId,
    registrationId: exampleRegistration.registrationId,
    revision: 2,
    by: exampleStaff,
    attended: true,
    registration: { ...exampleRegistration, revision: 2, attended: true },
  },
});

export interface RegisteredEventChanged {
  readonly eventId: string;
  /** The revision of the event whose change this is (its EventUpdated). */
  readonly eventRevision: number;
  readonly changed: readonly EventChangeAspect[];
  readonly event: ClubEventSnapshot;
  /** The confirmed and waiting registrations at that moment (this part of them). */
  readonly registrations: readonly RegistrationSnapshot[];
  /** Large events are told in several parts of at most 100 registrations; 1-based. */
  readonly part: number;
  readonly parts: number;
}
export const RegisteredEventChangedEvent = defineEvent<RegisteredEventChanged>({
  type: 'de.dstgb.ic.registrations.RegisteredEventChanged.v1',
  topic,
  description:
    'The schedule or venue of an event with registrations changed: everyone registered (confirmed or waiting) is to be told, with the updated calendar entry. Published once per change of the event.',
  schema: eventDataSchema(
    ['eventId', 'eventRevision', 'changed', 'event', 'registrations', 'part', 'parts'],
    {
      eventId: uuidSchema,
      eventRevision: { type: 'integer', minimum: 1 },
      changed: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: [...EventChangeAspects] } },
      event: clubEventSnapshotSchema,
      registrations: { type: 'array', minItems: 1, maxItems: 100, items: registrationSnapshotSchema },
      part: { type: 'integer', minimum: 1 },
      parts: { type: 'integer', minimum: 1 },
    },
  ),
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

export interface InterestDeclared {
  readonly eventId: string;
  readonly interestId: string;
  readonly holder: InterestHolder;
  readonly by: Actor;
  readonly declaredAt: string;
}
export const InterestDeclaredEvent = defineEvent<InterestDeclared>({
  type: 'de.dstgb.ic.registrations.InterestDeclared.v1',
  topic,
  description:
    'A member, or a municipality (by its member or the office), declared interest in an announced event before its registration opened (Interessenbekundung).',
  schema: eventDataSchema(['eventId', 'interestId', 'holder', 'by', 'declaredAt'], {
    eventId: uuidSchema,
    interestId: uuidSchema,
    holder: interestHolderSchema,
    by: actorSchema,
    declaredAt: timestampSchema,
  }),
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

export interface InterestRegistrationOpened {
  readonly eventId: string;
  readonly interestId: string;
  readonly holder: InterestHolder;
  readonly event: ClubEventSnapshot;
}
export const InterestRegistrationOpenedEvent = defineEvent<InterestRegistrationOpened>({
  type: 'de.dstgb.ic.registrations.InterestRegistrationOpened.v1',
  topic,
  description:
    'Registration opened for an event in which this member or municipality declared interest: they are to be told first. Published exactly once per interest (`interestId`), also when RegistrationOpened is delivered again.',
  schema: eventDataSchema(['eventId', 'interestId', 'holder', 'event'], {
    eventId: uuidSchema,
    interestId: uuidSchema,
    holder: interestHolderSchema,
    event: clubEventSnapshotSchema,
  }),
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
