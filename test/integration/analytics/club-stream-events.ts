import {
  ClubEventChange,
  ClubEventSnapshot,
  DelegationChangedEvent,
  DelegationPerson,
  DelegationRoles,
  EventAnnouncedEvent,
  EventCancelledEvent,
  EventContract,
  EventDraftedEvent,
  EventHeldEvent,
  exampleLoungeSnapshot,
  InterestDeclaredEvent,
  MailSentEvent,
  RegisteredEventChangedEvent,
  RegistrationCancelledEvent,
  RegistrationClosedEvent,
  RegistrationConfirmedEvent,
  RegistrationOpenedEvent,
  RegistrationPromotedEvent,
  RegistrationSessionsChangedEvent,
  RegistrationWaitlistedEvent,
  formatBerlinTime,
} from '@ic/contracts';
import { randomUUID } from 'node:crypto';
import { HOUR, DAY, SimMember, SimRegistration, SimEvent } from './club-stream-base';
import { ClubStreamMembers } from './club-stream-members';

/** The events part of the simulated stream: events through their lifecycle, registrations, attendance, mails. */
export abstract class ClubStreamEvents extends ClubStreamMembers {
  // ---- events and registrations ----

  protected holdEvent(index: number): void {
    const eventId = randomUUID();
    const kind =
      index % 4 === 3 ? 'kommunalzirkel' : index % 4 === 2 ? 'deutschlandforum' : 'innovators-lounge';
    const capacity = kind === 'kommunalzirkel' ? 6 + this.int(4) : 20 + this.int(50);
    const opensAt = this.at(6, 1 + index);
    const startsAt = this.at(9, 10 + index);
    const template =
      kind === 'kommunalzirkel'
        ? DelegationChangedEvent.example.event
        : kind === 'deutschlandforum'
          ? RegistrationSessionsChangedEvent.example.event
          : exampleLoungeSnapshot;
    const event: SimEvent = {
      snapshot: {
        ...template,
        eventId,
        revision: 0,
        status: 'draft',
        title: `${template.title} (${this.run} ${index + 1})`,
        capacity,
        startsAt: formatBerlinTime(startsAt),
        endsAt: formatBerlinTime(new Date(startsAt.getTime() + 6 * HOUR)),
        registration: {
          opensAt: formatBerlinTime(opensAt),
          closesAt: formatBerlinTime(new Date(startsAt.getTime() - 7 * DAY)),
        },
        documents: [],
        createdAt: this.at(5, 2).toISOString(),
        updatedAt: this.at(5, 2).toISOString(),
      },
      registrations: [],
      outcome: index === 1 ? 'cancelled' : index === 2 ? 'open' : 'held',
    };
    this.events.push(event);
    const staff = { subject: 'staff-1', role: 'staff' } as const;
    this.changeEvent(event, EventDraftedEvent, 'draft', this.at(5, 2), staff);
    this.changeEvent(event, EventAnnouncedEvent, 'announced', this.at(5, 3), staff);
    // The office opens some early; the others open at the window's time.
    const openedAt = index % 2 === 0 ? new Date(opensAt.getTime() - 2 * DAY) : opensAt;
    this.changeEvent(
      event,
      RegistrationOpenedEvent,
      'registration-open',
      openedAt,
      index % 2 === 0 ? staff : undefined,
    );
    event.openedAt = openedAt;

    if (index === 0) {
      this.publish(
        InterestDeclaredEvent,
        eventId,
        {
          ...InterestDeclaredEvent.example,
          eventId,
          interestId: randomUUID(),
          declaredAt: this.at(5, 4).toISOString(),
        },
        this.at(5, 4),
      );
    }
    this.register(event, openedAt);
    if (index === 0) this.tellEventChanged(event);
    if (event.outcome === 'open') return;
    if (event.outcome === 'cancelled') {
      this.cancelEvent(event);
      return;
    }
    this.changeEvent(
      event,
      RegistrationClosedEvent,
      'registration-closed',
      new Date(startsAt.getTime() - 7 * DAY),
    );
    this.changeEvent(event, EventHeldEvent, 'held', new Date(startsAt.getTime() + 7 * HOUR));
    this.recordAttendance(event, new Date(startsAt.getTime() + HOUR));
  }

  protected changeEvent(
    event: SimEvent,
    contract: EventContract<ClubEventChange>,
    status: ClubEventSnapshot['status'],
    at: Date,
    by?: { subject: string; role: 'staff' },
  ): void {
    event.snapshot = {
      ...event.snapshot,
      status,
      revision: event.snapshot.revision + 1,
      updatedAt: at.toISOString(),
    };
    this.publish(
      contract,
      event.snapshot.eventId,
      {
        eventId: event.snapshot.eventId,
        revision: event.snapshot.revision,
        ...(by ? { by } : {}),
        event: event.snapshot,
      },
      at,
    );
  }

  protected register(event: SimEvent, openedAt: Date): void {
    const circle = event.snapshot.kind === 'kommunalzirkel';
    const candidates = this.members.filter(
      (member) =>
        member.status === 'active' &&
        member.joinedAt !== undefined &&
        member.joinedAt < openedAt &&
        (!circle || member.profile.municipality !== undefined),
    );
    const registrants = this.shuffle(candidates).slice(0, Math.ceil(event.snapshot.capacity * 1.5));
    let at = openedAt.getTime() - (event.snapshot.eventId.charCodeAt(0) % 2 === 0 ? 3 * HOUR : 0);
    for (const member of registrants) {
      at += this.int(30) * HOUR + this.int(60) * 60_000;
      this.registerOne(event, member, new Date(at), circle);
    }
    for (const registration of this.shuffle(event.registrations).slice(
      0,
      Math.floor(event.registrations.length / 4),
    )) {
      at += this.int(10) * HOUR;
      this.cancelOne(event, registration, new Date(at));
    }
  }

  protected registerOne(event: SimEvent, member: SimMember, at: Date, circle: boolean): void {
    const confirmed = this.countOf(event, 'confirmed') < event.snapshot.capacity;
    const municipality = circle && member.profile.municipality ? member.profile.municipality : undefined;
    const delegation: DelegationPerson[] | undefined = municipality
      ? Array.from({ length: 1 + this.int(3) }, (_, index) => ({
          personId: randomUUID(),
          role: DelegationRoles[index],
          contact: `v1.${this.token()}.${this.token()}`,
        }))
      : undefined;
    const registration: SimRegistration = {
      member,
      ...(municipality && member.sizeClass
        ? { municipality: { federalState: member.profile.federalState, sizeClass: member.sizeClass } }
        : {}),
      waitlisted: !confirmed,
      promoted: false,
      snapshot: {
        registrationId: randomUUID(),
        eventId: event.snapshot.eventId,
        revision: 1,
        status: confirmed ? 'confirmed' : 'waiting',
        ...(confirmed
          ? { confirmedAt: at.toISOString() }
          : { waitingPlace: this.countOf(event, 'waiting') + 1 }),
        registrant: municipality
          ? {
              kind: 'municipality',
              memberId: member.id,
              municipality,
              federalState: member.profile.federalState,
            }
          : {
              kind: 'member',
              memberId: member.id,
              federalState: member.profile.federalState,
              sector: member.profile.sector,
              ...(member.profile.municipality ? { municipality: member.profile.municipality } : {}),
            },
        registeredBy: { subject: member.id, role: 'member' },
        sessions: [],
        ...(delegation ? { delegation } : {}),
        registeredAt: at.toISOString(),
      },
    };
    event.registrations.push(registration);
    this.publishRegistration(
      event,
      confirmed ? RegistrationConfirmedEvent : RegistrationWaitlistedEvent,
      registration,
      at,
      {
        by: { subject: member.id, role: 'member' },
      },
    );
    if (delegation && this.random() < 0.3) {
      const added = {
        personId: randomUUID(),
        role: 'other' as const,
        contact: `v1.${this.token()}.${this.token()}`,
      };
      this.change(registration, { delegation: [...delegation, added] });
      this.publishRegistration(event, DelegationChangedEvent, registration, new Date(at.getTime() + HOUR), {
        by: { subject: member.id, role: 'member' },
        added: [added.personId],
        changed: [],
        removed: [],
      });
    }
  }

  protected cancelOne(event: SimEvent, registration: SimRegistration, at: Date): void {
    const previousStatus = registration.snapshot.status;
    if (previousStatus === 'cancelled') return;
    const by = { subject: registration.member.id, role: 'member' } as const;
    this.change(registration, {
      status: 'cancelled',
      cancelledAt: at.toISOString(),
      cancellation: { cause: 'registrant', by },
      waitingPlace: undefined,
    });
    this.renumberWaiting(event);
    this.publishRegistration(event, RegistrationCancelledEvent, registration, at, {
      by,
      cause: 'registrant',
      previousStatus,
    });
    const next = event.registrations.find(
      (candidate) => candidate.snapshot.status === 'waiting' && candidate.snapshot.waitingPlace === 1,
    );
    if (previousStatus !== 'confirmed' || !next) return;
    next.promoted = true;
    this.change(next, { status: 'confirmed', confirmedAt: at.toISOString(), waitingPlace: undefined });
    this.renumberWaiting(event);
    this.publishRegistration(event, RegistrationPromotedEvent, next, at, { cause: 'seat-freed' });
  }

  protected cancelEvent(event: SimEvent): void {
    const at = this.at(8, 20);
    const previousStatus = event.snapshot.status as 'registration-open';
    const reason = 'Der Veranstaltungsort steht nicht zur Verfügung.';
    event.snapshot = {
      ...event.snapshot,
      status: 'cancelled',
      revision: event.snapshot.revision + 1,
      cancellation: {
        reason,
        cancelledAt: at.toISOString(),
        cancelledBy: { subject: 'staff-1', role: 'staff' },
      },
      updatedAt: at.toISOString(),
    };
    this.publish(
      EventCancelledEvent,
      event.snapshot.eventId,
      {
        eventId: event.snapshot.eventId,
        revision: event.snapshot.revision,
        by: { subject: 'staff-1', role: 'staff' },
        event: event.snapshot,
        reason,
        previousStatus,
      },
      at,
    );
    for (const registration of event.registrations.filter(
      (candidate) => candidate.snapshot.status !== 'cancelled',
    )) {
      const before = registration.snapshot.status as 'confirmed' | 'waiting';
      this.change(registration, {
        status: 'cancelled',
        cancelledAt: at.toISOString(),
        cancellation: { cause: 'event-cancelled' },
        waitingPlace: undefined,
      });
      this.publishRegistration(event, RegistrationCancelledEvent, registration, at, {
        cause: 'event-cancelled',
        previousStatus: before,
      });
    }
  }

  /** The office marks who came; once it takes a mark back. */
  protected recordAttendance(event: SimEvent, at: Date): void {
    let tookBack = false;
    for (const registration of event.registrations.filter(
      (candidate) => candidate.snapshot.status === 'confirmed',
    )) {
      const { delegation } = registration.snapshot;
      if (delegation) {
        for (const person of delegation) {
          if (this.random() >= 0.75) continue;
          this.change(registration, {
            delegation: (registration.snapshot.delegation ?? []).map((other) =>
              other.personId === person.personId ? { ...other, attended: true } : other,
            ),
          });
          this.publishAttendance(event, registration, at, true, person.personId);
        }
        continue;
      }
      if (this.random() >= 0.8) continue;
      this.change(registration, { attended: true });
      this.publishAttendance(event, registration, at, true);
      if (!tookBack) {
        tookBack = true;
        this.change(registration, { attended: false });
        this.publishAttendance(event, registration, new Date(at.getTime() + HOUR), false);
      }
    }
  }

  protected tellEventChanged(event: SimEvent): void {
    const registrations = event.registrations
      .filter((registration) => registration.snapshot.status !== 'cancelled')
      .slice(0, 100)
      .map((registration) => registration.snapshot);
    if (registrations.length === 0) return;
    this.publish(
      RegisteredEventChangedEvent,
      event.snapshot.eventId,
      {
        eventId: event.snapshot.eventId,
        eventRevision: event.snapshot.revision,
        changed: ['venue'],
        event: event.snapshot,
        registrations,
        part: 1,
        parts: 1,
      },
      this.at(8, 1),
    );
  }

  protected sendMails(): void {
    for (const registration of this.events.flatMap((event) => event.registrations).slice(0, 200)) {
      const deliveryId = `registration-confirmed:${registration.snapshot.registrationId}`;
      this.publish(
        MailSentEvent,
        deliveryId,
        {
          deliveryId,
          kind: 'registration-confirmed',
          memberId: registration.member.id,
          causedBy: randomUUID(),
          sentAt: registration.snapshot.registeredAt,
          attempts: 1,
        },
        new Date(registration.snapshot.registeredAt),
      );
    }
  }

  /** As an outbox does after a crash: the same event (same ce_id) once more, sometimes after newer ones. */
  protected publishSomeTwice(): void {
    const copies = this.published.filter(() => this.random() < 0.05);
    for (const copy of copies) {
      const later = this.published.findIndex((other) => other === copy) + 1 + this.int(40);
      this.published.splice(Math.min(later, this.published.length), 0, copy);
    }
  }
}
