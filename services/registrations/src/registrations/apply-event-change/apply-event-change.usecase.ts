import { ClubEventChange, EventChangeAspect } from '@ic/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { KnownEventsRepository } from '../../replicas/known-events.repository';
import { EventSeatsRepository } from '../../seats/event-seats.repository';
import { seatCountsOf } from '../../seats/seat-claims';
import { seatPlanOf } from '../../seats/seat-plan';
import { SeatSteps } from '../seat-steps/seat-steps';
import { EventNoticeAggregate } from '../event-notice.aggregate';
import { EventNoticesRepository } from '../event-notices.repository';
import { RegistrationChanges } from '../registration-changes';
import { RegistrationAggregate } from '../registration.aggregate';
import { choosesRemovedWorkshop } from '../registration-edits';
import { RegistrationViews } from '../registration-views';
import { RegistrationsRepository } from '../registrations.repository';

/** Registrations read per round when an event is cancelled. */
const CANCELLATIONS_PER_ROUND = 100;
const ATTEMPTS = 10;

/**
 * What an event's change means for its registrations, once the replica has it. Each step is
 * idempotent, as a redelivered or replayed event may bring it again: a removed workshop drops its
 * choices, added seats go to the waiting in order, a cancelled event cancels every registration,
 * and a new schedule or venue is told to everyone registered once per event revision.
 */
@Injectable()
export class ApplyEventChangeUseCase {
  private readonly logger = new Logger(ApplyEventChangeUseCase.name);

  constructor(
    private readonly events: KnownEventsRepository,
    private readonly registrations: RegistrationsRepository,
    private readonly seats: EventSeatsRepository,
    private readonly steps: SeatSteps,
    private readonly views: RegistrationViews,
    private readonly changes: RegistrationChanges,
    private readonly notices: EventNoticesRepository,
  ) {}

  /** Any change: the registrations follow the event's latest seats (capacity, workshops). */
  async followSeats(eventId: string): Promise<void> {
    const event = await this.events.findById(eventId);
    if (!event || event.status === 'cancelled') return;
    await this.dropRemovedWorkshops(eventId);
    await this.steps.fill(eventId, 'capacity-raised');
    await this.steps.fillSessions(
      eventId,
      event.workshops.map((workshop) => workshop.sessionId),
      'capacity-raised',
    );
  }

  async eventCancelled(eventId: string): Promise<void> {
    let cancelled = 0;
    for (;;) {
      const open = await this.registrations.notCancelled(eventId, CANCELLATIONS_PER_ROUND);
      if (open.length === 0) break;
      for (const { registrationId } of open) {
        const outcome = await this.steps.cancel(registrationId, 'event-cancelled', undefined, () => true);
        if (outcome?.cancelledNow) cancelled++;
      }
    }
    if (cancelled > 0)
      this.logger.log(`Event ${eventId} was cancelled: ${cancelled} registration(s) cancelled`);
  }

  /** A published event's schedule or venue changed (in revision `change.revision`): the registered are told. */
  async eventUpdated(change: ClubEventChange, changed: readonly EventChangeAspect[]): Promise<void> {
    await this.followSeats(change.eventId);
    const { eventId } = change;
    const notice = EventNoticeAggregate.of(eventId, await this.seats.toldChangeRevision(eventId));
    if (notice.newsIn(change, changed).length === 0) return;
    const event = await this.events.findById(eventId);
    if (!event) return;
    notice.tell(change, changed, await this.views.ofEvent(eventId));
    await this.notices.insert(eventId, change.revision, this.changes.entriesOf(notice.takeFacts(), event));
    await this.seats.markToldChange(eventId, notice.state.toldRevision);
  }

  /** The choices of workshops that left the agenda are dropped, each registration in its own write. */
  private async dropRemovedWorkshops(eventId: string): Promise<void> {
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const event = await this.events.findById(eventId);
      if (!event) return;
      const offered = new Set(event.workshops.map((workshop) => workshop.sessionId));
      const affected = (await this.registrations.withChoices(eventId)).filter((entry) =>
        choosesRemovedWorkshop(entry, offered),
      );
      if (affected.length === 0) return;
      const { counters } = await this.seats.read(eventId);
      const seats = seatCountsOf(counters, seatPlanOf(event));
      for (const entry of affected) {
        const registration = RegistrationAggregate.of(await this.views.of(entry));
        registration.dropRemovedWorkshops(offered, seats);
        const events = this.changes.entriesOf(registration.takeFacts(), event);
        // Changed meanwhile: the next round reads it again.
        await this.registrations.update(registration.state, registration.loadedRevision, events);
      }
    }
  }
}
