import { Clock, PeriodicWorker } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { RegistrationsRepository } from '../registrations.repository';
import { EventSeatsRepository } from '../../seats/event-seats.repository';
import { SeatSteps } from './seat-steps';

/** A step this old has lost its writer (a request is answered within seconds, or not at all). */
const STEP_GRACE_MS = 5_000;
/** A counted step whose registration has moved on is forgotten by its writer within a second, else after this. */
const COUNT_GRACE_MS = 30_000;
const PASS_INTERVAL_MS = 10_000;

/**
 * Finishes the seat steps whose writer died (SeatSteps): on start and every few seconds, on any
 * instance; two instances finishing the same step is safe, each step is counted once. It reads only
 * the registrations with a step under way and the event counters, never a whole collection of
 * registrations.
 */
@Injectable()
export class SeatRecovery extends PeriodicWorker {
  constructor(
    private readonly registrations: RegistrationsRepository,
    private readonly seats: EventSeatsRepository,
    private readonly steps: SeatSteps,
    private readonly clock: Clock,
  ) {
    super('Seat recovery', PASS_INTERVAL_MS);
  }

  protected async work(): Promise<void> {
    await this.recover();
  }

  /** One pass; returns how many steps it finished. */
  async recover(): Promise<number> {
    const now = this.clock.now().getTime();
    const unfinished = await this.registrations.withStepsBefore(new Date(now - STEP_GRACE_MS));
    for (const registrationId of unfinished) await this.steps.finish(registrationId);
    for (const { eventId, token, step } of await this.seats.countedSteps()) {
      if (new Date(step.at).getTime() > now - COUNT_GRACE_MS) continue;
      const stored = await this.registrations.findById(step.registrationId);
      if (stored?.step?.token === token) await this.steps.finish(step.registrationId);
      else await this.seats.forget(eventId, [token]);
    }
    if (unfinished.length > 0)
      this.logger.log(`Finished ${unfinished.length} seat step(s) left by a stopped writer`);
    return unfinished.length;
  }
}
