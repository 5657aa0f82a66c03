import { ClubEventChange, EventChangeAspect } from '@ic/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { SeatDesk } from '../../seats/seat-desk';
import { seatPlanOf } from '../../seats/seat-plan';

/** Registrations per write when an event is cancelled, so that each write (and its events) stays small. */
const CANCELLATIONS_PER_WRITE = 100;
/** What registered people are told about when it changes. */
const NEWS_FOR_THE_REGISTERED: readonly EventChangeAspect[] = ['schedule', 'venue'];

/**
 * What an event's change means for its registrations, once the replica has it. Each step is
 * idempotent, as a redelivered or replayed event may bring it again: added seats go to the waiting
 * in order, a removed workshop drops its choices, a cancelled event cancels every registration,
 * and a new schedule or venue is told to everyone registered once per event revision.
 */
@Injectable()
export class ApplyEventChangeUseCase {
  private readonly logger = new Logger(ApplyEventChangeUseCase.name);

  constructor(private readonly desk: SeatDesk) {}

  /** Any change: the book follows the event's latest seats (capacity, workshops). */
  async followSeats(eventId: string): Promise<void> {
    await this.desk.submit(eventId, (book, event, now) => {
      if (event && event.status !== 'cancelled') book.applyPlan(seatPlanOf(event), now);
    });
  }

  async eventCancelled(eventId: string): Promise<void> {
    let cancelled = 0;
    for (;;) {
      const { remaining, count } = await this.desk.submit(eventId, (book, event, now) => {
        if (!event) return { remaining: 0, count: 0 };
        const before = book.seats(seatPlanOf(event));
        const outcome = book.cancelForCancelledEvent(CANCELLATIONS_PER_WRITE, seatPlanOf(event), now);
        return { ...outcome, count: Math.min(CANCELLATIONS_PER_WRITE, before.confirmed + before.waiting) };
      });
      cancelled += count;
      if (remaining === 0) break;
    }
    if (cancelled > 0)
      this.logger.log(`Event ${eventId} was cancelled: ${cancelled} registration(s) cancelled`);
  }

  /** A published event's schedule or venue changed (in revision `change.revision`): the registered are told. */
  async eventUpdated(change: ClubEventChange, changed: readonly EventChangeAspect[]): Promise<void> {
    await this.followSeats(change.eventId);
    const news = changed.filter((aspect) => NEWS_FOR_THE_REGISTERED.includes(aspect));
    if (news.length === 0 || change.event.status === 'draft') return;
    await this.desk.submit(change.eventId, (book) => book.tellEventChange(change.revision, news));
  }
}
