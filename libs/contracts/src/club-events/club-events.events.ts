import { defineEvent, EventContract } from '../events/event-contract';
import { Actor, actorSchema, exampleStaff } from '../membership/member-profile';
import { EventDataSchema, Extended, OneOf, Shape, Text, Type, Uuid } from '../schema';
import { DomainTopics } from '../topics';
import {
  ClubEventSnapshot,
  clubEventSnapshotSchema,
  eventDocumentSchema,
  exampleLoungeSnapshot,
} from './club-event';
import { CancellableStatuses } from './vocabulary';

/**
 * Every events-service event is keyed by event id and carries the whole event after the change
 * (`event`), so a consumer needs no other source. `by` is absent when the platform acted on its
 * own (registration opening or closing at the window's times, an event marked held after its end).
 */
const topic = DomainTopics.events;
export const clubEventChangeData = EventDataSchema({
  eventId: Uuid(),
  revision: Type.Integer({ minimum: 1 }),
  by: Type.Optional(actorSchema),
  event: clubEventSnapshotSchema,
});
export type ClubEventChange = Shape<typeof clubEventChangeData>;

/** What an update changed; `schedule` and `venue` are what registered people must be told about. */
export const EventChangeAspects = [
  'details',
  'schedule',
  'venue',
  'agenda',
  'capacity',
  'registration-window',
  'audience',
] as const;
export type EventChangeAspect = (typeof EventChangeAspects)[number];
export const changedAspectsSchema = Type.Array(OneOf(EventChangeAspects), { minItems: 1, uniqueItems: true });

function exampleChange(
  status: ClubEventSnapshot['status'],
  revision: number,
  by: Actor,
): ClubEventChange & { readonly by: Actor };
function exampleChange(status: ClubEventSnapshot['status'], revision: number, by?: Actor): ClubEventChange;
function exampleChange(status: ClubEventSnapshot['status'], revision: number, by?: Actor): ClubEventChange {
  return {
    eventId: exampleLoungeSnapshot.eventId,
    revision,
    ...(by ? { by } : {}),
    event: { ...exampleLoungeSnapshot, status, revision },
  };
}

function changeContract(
  fact: string,
  description: string,
  status: ClubEventSnapshot['status'],
  revision: number,
  by?: Actor,
): EventContract<ClubEventChange> {
  return defineEvent({
    type: `de.dstgb.ic.events.${fact}.v1`,
    topic,
    description,
    schema: clubEventChangeData,
    example: exampleChange(status, revision, by),
  });
}

export const EventDraftedEvent = changeContract(
  'EventDrafted',
  'The office created an event as a draft; members do not see it yet.',
  'draft',
  1,
  exampleStaff,
);

export const eventUpdatedData = Extended(clubEventChangeData, {
  by: actorSchema,
  changed: changedAspectsSchema,
});
export type EventUpdated = Shape<typeof eventUpdatedData>;
export const EventUpdatedEvent = defineEvent({
  type: 'de.dstgb.ic.events.EventUpdated.v1',
  topic,
  description:
    'The office changed an event. `changed` says what: a changed schedule or venue of a published event is news for everyone registered.',
  schema: eventUpdatedData,
  example: { ...exampleChange('registration-open', 5, exampleStaff), changed: ['schedule', 'venue'] },
});

export const EventAnnouncedEvent = changeContract(
  'EventAnnounced',
  'The office published the event; the members it fits get an announcement.',
  'announced',
  2,
  exampleStaff,
);

export const RegistrationOpenedEvent = changeContract(
  'RegistrationOpened',
  'Registration opened, at the window’s opening time or early by the office (then `by` is set).',
  'registration-open',
  3,
);

export const RegistrationClosedEvent = changeContract(
  'RegistrationClosed',
  'Registration closed, at the window’s closing time or early by the office (then `by` is set).',
  'registration-closed',
  4,
);

export const EventHeldEvent = changeContract(
  'EventHeld',
  'The event has taken place (set when it ended, or by the office).',
  'held',
  5,
);

export const eventCancelledData = Extended(clubEventChangeData, {
  by: actorSchema,
  reason: Text(2000),
  /** The state the event was in when it was cancelled. */
  previousStatus: OneOf(CancellableStatuses),
});
export type EventCancelled = Shape<typeof eventCancelledData>;
export const EventCancelledEvent = defineEvent({
  type: 'de.dstgb.ic.events.EventCancelled.v1',
  topic,
  description: 'The office cancelled the event, with the reason; every registration falls with it.',
  schema: eventCancelledData,
  example: {
    ...exampleChange('cancelled', 5, exampleStaff),
    event: {
      ...exampleLoungeSnapshot,
      status: 'cancelled',
      revision: 5,
      cancellation: {
        reason: 'Der Veranstaltungsort steht wegen eines Wasserschadens nicht zur Verfügung.',
        cancelledAt: '2027-03-02T10:00:00.000Z',
        cancelledBy: exampleStaff,
      },
    },
    reason: 'Der Veranstaltungsort steht wegen eines Wasserschadens nicht zur Verfügung.',
    previousStatus: 'registration-open',
  },
});

export const eventDocumentChangeData = Extended(clubEventChangeData, {
  by: actorSchema,
  document: eventDocumentSchema,
});
export type EventDocumentChange = Shape<typeof eventDocumentChangeData>;
const documentChange = (fact: string, description: string): EventContract<EventDocumentChange> =>
  defineEvent({
    type: `de.dstgb.ic.events.${fact}.v1`,
    topic,
    description,
    schema: eventDocumentChangeData,
    example: {
      ...exampleChange('registration-open', 4, exampleStaff),
      document: exampleLoungeSnapshot.documents[0],
    },
  });

export const EventDocumentAddedEvent = documentChange(
  'EventDocumentAdded',
  'The office uploaded a document (programme or other file) for the event.',
);
export const EventDocumentRemovedEvent = documentChange(
  'EventDocumentRemoved',
  'The office removed a document from the event.',
);

export const clubEventsEventContracts = [
  EventDraftedEvent,
  EventUpdatedEvent,
  EventAnnouncedEvent,
  RegistrationOpenedEvent,
  RegistrationClosedEvent,
  EventHeldEvent,
  EventCancelledEvent,
  EventDocumentAddedEvent,
  EventDocumentRemovedEvent,
] as const;
