import {
  Actor,
  ClubEventChange,
  EventAnnouncedEvent,
  EventCancelledEvent,
  EventContract,
  EventDocumentAddedEvent,
  EventDocumentRemovedEvent,
  EventDraftedEvent,
  EventHeldEvent,
  EventUpdatedEvent,
  RegistrationClosedEvent,
  RegistrationOpenedEvent,
} from '@ic/contracts';
import { OutboxEventFactory } from '@ic/messaging';
import { OutboxEntry } from '@ic/persistence';
import { RuleViolationError } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { ClubEvent } from './club-event';
import { ClubEventFact, StatusAction } from './club-event.aggregate';
import { EventMessages } from './club-event.messages';
import { toEventDocument, toSnapshot } from './club-event.mapper';

/**
 * Every change reaches Kafka as one message with the whole event in it, and the broker takes
 * messages up to 1 MB: an event too large to publish is refused before it is stored.
 */
export const MAX_SNAPSHOT_BYTES = 800_000;

const STATUS_EVENTS: Readonly<Record<StatusAction, EventContract<ClubEventChange>>> = {
  announce: EventAnnouncedEvent,
  'open-registration': RegistrationOpenedEvent,
  'close-registration': RegistrationClosedEvent,
  'mark-held': EventHeldEvent,
};

/** The outgoing events of an event's recorded facts, each with the event as it is after the write. */
@Injectable()
export class ClubEventChanges {
  constructor(private readonly factory: OutboxEventFactory) {}

  entriesOf(facts: readonly ClubEventFact[], event: ClubEvent, correlationId?: string): OutboxEntry[] {
    return facts.map((fact) => this.entryOf(fact, event, correlationId));
  }

  private entryOf(fact: ClubEventFact, event: ClubEvent, correlationId?: string): OutboxEntry {
    switch (fact.type) {
      case 'drafted':
        return this.factory.create(EventDraftedEvent, event.id, this.change(event, fact.by), correlationId);
      case 'updated':
        return this.factory.create(
          EventUpdatedEvent,
          event.id,
          { ...this.change(event, fact.by), by: fact.by, changed: [...fact.changed] },
          correlationId,
        );
      case 'status-changed':
        return this.factory.create(
          STATUS_EVENTS[fact.action],
          event.id,
          this.change(event, fact.by),
          correlationId,
        );
      case 'cancelled':
        return this.factory.create(
          EventCancelledEvent,
          event.id,
          {
            ...this.change(event, fact.by),
            by: fact.by,
            reason: event.cancellation?.reason ?? '',
            previousStatus: fact.previousStatus,
          },
          correlationId,
        );
      case 'document-added':
        return this.factory.create(
          EventDocumentAddedEvent,
          event.id,
          { ...this.change(event, fact.by), by: fact.by, document: toEventDocument(fact.document) },
          correlationId,
        );
      case 'document-removed':
        return this.factory.create(
          EventDocumentRemovedEvent,
          event.id,
          { ...this.change(event, fact.by), by: fact.by, document: toEventDocument(fact.document) },
          correlationId,
        );
    }
  }

  private change(event: ClubEvent, by?: Actor): ClubEventChange {
    const snapshot = toSnapshot(event);
    assertPublishable(snapshot);
    return { eventId: event.id, revision: event.revision, ...(by ? { by } : {}), event: snapshot };
  }
}

export function assertPublishable(snapshot: unknown): void {
  const bytes = Buffer.byteLength(JSON.stringify(snapshot), 'utf8');
  if (bytes > MAX_SNAPSHOT_BYTES) {
    throw new RuleViolationError(EventMessages.tooLarge(Math.ceil(bytes / 1000), MAX_SNAPSHOT_BYTES / 1000), [
      { field: 'event', message: EventMessages.tooLarge(Math.ceil(bytes / 1000), MAX_SNAPSHOT_BYTES / 1000) },
    ]);
  }
}
