import { defineEvent, EventContract, JsonSchema, eventDataSchema } from '../events/event-contract';
import { Actor, actorSchema, exampleStaff } from '../membership/member-profile';
import { DomainTopics } from '../topics';
import {
  ClubEventSnapshot,
  clubEventSnapshotSchema,
  EventDocument,
  eventDocumentSchema,
  exampleLoungeSnapshot,
} from './club-event';

/**
 * Every events-service event is keyed by event id and carries the whole event after the change
 * (`event`), so a consumer needs no other source. `by` is absent when the platform acted on its
 * own (registration opening or closing at the window's times, an event marked held after its end).
 */
const topic = DomainTopics.events;
export interface ClubEventChange {
  readonly eventId: string;
  readonly revision: number;
  readonly by?: Actor;
  readonly event: ClubEventSnapshot;
}

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

function changeSchema(extraRequired: string[] = [], extra: Record<string, JsonSchema> = {}): JsonSchema {
  return eventDataSchema(['eventId', 'revision', 'event', ...extraRequired], {
    eventId: { type: 'string', format: 'uuid' },
    revision: { type: 'integer', minimum: 1 },
    by: actorSchema,
    event: clubEventSnapshotSchema,
    ...extra,
  });
}

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
  return defineEvent<ClubEventChange>({
    type: `de.dstgb.ic.events.${fact}.v1`,
    topic,
    description,
    schema: changeSchema(),
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

export interface EventUpdated extends ClubEventChange {
  readonly changed: readonly EventChangeAspect[];
}
export const EventUpdatedEvent = defineEvent<EventUpdated>({
  type: 'de.dstgb.ic.events.EventUpdated.v1',
  topic,
  description:
    'The office changed an event. `changed` says what: a changed schedule or venue of a published event is news for everyone registered.',
  schema: changeSchema(['by', 'changed'], {
    changed: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: [...EventChangeAspects] } },
  }),
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

export interface EventCancelled extends ClubEventChange {
  readonly reason: string;
  /** The state the event was in when it was cancelled. */
  readonly previousStatus: ClubEventSnapshot['status'];
}
export const EventCancelledEvent = defineEvent<EventCancelled>({
  type: 'de.dstgb.ic.events.EventCancelled.v1',
  topic,
  description: 'The office cancelled the event, with the reason; every registration falls with it.',
  schema: changeSchema(['by', 'reason', 'previousStatus'], {
    reason: { type: 'string', minLength: 1, maxLength: 2000 },
    previousStatus: { enum: ['draft', 'announced', 'registration-open', 'registration-closed'] },
  }),
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

export interface EventDocumentChange extends ClubEventChange {
  readonly document: EventDocument;
}
const documentChange = (fact: string, description: string): EventContract<EventDocumentChange> =>
  defineEvent<EventDocumentChange>({
    type: `de.dstgb.ic.events.${fact}.v1`,
    topic,
    description,
    schema: changeSchema(['by', 'document'], { document: eventDocumentSchema }),
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
