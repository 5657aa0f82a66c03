import { describe } from '@ic/platform';
import { Logger } from '@nestjs/common';
import { Registration } from '../registration';
import { SeatStep } from '../registration.schema';
import { StoredRegistration } from '../registrations.repository';
import { EventSeatsRepository } from '../../seats/event-seats.repository';
import { applied, SeatClaim, SeatCounters, SeatOutcome } from '../../seats/seat-claims';

/** Finished steps are forgotten with the next count of their event, or after this when none comes. */
const FORGET_AFTER_MS = 1_000;
/** Finished steps forgotten by one count at most. */
const FORGET_AT_ONCE = 200;

/** How a step was counted: now by this caller (with the counters right before), or earlier by another. */
export type Counted =
  | {
      readonly outcome?: SeatOutcome;
      readonly before: SeatCounters;
      readonly after: SeatCounters;
      readonly claim: SeatClaim;
    }
  | {
      readonly outcome?: SeatOutcome;
      readonly before?: undefined;
      readonly after: SeatCounters;
      readonly claim?: undefined;
    };

/**
 * Counts seat steps on the event's counters (the second write of a SeatSteps step), each at most
 * once, and has the counters forget the steps this process finished.
 */
export class StepCounts {
  private readonly logger = new Logger(StepCounts.name);
  /** The counters of each event as this process last changed them: the first guess of the next claim. */
  private readonly lastCounters = new Map<string, { counters: SeatCounters; fresh: boolean }>();
  /** Steps this process finished, by event, still to be forgotten by the counters. */
  private readonly finished = new Map<string, string[]>();
  private readonly forgetTimers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly seats: EventSeatsRepository) {}

  /**
   * Counts the step on the event's counters once. Undefined when `claimOf` finds nothing to claim on
   * the counters as read; 'ended' when the step was finished by another caller meanwhile (a count
   * made after that is taken back). The claim is first decided on the counters this process saw
   * last, which in a rush are almost always still right; a claim that no longer fits reads them anew.
   */
  async count(
    entry: Registration,
    step: SeatStep,
    claimOf: (counters: SeatCounters) => SeatClaim | undefined,
  ): Promise<Counted | undefined> {
    const { eventId, registrationId } = entry;
    let known = this.lastCounters.get(eventId);
    for (;;) {
      if (!known) {
        const { counters, steps } = await this.seats.read(eventId);
        const counted = steps[step.token];
        // Counted by another caller, who may still be writing: its count is this one's now, never taken back.
        if (counted && (await this.seats.takeOver(eventId, step.token)))
          return { outcome: counted.outcome, after: counters };
        known = { counters, fresh: true };
      }
      const claim = claimOf(known.counters);
      if (!claim) {
        if (known.fresh) return undefined;
        known = undefined;
        continue;
      }
      const forget = this.takeFinished(eventId);
      const before = await this.seats.claim(
        eventId,
        step.token,
        { registrationId, at: step.at, ...(claim.outcome ? { outcome: claim.outcome } : {}) },
        claim,
        forget,
      );
      if (!before) {
        forget.forEach((token) => this.forgetLater(eventId, token));
        known = undefined;
        continue;
      }
      const after = applied(before, claim.deltas);
      this.lastCounters.set(eventId, { counters: after, fresh: false });
      return { outcome: claim.outcome, before, after, claim };
    }
  }

  /** Remembers a finished step, to be forgotten by the counters with the event's next count. */
  forgetLater(eventId: string, token: string): void {
    this.finished.set(eventId, [...(this.finished.get(eventId) ?? []), token]);
    if (this.forgetTimers.has(eventId)) return;
    const timer = setTimeout(() => {
      this.forgetTimers.delete(eventId);
      this.seats
        .forget(eventId, this.takeFinished(eventId))
        .catch((error: unknown) =>
          this.logger.warn(
            `Finished seat steps of ${eventId} stay counted until the recovery pass: ${describe(error)}`,
          ),
        );
    }, FORGET_AFTER_MS);
    timer.unref();
    this.forgetTimers.set(eventId, timer);
  }

  private takeFinished(eventId: string): string[] {
    const tokens = this.finished.get(eventId) ?? [];
    const taken = tokens.slice(0, FORGET_AT_ONCE);
    if (tokens.length > taken.length) this.finished.set(eventId, tokens.slice(taken.length));
    else this.finished.delete(eventId);
    return taken;
  }

  /** A count made after the step had been finished by another caller is one too many: it is taken back. */
  async undoIfEnded(
    entry: Registration,
    step: SeatStep,
    counted: Counted,
    current: StoredRegistration | null,
  ): Promise<boolean> {
    if (current?.step?.token === step.token) return false;
    if (counted.claim) await this.seats.undo(entry.eventId, step.token, counted.claim.deltas);
    return true;
  }
}
