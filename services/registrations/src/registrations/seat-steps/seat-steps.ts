import { Actor, CancellationCause, PromotionCause, SeatCounts } from '@ic/contracts';
import { Clock, ConflictError, NotFoundError } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Registration, RegistrationView } from '../registration';
import { RegistrationChanges } from '../registration-changes';
import { RegistrationAggregate } from '../registration.aggregate';
import { LinesAhead, viewOf } from '../registration-places';
import { RegistrationViews } from '../registration-views';
import { SeatStep } from '../registration.schema';
import { RegistrationsRepository } from '../registrations.repository';
import { RegistrationMessages } from '../registration.messages';
import { countSeatDecision } from '../seat-decisions.metrics';
import { KnownEvent } from '../../replicas/known-event';
import { KnownEventsRepository } from '../../replicas/known-events.repository';
import { EventSeatsRepository } from '../../seats/event-seats.repository';
import {
  applied,
  decidePromotion,
  decideRegistration,
  decideSessionPromotion,
  releaseOf,
  SeatCounters,
  seatCountsOf,
  SeatOutcome,
} from '../../seats/seat-claims';
import { SeatPlan, seatPlanOf } from '../../seats/seat-plan';
import { StepCounts } from './step-counts';

/** Promotions per fill at most (each a few writes); a fill that stops early is taken up by the next change. */
const MAX_FILL_ROUNDS = 50;
const ATTEMPTS = 20;

/**
 * Seats, waiting places and workshop seats, decided by atomic conditional updates of the event's
 * counters (EventSeatsRepository) and stored one registration at a time. The counters and the
 * registration are two documents, so every change of seats is a **step** in three writes:
 *
 * 1. the registration names the step (a new registration is inserted `pending` with it; a
 *    cancellation is stored with its outgoing event and the step that gives the seat back);
 * 2. the counters are changed by one conditional update that also records the step's token under the
 *    registration's id — a step is counted at most once, however many callers finish it;
 * 3. the registration gets the outcome and its events (the outbox) and the step ends; then the
 *    counters forget the token.
 *
 * Whoever finds a step unfinished finishes it the same way: the caller itself, a request that meets
 * it (registering again, cancelling), and SeatRecovery for steps whose writer died. A kill between
 * the writes therefore never gives a seat twice (2 happens once), never loses one for good (a
 * counted step is always finished, a release always counted) and never loses a registration that was
 * accepted (1 comes before any answer). A count another caller finishes the step with is marked as
 * taken over and never taken back by its slow writer. A step finished by another than its first writer takes a new
 * order number, as the number of the first count died with its writer: it keeps its seat or place,
 * only its order among the waiting may move to the end of the line.
 */
@Injectable()
export class SeatSteps {
  private readonly counts: StepCounts;

  constructor(
    private readonly registrations: RegistrationsRepository,
    private readonly seats: EventSeatsRepository,
    private readonly events: KnownEventsRepository,
    private readonly views: RegistrationViews,
    private readonly changes: RegistrationChanges,
    private readonly clock: Clock,
  ) {
    this.counts = new StepCounts(seats);
  }

  /** A new step's name for a registration. */
  newStep<T extends Omit<SeatStep, 'token' | 'at'>>(step: T): T & { token: string; at: Date } {
    return { ...step, token: randomUUID(), at: this.clock.now() };
  }

  /**
   * Runs the registration's step to its end; returns the registration as this step left it, or
   * undefined when another caller finished it (or nothing was free for a promotion after all).
   */
  async run(
    entry: Registration,
    step: SeatStep,
    correlationId?: string,
    known?: KnownEvent,
  ): Promise<RegistrationView | undefined> {
    if (step.kind === 'release') {
      await this.release(entry, step, correlationId);
      return undefined;
    }
    return this.decide(entry, step, correlationId, known ?? (await this.events.findById(entry.eventId)));
  }

  /** Finishes whatever step the registration has under way (its writer may have died). */
  async finish(registrationId: string): Promise<void> {
    const stored = await this.registrations.findById(registrationId);
    if (!stored?.step) return;
    const { entry, step } = stored;
    await this.run(entry, step);
    // The fills that met this promotion left the rest of the line to its writer.
    if (step.kind === 'promote') await this.fill(entry.eventId, step.cause);
    if (step.kind === 'promote-session') await this.fillSessions(entry.eventId, [step.sessionId], step.cause);
  }

  /**
   * Cancels, unless `check` (run on the registration as stored) says no or throws: stored with its
   * event and the release of its seat in one write, then the seat goes to the first on the waiting
   * list (and each workshop seat to the first waiting for it). Cancelling again changes nothing.
   */
  async cancel(
    registrationId: string,
    cause: CancellationCause,
    by: Actor | undefined,
    check: (entry: Registration, event: KnownEvent, now: Date) => boolean,
    correlationId?: string,
  ): Promise<{ view: RegistrationView; event: KnownEvent; cancelledNow: boolean } | undefined> {
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const stored = await this.registrations.findById(registrationId);
      if (!stored || stored.pending) throw new NotFoundError(RegistrationMessages.registrationNotFound);
      const event = await this.events.findById(stored.entry.eventId);
      if (!event) throw new NotFoundError(RegistrationMessages.registrationNotFound);
      const { entry } = stored;
      if (!check(entry, event, this.clock.now())) return undefined;
      if (entry.status === 'cancelled')
        return { view: await this.views.of(entry), event, cancelledNow: false };
      if (stored.step) {
        await this.run(entry, stored.step);
        continue;
      }
      const held = entry.status;
      const step = this.newStep({
        kind: 'release' as const,
        held,
        sessions:
          held === 'confirmed' ? entry.sessions.map(({ sessionId, status }) => ({ sessionId, status })) : [],
      });
      const { counters } = await this.seats.read(entry.eventId);
      const { sequence } = await this.seats.nextSequence(entry.eventId);
      const registration = RegistrationAggregate.of(viewOf(entry));
      const seats = seatCountsOf(applied(counters, releaseOf(held, step.sessions).deltas), seatPlanOf(event));
      registration.cancel(cause, by, sequence, seats, step.at);
      const events = this.changes.entriesOf(registration.takeFacts(), event, correlationId);
      if (!(await this.registrations.update(registration.state, entry.revision, events, step))) continue;
      await this.release(registration.state, step, correlationId);
      return { view: registration.view, event, cancelledNow: true };
    }
    throw new ConflictError(RegistrationMessages.changedMeanwhile);
  }

  /**
   * Gives free seats to the first on the waiting list, in order, while seats are free and people
   * wait. A head whose promotion another caller has under way is never passed over (its count may
   * still fail, and the next in line would have a seat before it): the fill leaves the line to that
   * promotion's writer, which fills on after it (or SeatRecovery, when the writer died).
   */
  async fill(eventId: string, cause: PromotionCause, correlationId?: string): Promise<void> {
    for (let round = 0; round < MAX_FILL_ROUNDS; round++) {
      const event = await this.events.findById(eventId);
      if (!event || event.status === 'cancelled') return;
      const { counters } = await this.seats.read(eventId);
      const free = event.capacity - counters.confirmed;
      if (free <= 0 || counters.waiting <= 0) return;
      const heads = await this.registrations.firstWaiting(eventId, free);
      if (heads.length === 0) return;
      for (const head of heads) {
        if (head.step) return;
        const step = this.newStep({ kind: 'promote' as const, cause });
        // Named by another caller meanwhile, or changed: the line is read again.
        if (!(await this.registrations.startStep(head.entry, step))) break;
        if (!(await this.run(head.entry, step, correlationId))) break;
      }
    }
  }

  /** Gives each workshop's free seats to the first waiting for it, in order (never passing over one, as `fill`). */
  async fillSessions(
    eventId: string,
    sessionIds: readonly string[],
    cause: PromotionCause,
    correlationId?: string,
  ): Promise<void> {
    const toFill = [...new Set(sessionIds)];
    for (let index = 0; index < toFill.length; index++) {
      const sessionId = toFill[index];
      rounds: for (let round = 0; round < MAX_FILL_ROUNDS; round++) {
        const event = await this.events.findById(eventId);
        const workshop = event?.workshops.find((candidate) => candidate.sessionId === sessionId);
        if (!event || event.status === 'cancelled' || !workshop) break;
        const session = (await this.seats.read(eventId)).counters.sessions[sessionId];
        const free = workshop.capacity - (session?.confirmed ?? 0);
        if (free <= 0 || (session?.waiting ?? 0) <= 0) break;
        const heads = (await this.registrations.waitingForSession(eventId, sessionId)).slice(0, free);
        if (heads.length === 0) break;
        for (const head of heads) {
          if (head.step) break rounds;
          const step = this.newStep({ kind: 'promote-session' as const, sessionId, cause });
          if (!(await this.registrations.startStep(head.entry, step))) continue rounds;
          const view = await this.run(head.entry, step, correlationId);
          if (!view) continue rounds;
          // Fills of its other workshops may have stopped at it while this step was under way.
          for (const choice of view.entry.sessions) {
            if (choice.status === 'waiting' && !toFill.includes(choice.sessionId))
              toFill.push(choice.sessionId);
          }
        }
      }
    }
  }

  /** A seat (or a place, or a workshop seat) for the registration, counted and then written. */
  private async decide(
    entry: Registration,
    step: Exclude<SeatStep, { kind: 'release' }>,
    correlationId: string | undefined,
    event: KnownEvent | null,
  ): Promise<RegistrationView | undefined> {
    const plan: SeatPlan = event ? seatPlanOf(event) : { capacity: 0, workshops: [] };
    const counted = await this.counts.count(entry, step, (counters) => {
      switch (step.kind) {
        case 'register':
          return decideRegistration(
            counters,
            plan,
            entry.sessions.map((choice) => choice.sessionId),
          );
        case 'promote':
          return decidePromotion(
            counters,
            plan,
            entry.sessions.map((choice) => choice.sessionId),
          );
        case 'promote-session':
          return decideSessionPromotion(counters, plan, step.sessionId);
      }
    });
    if (!counted?.outcome) {
      await this.registrations.dropStep(entry.registrationId, step.token);
      return undefined;
    }
    const { sequence, ahead } = counted.before
      ? { sequence: counted.before.sequence + 1, ahead: counted.before }
      : await this.lastInItsLines(entry.eventId, counted.outcome);
    const seats = seatCountsOf(counted.after, plan);
    let result: RegistrationView | undefined;
    // First on the registration as the step began; when it changed meanwhile, on the stored one.
    let current: Registration = entry;
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const registration = await this.decided(step, current, counted.outcome, { sequence, seats, ahead });
      const facts = registration.takeFacts();
      const events = event ? this.changes.entriesOf(facts, event, correlationId) : [];
      if (await this.registrations.finishStep(registration.state, step.token, current.revision, events)) {
        for (const { type } of facts) {
          if (type === 'confirmed' || type === 'waitlisted' || type === 'promoted') countSeatDecision(type);
        }
        result = registration.view;
        break;
      }
      const stored = await this.registrations.findById(entry.registrationId);
      if (await this.counts.undoIfEnded(entry, step, counted, stored)) return undefined;
      if (!stored) break;
      current = stored.entry;
    }
    this.counts.forgetLater(entry.eventId, step.token);
    if (result && step.kind === 'register') await this.followUp(result, counted.after, plan, correlationId);
    return result;
  }

  /** A seat freed while this one was decided: whoever waits longest gets it (usually nobody needs to). */
  private async followUp(
    view: RegistrationView,
    after: SeatCounters,
    plan: SeatPlan,
    correlationId?: string,
  ): Promise<void> {
    if (view.entry.status === 'waiting' && after.confirmed < plan.capacity) {
      await this.fill(view.eventId, 'seat-freed', correlationId);
    }
    const waitingFor = view.entry.sessions
      .filter((choice) => choice.status === 'waiting')
      .map((choice) => choice.sessionId)
      .filter((sessionId) => {
        const workshop = plan.workshops.find((candidate) => candidate.sessionId === sessionId);
        return workshop && (after.sessions[sessionId]?.confirmed ?? 0) < workshop.capacity;
      });
    if (waitingFor.length > 0) await this.fillSessions(view.eventId, waitingFor, 'seat-freed', correlationId);
  }

  /**
   * A step counted by another caller takes a new order number, as its first number died with its
   * writer: it enters its lines last. Every place counted until that number (its own among them) is
   * in the counters right before it, so those ahead are all the others. Counting the stored
   * registrations instead would miss places whose steps are still being written.
   */
  private async lastInItsLines(
    eventId: string,
    outcome: SeatOutcome,
  ): Promise<{ sequence: number; ahead: LinesAhead }> {
    const { sequence, before } = await this.seats.nextSequence(eventId);
    const othersIn = (waiting: number) => Math.max(0, waiting - 1);
    // Workshop lines count only those with a seat at the event.
    const workshopLines = outcome.status === 'confirmed' ? Object.entries(outcome.sessions) : [];
    const ahead: LinesAhead = {
      waiting: outcome.status === 'waiting' ? othersIn(before.waiting) : 0,
      sessions: Object.fromEntries(
        workshopLines
          .filter(([, status]) => status === 'waiting')
          .map(([sessionId]) => [sessionId, { waiting: othersIn(before.sessions[sessionId]?.waiting ?? 0) }]),
      ),
    };
    return { sequence, ahead };
  }

  /** The registration with the step's outcome decided and recorded by its aggregate. */
  private async decided(
    step: Exclude<SeatStep, { kind: 'release' }>,
    entry: Registration,
    outcome: SeatOutcome,
    counted: { sequence: number; seats: SeatCounts; ahead: LinesAhead },
  ): Promise<RegistrationAggregate> {
    if (step.kind === 'promote-session') {
      const registration = RegistrationAggregate.of(await this.views.of(entry));
      registration.promoteInWorkshop(step.sessionId, counted.sequence, counted.seats, step.cause);
      return registration;
    }
    const registration = RegistrationAggregate.of(viewOf(entry));
    if (step.kind === 'register') registration.takeSeat(outcome, counted, this.clock.now());
    else registration.promote(outcome, counted, step.cause, this.clock.now());
    return registration;
  }

  /** Gives back what a cancelled registration held, once, then fills the freed seats. */
  private async release(
    entry: Registration,
    step: Extract<SeatStep, { kind: 'release' }>,
    correlationId?: string,
  ): Promise<void> {
    const claim = releaseOf(step.held, step.sessions);
    const counted = await this.counts.count(entry, step, () => claim);
    if (
      counted &&
      (await this.counts.undoIfEnded(
        entry,
        step,
        counted,
        await this.registrations.findById(entry.registrationId),
      ))
    ) {
      return;
    }
    await this.registrations.dropStep(entry.registrationId, step.token);
    this.counts.forgetLater(entry.eventId, step.token);
    await this.fill(entry.eventId, 'seat-freed', correlationId);
    const freed = step.sessions
      .filter((choice) => choice.status === 'confirmed')
      .map((choice) => choice.sessionId);
    if (freed.length > 0) await this.fillSessions(entry.eventId, freed, 'seat-freed', correlationId);
  }
}
