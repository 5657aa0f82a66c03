import { Actor, ClubEventReply } from '@ic/contracts';
import { retryOnConcurrentChange } from '@ic/persistence';
import { Clock, NotFoundError, requireStaff } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { ClubEvent, ClubEventState } from '../club-event';
import { ClubEventChanges } from '../club-event.changes';
import { EventMessages } from '../club-event.messages';
import { toSnapshot } from '../club-event.mapper';
import { ClubEventsRepository } from '../club-events.repository';
import {
  assertActionAllowed,
  dueTransition,
  ScheduledTransition,
  StaffAction,
  StaffActions,
} from '../rules/lifecycle.rules';

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
    private readonly changes: ClubEventChanges,
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
      const now = this.clock.now();
      assertActionAllowed(event, 'cancel', now);
      const next: ClubEventState = {
        ...event,
        status: 'cancelled',
        cancellation: { reason, cancelledAt: now, cancelledBy: actor },
        updatedAt: now,
      };
      return this.events.update(event, next, (revision) => [
        this.changes.cancelled({ ...next, id: event.id, revision }, event.status, actor, correlationId),
      ]);
    });
    return toSnapshot(cancelled);
  }

  /** The scheduler's step for one event: the transition due now, if any is (by nobody: `by` absent). */
  async applyDueTransition(eventId: string): Promise<AppliedTransition | undefined> {
    return retryOnConcurrentChange(async () => {
      const event = await this.events.findById(eventId);
      if (!event) return undefined;
      const now = this.clock.now();
      const due = dueTransition(event, now);
      if (!due) return undefined;
      const stored = await this.transition(event, due.action, now);
      return { action: due.action, dueAt: due.at, event: stored };
    });
  }

  private async byStaff(
    eventId: string,
    action: Exclude<StaffAction, 'cancel'>,
    actor: Actor,
    correlationId?: string,
  ): Promise<ClubEventReply> {
    requireStaff(actor);
    const changed = await retryOnConcurrentChange(async () => {
      const event = await this.load(eventId);
      const now = this.clock.now();
      assertActionAllowed(event, action, now);
      return this.transition(event, action, now, actor, correlationId);
    });
    return toSnapshot(changed);
  }

  private transition(
    event: ClubEvent,
    action: Exclude<StaffAction, 'cancel'>,
    now: Date,
    actor?: Actor,
    correlationId?: string,
  ): Promise<ClubEvent> {
    const next: ClubEventState = { ...event, status: StaffActions[action].to, updatedAt: now };
    return this.events.update(event, next, (revision) => [
      this.changes.statusChanged({ ...next, id: event.id, revision }, action, actor, correlationId),
    ]);
  }

  private async load(eventId: string): Promise<ClubEvent> {
    const event = await this.events.findById(eventId);
    if (!event) throw new NotFoundError(EventMessages.notFound);
    return event;
  }
}
