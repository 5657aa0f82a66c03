import {
  Actor,
  ClubEventChange,
  EventAnnouncedEvent,
  EventCancelledEvent,
  EventChangeAspect,
  EventContract,
  EventDocumentAddedEvent,
  EventDocumentRemovedEvent,
  EventDraftedEvent,
  EventHeldEvent,
  EventStatus,
  EventUpdatedEvent,
  RegistrationClosedEvent,
  RegistrationOpenedEvent,
} from '@ic/contracts';
import { OutboxEventFactory } from '@ic/messaging';
import { OutboxEntry } from '@ic/persistence';
import { RuleViolationError } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { ClubEvent, StoredDocument } from './club-event';
import { EventMessages } from './club-event.messages';
import { toEventDocument, toSnapshot } from './club-event.mapper';
import { StaffAction } from './rules/lifecycle.rules';

/**
 * Every change reaches Kafka as one message with the whole event in it, and the broker takes
 * messages up to 1 MB: an event too large to publish is refused before it is stored.
 */
export const MAX_SNAPSHOT_BYTES = 800_000;

type StatusAction = Exclude<StaffAction, 'cancel'>;
const STATUS_EVENTS: Readonly<Record<StatusAction, EventContract<ClubEventChange>>> = {
  announce: EventAnnouncedEvent,
  'open-registration': RegistrationOpenedEvent,
  'close-registration': RegistrationClosedEvent,
  'mark-held': EventHeldEvent,
};

/** The outgoing events of an event's changes, each with the event as it is after the change. */
@Injectable()
export class ClubEventChanges {
  constructor(private readonly factory: OutboxEventFactory) {}

  drafted(event: ClubEvent, by: Actor, correlationId?: string): OutboxEntry {
    return this.factory.create(EventDraftedEvent, event.id, this.change(event, by), correlationId);
  }

  updated(
    event: ClubEvent,
    by: Actor,
    changed: readonly EventChangeAspect[],
    correlationId?: string,
  ): OutboxEntry {
    return this.factory.create(
      EventUpdatedEvent,
      event.id,
      { ...this.change(event, by), by, changed: [...changed] },
      correlationId,
    );
  }

  /** Announced, registration opened or closed, held; `by` absent when the scheduler acted. */
  statusChanged(event: ClubEvent, action: StatusAction, by?: Actor, correlationId?: string): OutboxEntry {
    return this.factory.create(STATUS_EVENTS[action], event.id, this.change(event, by), correlationId);
  }

  cancelled(event: ClubEvent, previousStatus: EventStatus, by: Actor, correlationId?: string): OutboxEntry {
    return this.factory.create(
      EventCancelledEvent,
      event.id,
      { ...this.change(event, by), by, reason: event.cancellation?.reason ?? '', previousStatus },
      correlationId,
    );
  }

  documentAdded(event: ClubEvent, document: StoredDocument, by: Actor, correlationId?: string): OutboxEntry {
    return this.factory.create(
      EventDocumentAddedEvent,
      event.id,
      { ...this.change(event, by), by, document: toEventDocument(document) },
      correlationId,
    );
  }

  documentRemoved(
    event: ClubEvent,
    document: StoredDocument,
    by: Actor,
    correlationId?: string,
  ): OutboxEntry {
    return this.factory.create(
      EventDocumentRemovedEvent,
      event.id,
      { ...this.change(event, by), by, document: toEventDocument(document) },
      correlationId,
    );
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
