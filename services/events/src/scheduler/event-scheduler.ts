import { formatBerlinTime } from '@ic/contracts';
import { Clock, describe, RepeatingPass } from '@ic/platform';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
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
 * and events are held after their end. It keeps no state of its own: every pass asks the database
 * which events are due (`nextTransitionAt`), so a restart misses nothing, and an event due while
 * the service was down is transitioned on the first pass after it. With several instances every
 * one runs passes; revision slots let exactly one of them apply each transition.
 */
@Injectable()
export class EventScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(EventScheduler.name);
  private readonly intervalMs: number;
  private readonly repeating: RepeatingPass;
  private lastCleanUp = 0;

  constructor(
    private readonly events: ClubEventsRepository,
    private readonly status: ChangeStatusUseCase,
    private readonly uploads: CleanUpUploadsUseCase,
    private readonly clock: Clock,
    config: ConfigService<EventsEnv, true>,
  ) {
    this.intervalMs = config.get('EVENT_SCHEDULER_INTERVAL_MS', { infer: true });
    this.repeating = new RepeatingPass(() => this.pass(), this.intervalMs);
  }

  onApplicationBootstrap(): void {
    this.repeating.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.repeating.stop();
  }

  /** One pass: every due transition, then (once a minute) the upload clean-up. Never throws. */
  async pass(): Promise<void> {
    try {
      for (const eventId of shuffled(await this.events.findDue(this.clock.now(), DUE_BATCH))) {
        if (this.repeating.isStopped) return;
        await this.transition(eventId);
      }
      if (this.clock.now().getTime() - this.lastCleanUp >= CLEAN_UP_EVERY_MS) {
        this.lastCleanUp = this.clock.now().getTime();
        await this.uploads.execute();
      }
    } catch (error) {
      this.logger.warn(`Scheduler pass failed, trying again in ${this.intervalMs} ms: ${describe(error)}`);
    }
  }

  /** Applies every transition that is due for the event, one after another. */
  private async transition(eventId: string): Promise<void> {
    try {
      let applied = await this.status.applyDueTransition(eventId);
      while (applied) {
        const { action, event, dueAt } = applied;
        this.logger.log(
          `${DESCRIPTIONS[action]} "${event.title}" (${event.id}, revision ${event.revision}), due ${formatBerlinTime(dueAt)}`,
        );
        applied = await this.status.applyDueTransition(eventId);
      }
    } catch (error) {
      this.logger.warn(`Could not transition event ${eventId}: ${describe(error)}`);
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
