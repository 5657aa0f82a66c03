import { ClubEventChange, EventKind, EventStatus, RegistrationOpenedEvent, Theme } from '@ic/contracts';
import { CloudEvent } from '@ic/messaging';

/** What analytics keeps of an event: no agenda, speakers or documents, only what the figures need. */
export interface ClubEventRow {
  /** The event id. */
  readonly _id: string;
  readonly revision: number;
  readonly kind: EventKind;
  readonly status: EventStatus;
  readonly title: string;
  readonly themes: readonly Theme[];
  readonly capacity: number;
  readonly startsAt?: Date;
  readonly endsAt?: Date;
  readonly registrationOpensAt: Date;
  /** When registration actually opened (the first RegistrationOpened), early or on time. */
  readonly registrationOpenedAt?: Date;
}

/**
 * The row after one of the event's events. Each carries the whole event at a revision; a revision
 * the row has already seen (a redelivery, or an event published twice) changes nothing.
 */
export function applyClubEvent(
  row: ClubEventRow | undefined,
  event: CloudEvent<ClubEventChange>,
): ClubEventRow {
  const { revision, event: snapshot } = event.data;
  if (row && revision <= row.revision) return row;
  const openedNow = event.type === RegistrationOpenedEvent.type ? new Date(event.time) : undefined;
  const registrationOpenedAt = row?.registrationOpenedAt ?? openedNow;
  return {
    _id: snapshot.eventId,
    revision,
    kind: snapshot.kind,
    status: snapshot.status,
    title: snapshot.title,
    themes: [...snapshot.themes],
    capacity: snapshot.capacity,
    ...(snapshot.startsAt ? { startsAt: new Date(snapshot.startsAt) } : {}),
    ...(snapshot.endsAt ? { endsAt: new Date(snapshot.endsAt) } : {}),
    registrationOpensAt: new Date(snapshot.registration.opensAt),
    ...(registrationOpenedAt ? { registrationOpenedAt } : {}),
  };
}
