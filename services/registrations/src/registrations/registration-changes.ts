import {
  Actor,
  AttendanceRecordedEvent,
  DelegationChangedEvent,
  DelegationPerson,
  EventContract,
  RegisteredEventChangedEvent,
  RegistrationCancelledEvent,
  RegistrationChange,
  RegistrationConfirmedEvent,
  RegistrationPromotedEvent,
  RegistrationSessionsChangedEvent,
  RegistrationSnapshot,
  RegistrationWaitlistedEvent,
  SeatCounts,
} from '@ic/contracts';
import { OutboxEventFactory } from '@ic/messaging';
import { OutboxEntry } from '@ic/persistence';
import { compact } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { KnownEvent } from '../replicas/known-event';
import { RegistrationFact, RegistrationView, StoredPerson } from './registration';
import { ContactSealer } from '../shared/contact-sealer';

/** Registrations per RegisteredEventChanged, so that each message stays well below the broker's 1 MB. */
const REGISTRATIONS_PER_CHANGE_NOTICE = 100;
const CHANGE_NOTICE_BYTES = 600_000;

/**
 * The outgoing events of the seat book's facts: each carries the registration as it was right
 * after the fact, the event as this service knows it, and the seats. Names and addresses of
 * delegation people and guests are sealed for the notifications service.
 */
@Injectable()
export class RegistrationChanges {
  constructor(
    private readonly factory: OutboxEventFactory,
    private readonly sealer: ContactSealer,
  ) {}

  entriesOf(facts: readonly RegistrationFact[], event: KnownEvent, correlationId?: string): OutboxEntry[] {
    return facts.flatMap((fact) => this.entriesOfFact(fact, event, correlationId));
  }

  snapshotOf(view: RegistrationView, eventId: string): RegistrationSnapshot {
    const { entry } = view;
    return compact({
      registrationId: entry.registrationId,
      eventId,
      revision: entry.revision,
      status: entry.status,
      waitingPlace: view.waitingPlace,
      registrant: compact({
        kind: entry.registrant.kind,
        memberId: entry.registrant.memberId,
        municipality: entry.registrant.municipality,
        federalState: entry.registrant.federalState,
        sector: entry.registrant.sector,
        contact: entry.registrant.guest ? this.sealer.seal(entry.registrant.guest) : undefined,
      }),
      registeredBy: entry.registeredBy,
      sessions: entry.sessions.map((choice) =>
        compact({
          sessionId: choice.sessionId,
          status: choice.status,
          waitingPlace: view.sessionPlaces[choice.sessionId],
        }),
      ),
      delegation: entry.delegation?.map((person) => this.delegationPerson(person)),
      attended: entry.attended,
      registeredAt: entry.registeredAt.toISOString(),
      confirmedAt: entry.confirmedAt?.toISOString(),
      cancelledAt: entry.cancelledAt?.toISOString(),
      cancellation: entry.cancellation ? compact({ ...entry.cancellation }) : undefined,
    });
  }

  private entriesOfFact(fact: RegistrationFact, event: KnownEvent, correlationId?: string): OutboxEntry[] {
    const create = <T>(contract: EventContract<T>, data: NoInfer<T>) =>
      this.factory.create(contract, event.eventId, data, correlationId);
    switch (fact.type) {
      case 'confirmed':
        return [create(RegistrationConfirmedEvent, this.change(fact.view, fact.seats, event, fact.by))];
      case 'waitlisted':
        return [create(RegistrationWaitlistedEvent, this.change(fact.view, fact.seats, event, fact.by))];
      case 'promoted':
        return [
          create(RegistrationPromotedEvent, {
            ...this.change(fact.view, fact.seats, event),
            cause: fact.cause,
          }),
        ];
      case 'cancelled':
        return [
          create(RegistrationCancelledEvent, {
            ...this.change(fact.view, fact.seats, event, fact.by),
            cause: fact.cause,
            previousStatus: fact.previousStatus,
          }),
        ];
      case 'sessions-changed':
        return [
          create(RegistrationSessionsChangedEvent, {
            ...this.change(fact.view, fact.seats, event),
            cause: fact.cause,
            changes: fact.changes.map((change) => compact({ ...change })),
          }),
        ];
      case 'delegation-changed':
        return [
          create(DelegationChangedEvent, {
            ...this.change(fact.view, fact.seats, event, fact.by),
            added: [...fact.added],
            changed: [...fact.changed],
            removed: fact.removed.map((person) => this.delegationPerson(person)),
          }),
        ];
      case 'attendance-recorded':
        return [
          create(
            AttendanceRecordedEvent,
            compact({
              eventId: event.eventId,
              registrationId: fact.view.entry.registrationId,
              revision: fact.view.entry.revision,
              by: fact.by,
              personId: fact.personId,
              moduleId: fact.moduleId,
              attended: fact.attended,
              registration: this.snapshotOf(fact.view, event.eventId),
            }),
          ),
        ];
      case 'event-changed': {
        const parts = this.changeNoticeParts(fact.registered, event);
        return parts.map((registrations, index) =>
          create(RegisteredEventChangedEvent, {
            eventId: event.eventId,
            eventRevision: fact.eventRevision,
            changed: [...fact.changed],
            event: event.snapshot,
            registrations,
            part: index + 1,
            parts: parts.length,
          }),
        );
      }
    }
  }

  private change(
    view: RegistrationView,
    seats: SeatCounts,
    event: KnownEvent,
    by: Actor,
  ): RegistrationChange & { readonly by: Actor };
  private change(
    view: RegistrationView,
    seats: SeatCounts,
    event: KnownEvent,
    by?: Actor,
  ): RegistrationChange;
  private change(
    view: RegistrationView,
    seats: SeatCounts,
    event: KnownEvent,
    by?: Actor,
  ): RegistrationChange {
    return compact({
      eventId: event.eventId,
      registrationId: view.entry.registrationId,
      revision: view.entry.revision,
      by,
      registration: this.snapshotOf(view, event.eventId),
      event: event.snapshot,
      seats,
    });
  }

  /** At most 100 registrations per part, and fewer when the event itself is large. */
  private changeNoticeParts(
    registered: readonly RegistrationView[],
    event: KnownEvent,
  ): RegistrationSnapshot[][] {
    const budget = Math.max(0, CHANGE_NOTICE_BYTES - JSON.stringify(event.snapshot).length);
    const parts: RegistrationSnapshot[][] = [];
    let size = 0;
    for (const view of registered) {
      const snapshot = this.snapshotOf(view, event.eventId);
      const bytes = JSON.stringify(snapshot).length;
      const last = parts.at(-1);
      if (last && last.length < REGISTRATIONS_PER_CHANGE_NOTICE && size + bytes <= budget) {
        last.push(snapshot);
        size += bytes;
      } else {
        parts.push([snapshot]);
        size = bytes;
      }
    }
    return parts;
  }

  private delegationPerson(person: StoredPerson): DelegationPerson {
    return compact({
      personId: person.personId,
      role: person.role,
      contact: this.sealer.seal(person),
      attended: person.attended,
      attendedModules: person.attendedModules ? [...person.attendedModules] : undefined,
    });
  }
}
