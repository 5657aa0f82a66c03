import { Actor, exampleLoungeSnapshot } from '@ic/contracts';
import { OutboxEntry } from '@ic/persistence';
import { Clock } from '@ic/platform';
import { mock } from 'jest-mock-extended';
import { randomUUID } from 'node:crypto';
import { Registration, RegistrationFact } from '../registrations/registration';
import { SeatPlan } from '../seats/seat-plan';
import { RegistrationChanges } from '../registrations/registration-changes';
import { RegistrationViews } from '../registrations/registration-views';
import { RegistrationRecord, SeatStep } from '../registrations/registration.schema';
import { RegistrationsRepository, StoredRegistration } from '../registrations/registrations.repository';
import { KnownEvent, knownEventOf } from '../replicas/known-event';
import { KnownEventsRepository } from '../replicas/known-events.repository';
import { EventSeats, EventSeatsRepository } from '../seats/event-seats.repository';
import { CountedStep } from '../seats/event-seats.schema';
import { applied, holds, NO_COUNTERS, SeatCounters } from '../seats/seat-claims';
import { SeatSteps } from '../registrations/seat-steps/seat-steps';

export class FixedClock extends Clock {
  constructor(public instant: Date) {
    super();
  }

  override now(): Date {
    return new Date(this.instant.getTime());
  }
}

interface StoredRecord {
  entry: Registration;
  pending: boolean;
  step?: SeatStep;
}

/**
 * The registrations and the event counters kept in memory with the repositories' rules: every write
 * conditional on what it was decided on, every count conditional on the claim's conditions and
 * counted once per step. For specs of the seat steps and the use cases around them.
 */
export class InMemoryRegistrations {
  readonly stored = new Map<string, StoredRecord>();
  /** The events of every write that was stored, in order. */
  readonly published: OutboxEntry[] = [];
  readonly counters = new Map<
    string,
    { counters: SeatCounters; steps: Record<string, CountedStep>; told: number }
  >();

  repository(): RegistrationsRepository {
    const rows = () => [...this.stored.values()];
    const decidedOf = (eventId: string) =>
      rows().filter((row) => row.entry.eventId === eventId && !row.pending);
    const copy = (row: StoredRecord): StoredRegistration => structuredClone(row);
    const othersOf = (entry: Registration) =>
      decidedOf(entry.eventId)
        .filter((row) => row.entry.registrationId !== entry.registrationId)
        .map((row) => row.entry);
    return mock<RegistrationsRepository>({
      insertPending: (entry, step) => this.insert(entry, { pending: true, step }),
      insertDecided: (entry) => this.insert(entry, { pending: false }),
      retake: (entry, revision, step) =>
        this.change(
          entry.registrationId,
          (row) =>
            row.entry.status === 'cancelled' && !row.pending && row.entry.revision === revision && !row.step,
          () => ({ entry, pending: true, step }),
        ),
      findById: (id) => Promise.resolve(this.stored.has(id) ? copy(this.stored.get(id)!) : null),
      startStep: (entry, step) =>
        this.change(
          entry.registrationId,
          (row) =>
            !row.pending &&
            row.entry.status === entry.status &&
            row.entry.revision === entry.revision &&
            !row.step,
          (row) => ({ ...row, step }),
        ),
      finishStep: (next, token, revision, events) =>
        this.change(
          next.registrationId,
          (row) => row.step?.token === token && row.entry.revision === revision,
          () => ({ entry: next, pending: false }),
          events,
        ),
      dropStep: async (id, token) => {
        await this.change(
          id,
          (row) => row.step?.token === token,
          (row) => ({ entry: row.entry, pending: row.pending }),
        );
      },
      update: (next, revision, events, step) =>
        this.change(
          next.registrationId,
          (row) => row.entry.revision === revision && (!step || !row.step),
          (row) => ({ ...row, entry: next, ...(step ? { step } : {}) }),
          events,
        ),
      ofEvent: (eventId) => Promise.resolve(decidedOf(eventId).map((row) => structuredClone(row.entry))),
      waitingAhead: (entry) =>
        Promise.resolve(
          othersOf(entry).filter((other) => other.status === 'waiting' && other.sequence < entry.sequence)
            .length,
        ),
      waitingAheadForSession: (entry, choice) =>
        Promise.resolve(
          othersOf(entry).filter(
            (other) =>
              other.status === 'confirmed' &&
              other.sessions.some(
                (theirs) =>
                  theirs.sessionId === choice.sessionId &&
                  theirs.status === 'waiting' &&
                  theirs.sequence < choice.sequence,
              ),
          ).length,
        ),
      firstWaiting: (eventId, limit) =>
        Promise.resolve(
          decidedOf(eventId)
            .filter((row) => row.entry.status === 'waiting')
            .sort((a, b) => a.entry.sequence - b.entry.sequence)
            .slice(0, limit)
            .map(copy),
        ),
      waitingForSession: (eventId, sessionId) => {
        const sequenceOf = (entry: Registration) =>
          entry.sessions.find((choice) => choice.sessionId === sessionId)?.sequence ?? 0;
        return Promise.resolve(
          decidedOf(eventId)
            .filter(
              (row) =>
                row.entry.status === 'confirmed' &&
                row.entry.sessions.some(
                  (choice) => choice.sessionId === sessionId && choice.status === 'waiting',
                ),
            )
            .map(copy)
            .sort((a, b) => sequenceOf(a.entry) - sequenceOf(b.entry)),
        );
      },
      withChoices: (eventId) =>
        Promise.resolve(
          decidedOf(eventId)
            .filter((row) => row.entry.sessions.length > 0)
            .map((row) => structuredClone(row.entry)),
        ),
      notCancelled: (eventId, limit) =>
        Promise.resolve(
          decidedOf(eventId)
            .filter((row) => row.entry.status !== 'cancelled')
            .slice(0, limit)
            .map((row) => structuredClone(row.entry)),
        ),
      findFor: (memberId) =>
        Promise.resolve(
          rows()
            .filter((row) => !row.pending && row.entry.registrant.memberId === memberId)
            .map((row) => structuredClone(row.entry)),
        ),
      withStepsBefore: (before) =>
        Promise.resolve(
          rows()
            .filter((row) => row.step && row.step.at < before)
            .map((row) => row.entry.registrationId),
        ),
    });
  }

  seatsRepository(): EventSeatsRepository {
    const of = (eventId: string) => {
      if (!this.counters.has(eventId))
        this.counters.set(eventId, { counters: NO_COUNTERS, steps: {}, told: 0 });
      return this.counters.get(eventId)!;
    };
    return mock<EventSeatsRepository>({
      peek: (eventId) => Promise.resolve(this.counters.get(eventId)?.counters ?? NO_COUNTERS),
      read: (eventId): Promise<EventSeats> =>
        Promise.resolve(structuredClone({ counters: of(eventId).counters, steps: of(eventId).steps })),
      create: (eventId, counters, told = 0) => {
        if (this.counters.has(eventId)) return Promise.resolve(false);
        this.counters.set(eventId, { counters, steps: {}, told });
        return Promise.resolve(true);
      },
      claim: (eventId, token, step, claim, forget = []) => {
        const state = of(eventId);
        if (state.steps[token] || !claim.conditions.every((condition) => holds(condition, state.counters))) {
          return Promise.resolve(undefined);
        }
        const before = state.counters;
        state.counters = applied(before, claim.deltas);
        state.steps[token] = step;
        forget.forEach((done) => delete state.steps[done]);
        return Promise.resolve(structuredClone(before));
      },
      undo: (eventId, token, deltas) => {
        const state = of(eventId);
        if (!state.steps[token] || state.steps[token].takenOver) return Promise.resolve();
        const back = Object.fromEntries(
          Object.entries(deltas)
            .filter(([path]) => path !== 'sequence')
            .map(([path, delta]) => [path, -delta]),
        );
        state.counters = applied(state.counters, back);
        delete state.steps[token];
        return Promise.resolve();
      },
      takeOver: (eventId, token) => {
        const state = of(eventId);
        if (!state.steps[token]) return Promise.resolve(false);
        state.steps[token] = { ...state.steps[token], takenOver: true };
        return Promise.resolve(true);
      },
      nextSequence: (eventId) => {
        const state = of(eventId);
        const before = state.counters;
        state.counters = applied(before, { sequence: 1 });
        return Promise.resolve({ sequence: state.counters.sequence, before });
      },
      forget: (eventId, tokens) => {
        const state = of(eventId);
        tokens.forEach((token) => delete state.steps[token]);
        return Promise.resolve();
      },
      countedSteps: () =>
        Promise.resolve(
          [...this.counters.entries()].flatMap(([eventId, state]) =>
            Object.entries(state.steps).map(([token, step]) => ({ eventId, token, step })),
          ),
        ),
      toldChangeRevision: (eventId) => Promise.resolve(of(eventId).told),
      markToldChange: (eventId, revision) => {
        of(eventId).told = Math.max(of(eventId).told, revision);
        return Promise.resolve();
      },
    });
  }

  private insert(entry: Registration, row: Omit<StoredRecord, 'entry'>): Promise<boolean> {
    if (this.stored.has(entry.registrationId)) return Promise.resolve(false);
    this.stored.set(entry.registrationId, structuredClone({ entry, ...row }));
    return Promise.resolve(true);
  }

  private change(
    id: string,
    when: (row: StoredRecord) => boolean,
    next: (row: StoredRecord) => StoredRecord,
    events: readonly OutboxEntry[] = [],
  ): Promise<boolean> {
    const row = this.stored.get(id);
    if (!row || !when(row)) return Promise.resolve(false);
    this.stored.set(id, structuredClone(next(row)));
    this.published.push(...events);
    return Promise.resolve(true);
  }
}

/** An event open for registration with these seats (and workshops, as a Deutschlandforum). */
export function eventWith(plan: SeatPlan, eventId: string = randomUUID()): KnownEvent {
  const event = knownEventOf({
    ...exampleLoungeSnapshot,
    eventId,
    status: 'registration-open',
    capacity: plan.capacity,
  });
  return {
    ...event,
    workshops: plan.workshops.map((workshop) => ({
      sessionId: workshop.sessionId,
      title: `Workshop ${workshop.sessionId}`,
      startsAt: new Date('2027-05-12T12:00:00.000Z'),
      endsAt: new Date('2027-05-12T13:30:00.000Z'),
      capacity: workshop.capacity,
    })),
  };
}

/** A registration as a spec names it; what it leaves out is a member's registration of their own. */
export interface NewRegistration {
  readonly registrationId: string;
  readonly memberId?: string;
  readonly registrantKey?: string;
  readonly registrant?: Registration['registrant'];
  readonly registeredBy?: Actor;
  readonly sessionIds?: readonly string[];
  readonly delegation?: Registration['delegation'];
}

/** The registration of member `index` (`registration-<index>` by `member-<index>`), with its workshops. */
export function memberRegistration(index: number, sessionIds: string[] = []): NewRegistration {
  return { registrationId: `registration-${index}`, memberId: `member-${index}`, sessionIds };
}

/** Member `index` as the actor of their own registration. */
export function memberActor(index: number): Actor {
  return { subject: `member-${index}`, role: 'member' };
}

/**
 * SeatSteps on in-memory registrations and counters, with the events it knows; the facts each
 * write would publish are collected instead of turned into events.
 */
export class SeatStepsTestBed {
  /** A test bed with one event of these seats; returns the bed and the event id. */
  static withEvent(seats: SeatPlan): { bed: SeatStepsTestBed; eventId: string } {
    const bed = new SeatStepsTestBed();
    const event = eventWith(seats);
    bed.events.set(event.eventId, event);
    return { bed, eventId: event.eventId };
  }

  readonly data = new InMemoryRegistrations();
  readonly registrations = this.data.repository();
  readonly seats = this.data.seatsRepository();
  readonly events = new Map<string, KnownEvent>();
  readonly clock = new FixedClock(new Date('2027-03-01T10:00:00.000Z'));
  readonly sut: SeatSteps;

  constructor() {
    const events = mock<KnownEventsRepository>({
      findById: (eventId) => Promise.resolve(this.events.get(eventId) ?? null),
    });
    // Each fact travels as the data of one entry, so that the spec reads back what was stored.
    const changes = mock<RegistrationChanges>({
      entriesOf: (facts) =>
        facts.map((fact) => ({
          id: randomUUID(),
          type: fact.type,
          topic: 'ic.registrations.v1',
          source: '/ic/registrations',
          subject: 'event',
          time: this.clock.now(),
          data: fact,
        })),
    });
    this.sut = new SeatSteps(
      this.registrations,
      this.seats,
      events,
      new RegistrationViews(this.registrations),
      changes,
      this.clock,
    );
  }

  /** The facts stored since the last call, in the order they were stored. */
  takeFacts(): RegistrationFact[] {
    return this.data.published.splice(0).map((entry) => entry.data as RegistrationFact);
  }

  /** Registers as RegisterUseCase does once the request is found eligible (a member, unless told otherwise). */
  async register(eventId: string, who: NewRegistration): Promise<void> {
    const memberId = who.memberId ?? who.registrationId;
    const stored = await this.registrations.findById(who.registrationId);
    const entry: Registration = {
      registrationId: who.registrationId,
      eventId,
      registrantKey: who.registrantKey ?? `member:${memberId}`,
      registrant: who.registrant ?? { kind: 'member', memberId, federalState: 'BY', sector: 'Kommune' },
      registeredBy: who.registeredBy ?? { subject: memberId, role: 'member' },
      status: 'waiting',
      sequence: 0,
      sessions: (who.sessionIds ?? []).map((sessionId) => ({ sessionId, status: 'pending', sequence: 0 })),
      ...(who.delegation ? { delegation: who.delegation } : {}),
      revision: (stored?.entry.revision ?? 0) + 1,
      registeredAt: this.clock.now(),
    };
    const step = this.sut.newStep({ kind: 'register' as const });
    const started = stored
      ? await this.registrations.retake(entry, stored.entry.revision, step)
      : await this.registrations.insertPending(entry, step);
    if (!started) throw new Error(`${who.registrationId} is registered already`);
    await this.sut.run(entry, step);
  }

  /** The registrations of the event with their places, in the order they were registered. */
  async views(eventId: string) {
    return new RegistrationViews(this.registrations).ofEvent(eventId);
  }

  async find(registrationId: string) {
    const stored = await this.registrations.findById(registrationId);
    return stored ? new RegistrationViews(this.registrations).of(stored.entry) : undefined;
  }

  record(registrationId: string): Pick<RegistrationRecord, 'status' | 'step'> | undefined {
    const row = this.data.stored.get(registrationId);
    return row
      ? { status: row.pending ? 'pending' : row.entry.status, ...(row.step ? { step: row.step } : {}) }
      : undefined;
  }
}
