import { Actor, ClubEventReply } from '@ic/contracts';
import { retryOnConcurrentChange } from '@ic/persistence';
import { Clock, NotFoundError, requireStaff } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { ClubEvent } from '../club-event';
import { ClubEventAggregate, StatusAction } from '../club-event.aggregate';
import { EventMessages } from '../club-event.messages';
import { toSnapshot } from '../club-event.mapper';
import { ClubEventsRepository } from '../club-events.repository';
import { ScheduledTransition } from '../rules/lifecycle.rules';

/** A transition the scheduler made: what, to which event, and when it was due. */
export interface AppliedTransition {
  readonly action: ScheduledTransition['action'];
  readonly dueAt: Date;
  readonly event: ClubEvent;
}

/**
 * Moves an event through its lifecycle: the office announces, opens or closes registration early,
 * marks it held or cancels it with a reason; the scheduler opens and closes registration and marks
 * events held when their time comes. Each transition is one write of the next revision with its
 * event, so of two concurrent transitions (a cancel and a scheduled opening, or two scheduler
 * instances) exactly one applies to each state, and the other decides again on the new state.
 */
@Injectable()
export class ChangeStatusUseCase {
  constructor(
    private readonly events: ClubEventsRepository,
    private readonly clock: Clock,
  ) {}

  announce(eventId: string, actor: Actor, correlationId?: string): Promise<ClubEventReply> {
    return this.byStaff(eventId, 'announce', actor, correlationId);
  }

  openRegistration(eventId: string, actor: Actor, correlationId?: string): Promise<ClubEventReply> {
    return this.byStaff(eventId, 'open-registration', actor, correlationId);
  }

  closeRegistration(eventId: string, actor: Actor, correlationId?: string): Promise<ClubEventReply> {
    return this.byStaff(eventId, 'close-registration', actor, correlationId);
  }

  markHeld(eventId: string, actor: Actor, correlationId?: string): Promise<ClubEventReply> {
    return this.byStaff(eventId, 'mark-held', actor, correlationId);
  }

  async cancel(
    eventId: string,
    reason: string,
    actor: Actor,
    correlationId?: string,
  ): Promise<ClubEventReply> {
    requireStaff(actor);
    const cancelled = await retryOnConcurrentChange(async () => {
      const event = await this.load(eventId);
      event.cancel(reason, actor, this.clock.now());
      return this.events.save(event, correlationId);
    });
    return toSnapshot(cancelled);
  }

  /** The scheduler's step for one event: the transition due now, if any is (by nobody: `by` absent). */
  async applyDueTransition(eventId: string): Promise<AppliedTransition | undefined> {
    return retryOnConcurrentChange(async () => {
      const event = await this.events.load(eventId);
      if (!event) return undefined;
      const due = event.applyDueTransition(this.clock.now());
      if (!due) return undefined;
      const stored = await this.events.save(event);
      return { action: due.action, dueAt: due.at, event: stored };
    });
  }

  private async byStaff(
    eventId: string,
    action: StatusAction,
    actor: Actor,
    correlationId?: string,
  ): Promise<ClubEventReply> {
    requireStaff(actor);
    const changed = await retryOnConcurrentChange(async () => {
      const event = await this.load(eventId);
      event.act(action, actor, this.clock.now());
      return this.events.save(event, correlationId);
    });
    return toSnapshot(changed);
  }

  private async load(eventId: string): Promise<ClubEventAggregate> {
    const event = await this.events.load(eventId);
    if (!event) throw new NotFoundError(EventMessages.notFound);
    return event;
  }
}
