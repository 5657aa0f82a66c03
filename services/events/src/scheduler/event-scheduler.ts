import { formatBerlinTime } from '@ic/contracts';
import { Clock, PeriodicWorker } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppliedTransition, ChangeStatusUseCase } from '../club-events/change-status/change-status.usecase';
import { ClubEventsRepository } from '../club-events/club-events.repository';
import { CleanUpUploadsUseCase } from '../documents/clean-up-uploads/clean-up-uploads.usecase';
import { EventsEnv } from '../events.env';

/** Events handled per pass at most; the next pass, an interval later, takes the rest. */
const DUE_BATCH = 100;
const CLEAN_UP_EVERY_MS = 60_000;

const DESCRIPTIONS: Readonly<Record<AppliedTransition['action'], string>> = {
  'open-registration': 'Opened registration of',
  'close-registration': 'Closed registration of',
  'mark-held': 'Marked as held:',
};

/**
 * Makes the transitions that happen by time: registration opens and closes at the window's times,
 * and events are held after their end. Every pass asks the database which events are due
 * (`nextTransitionAt`), so an event due while the service was down is transitioned on the first
 * pass after it. With several instances every one runs passes; revision slots let exactly one of
 * them apply each transition.
 */
@Injectable()
export class EventScheduler extends PeriodicWorker {
  private lastCleanUp = 0;

  constructor(
    private readonly events: ClubEventsRepository,
    private readonly status: ChangeStatusUseCase,
    private readonly uploads: CleanUpUploadsUseCase,
    private readonly clock: Clock,
    config: ConfigService<EventsEnv, true>,
  ) {
    super('Scheduler', config.get('EVENT_SCHEDULER_INTERVAL_MS', { infer: true }));
  }

  /** Every due transition, then (once a minute) the upload clean-up. */
  protected async work(): Promise<void> {
    const due = shuffled(await this.events.findDue(this.clock.now(), DUE_BATCH));
    await this.eachItem(
      due,
      (eventId) => this.transition(eventId),
      (eventId) => `Could not transition event ${eventId}`,
    );
    if (this.isStopped) return;
    if (this.clock.now().getTime() - this.lastCleanUp >= CLEAN_UP_EVERY_MS) {
      this.lastCleanUp = this.clock.now().getTime();
      await this.uploads.execute();
    }
  }

  /** Applies every transition that is due for the event, one after another. */
  private async transition(eventId: string): Promise<void> {
    let applied = await this.status.applyDueTransition(eventId);
    while (applied) {
      const { action, event, dueAt } = applied;
      this.logger.log(
        `${DESCRIPTIONS[action]} "${event.title}" (${event.id}, revision ${event.revision}), due ${formatBerlinTime(dueAt)}`,
      );
      applied = await this.status.applyDueTransition(eventId);
    }
  }
}

/**
 * Instances take the due events in different orders, so that they mostly work side by side
 * instead of racing each other for the same event (the loser of a race only rereads it).
 */
function shuffled<T>(items: readonly T[]): T[] {
  const result = [...items];
  for (let index = result.length - 1; index > 0; index--) {
    const other = Math.floor(Math.random() * (index + 1));
    [result[index], result[other]] = [result[other], result[index]];
  }
  return result;
}
