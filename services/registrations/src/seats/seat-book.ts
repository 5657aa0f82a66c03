import {
  Actor,
  CancellationCause,
  DelegationRole,
  EventChangeAspect,
  FederalState,
  Municipality,
  PromotionCause,
  RegistrantKind,
  RegistrationStatus,
  Salutation,
  SeatCounts,
  Sector,
  SessionChangeCause,
  SessionChoiceStatus,
  SessionSeatChange,
} from '@ic/contracts';
import { ConflictError, NotFoundError, RuleViolationError } from '@ic/platform';
import { RegistrationMessages, Refusal, Refusals } from '../registrations/registration.messages';

/** A person of a delegation, as this service keeps them (in clear; events carry them sealed). */
export interface StoredPerson {
  readonly personId: string;
  readonly salutation: Salutation;
  readonly firstName: string;
  readonly lastName: string;
  readonly role: DelegationRole;
  readonly email: string;
  /** Came (to at least one module of a Kommunalzirkel). */
  readonly attended?: boolean;
  /** Kommunalzirkel: the modules the person came to, by moduleId. */
  readonly attendedModules?: readonly string[];
}

export interface StoredGuest {
  readonly salutation: Salutation;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly organisation?: string;
}

/** Who a registration is for, as of registering (the lists' filters read Land and sector from here). */
export interface StoredRegistrant {
  readonly kind: RegistrantKind;
  readonly memberId?: string;
  readonly municipality?: Municipality;
  readonly federalState?: FederalState;
  readonly sector?: Sector;
  readonly guest?: StoredGuest;
}

export interface StoredSessionChoice {
  readonly sessionId: string;
  readonly status: SessionChoiceStatus;
  /** When the choice entered its status: the order of the workshop's waiting list. */
  readonly sequence: number;
}

/** One registration in its event's seat book. */
export interface BookEntry {
  readonly registrationId: string;
  /** `member:<id>`, `municipality:<AGS>` or `guest:<e-mail>`: one registration per key and event. */
  readonly registrantKey: string;
  readonly registrant: StoredRegistrant;
  readonly registeredBy: Actor;
  readonly status: RegistrationStatus;
  /** When the registration entered its status, in the book's own order: the waiting list's order. */
  readonly sequence: number;
  readonly sessions: readonly StoredSessionChoice[];
  readonly delegation?: readonly StoredPerson[];
  readonly attended?: boolean;
  readonly revision: number;
  readonly registeredAt: Date;
  readonly confirmedAt?: Date;
  readonly cancelledAt?: Date;
  readonly cancellation?: { readonly cause: CancellationCause; readonly by?: Actor };
}

/** Everything about one event's registrations: the one document that decides its seats. */
export interface SeatBookState {
  readonly eventId: string;
  readonly entries: readonly BookEntry[];
  /** The last order number handed out (entering a status, a workshop seat or its waiting list). */
  readonly sequence: number;
  /** The event revision whose change of schedule or venue was told to the registered last. */
  readonly toldChangeRevision: number;
}

/** The seats an event offers, from its latest known state. */
export interface SeatPlan {
  readonly capacity: number;
  readonly workshops: readonly { readonly sessionId: string; readonly capacity: number }[];
}

/** A registration as of one moment: the entry with its places on the waiting lists. */
export interface RegistrationView {
  readonly eventId: string;
  readonly entry: BookEntry;
  readonly waitingPlace?: number;
  /** Place on each workshop's waiting list, by session id. */
  readonly sessionPlaces: Readonly<Record<string, number>>;
}

/** What happened in the book, with the registration as it was right after; each becomes one event. */
export type BookFact =
  | {
      readonly type: 'confirmed' | 'waitlisted';
      readonly view: RegistrationView;
      readonly seats: SeatCounts;
      readonly by: Actor;
    }
  | {
      readonly type: 'promoted';
      readonly view: RegistrationView;
      readonly seats: SeatCounts;
      readonly cause: PromotionCause;
    }
  | {
      readonly type: 'cancelled';
      readonly view: RegistrationView;
      readonly seats: SeatCounts;
      readonly cause: CancellationCause;
      readonly previousStatus: 'confirmed' | 'waiting';
      readonly by?: Actor;
    }
  | {
      readonly type: 'sessions-changed';
      readonly view: RegistrationView;
      readonly seats: SeatCounts;
      readonly cause: SessionChangeCause;
      readonly changes: readonly SessionSeatChange[];
    }
  | {
      readonly type: 'delegation-changed';
      readonly view: RegistrationView;
      readonly seats: SeatCounts;
      readonly by: Actor;
      readonly added: readonly string[];
      readonly changed: readonly string[];
      readonly removed: readonly StoredPerson[];
    }
  | {
      readonly type: 'attendance-recorded';
      readonly view: RegistrationView;
      readonly by: Actor;
      readonly personId?: string;
      readonly moduleId?: string;
      readonly attended: boolean;
    }
  | {
      readonly type: 'event-changed';
      readonly eventRevision: number;
      readonly changed: readonly EventChangeAspect[];
      readonly registered: readonly RegistrationView[];
    };

export interface NewRegistration {
  readonly registrationId: string;
  readonly registrantKey: string;
  readonly registrant: StoredRegistrant;
  readonly registeredBy: Actor;
  readonly sessionIds: readonly string[];
  readonly delegation?: readonly StoredPerson[];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The seats of one event and the registrations that hold or wait for them, decided in memory.
 * Every operation keeps two promises: confirmed registrations never exceed the capacity (nor a
 * workshop's confirmed choices its capacity), and no one waits while a seat is free; the waiting
 * lists are served strictly in order. The caller stores the result as one document write, as the
 * only writer of the book's next revision (see SeatDesk), and publishes the facts.
 *
 * An operation that refuses (throws) has changed nothing but what settling the book against the
 * event's latest seats had to do anyway: each checks before it changes anything.
 */
export class SeatBook {
  private entries: Mutable<BookEntry>[];
  private sequence: number;
  private toldChangeRevision: number;
  private readonly facts: BookFact[] = [];

  private constructor(
    readonly eventId: string,
    state: Omit<SeatBookState, 'eventId'>,
  ) {
    this.entries = state.entries.map((entry) => ({ ...entry }));
    this.sequence = state.sequence;
    this.toldChangeRevision = state.toldChangeRevision;
  }

  static empty(eventId: string): SeatBook {
    return new SeatBook(eventId, { entries: [], sequence: 0, toldChangeRevision: 0 });
  }

  static of(state: SeatBookState): SeatBook {
    return new SeatBook(state.eventId, structuredClone(state));
  }

  state(): SeatBookState {
    return {
      eventId: this.eventId,
      entries: this.entries.map((entry) => ({ ...entry })),
      sequence: this.sequence,
      toldChangeRevision: this.toldChangeRevision,
    };
  }

  /** The facts since the book was loaded, in the order they happened. */
  takeFacts(): BookFact[] {
    return this.facts.splice(0, this.facts.length);
  }

  find(registrationId: string): RegistrationView | undefined {
    const entry = this.entries.find((candidate) => candidate.registrationId === registrationId);
    return entry ? this.viewOf(entry) : undefined;
  }

  findByRegistrant(registrantKey: string): RegistrationView | undefined {
    const entry = this.entries.find((candidate) => candidate.registrantKey === registrantKey);
    return entry ? this.viewOf(entry) : undefined;
  }

  views(): RegistrationView[] {
    const waiting = this.placesOnWaitingList();
    const sessionPlaces = this.placesOnWorkshopLists();
    return this.entries.map((entry) => this.viewOf(entry, waiting, sessionPlaces));
  }

  seats(plan: SeatPlan): SeatCounts {
    return {
      capacity: plan.capacity,
      confirmed: this.entries.filter((entry) => entry.status === 'confirmed').length,
      waiting: this.entries.filter((entry) => entry.status === 'waiting').length,
    };
  }

  /** Confirmed and waiting choices of a workshop (choices count only while their registration is confirmed). */
  workshopSeats(sessionId: string): { confirmed: number; waiting: number } {
    let confirmed = 0;
    let waiting = 0;
    for (const entry of this.entries) {
      if (entry.status !== 'confirmed') continue;
      const choice = entry.sessions.find((candidate) => candidate.sessionId === sessionId);
      if (choice?.status === 'confirmed') confirmed++;
      if (choice?.status === 'waiting') waiting++;
    }
    return { confirmed, waiting };
  }

  /**
   * Registers, or answers with the existing registration of the same registrant (`created` false).
   * A cancelled registration is taken up again under its id. The new one gets a seat when one is
   * free, else the next place on the waiting list; its workshop choices get seats only with it.
   */
  register(
    registration: NewRegistration,
    plan: SeatPlan,
    now: Date,
  ): { view: RegistrationView; created: boolean } {
    this.settle(plan, now);
    const existing = this.entries.find((entry) => entry.registrantKey === registration.registrantKey);
    if (existing && existing.status !== 'cancelled') return { view: this.viewOf(existing), created: false };

    const seated = this.confirmedCount() < plan.capacity;
    const entry: Mutable<BookEntry> = {
      registrationId: registration.registrationId,
      registrantKey: registration.registrantKey,
      registrant: registration.registrant,
      registeredBy: registration.registeredBy,
      status: seated ? 'confirmed' : 'waiting',
      sequence: this.next(),
      sessions: registration.sessionIds.map((sessionId) => ({ sessionId, status: 'pending', sequence: 0 })),
      ...(registration.delegation ? { delegation: registration.delegation } : {}),
      revision: (existing?.revision ?? 0) + 1,
      registeredAt: now,
      ...(seated ? { confirmedAt: now } : {}),
    };
    if (existing) this.entries[this.entries.indexOf(existing)] = entry;
    else this.entries.push(entry);
    if (seated) this.seatChoices(entry, plan);
    this.facts.push({
      type: seated ? 'confirmed' : 'waitlisted',
      view: this.viewOf(entry),
      seats: this.seats(plan),
      by: registration.registeredBy,
    });
    return { view: this.viewOf(entry), created: true };
  }

  /**
   * Cancels; the seat it held goes at once to the first on the waiting list, and each workshop seat
   * to the first waiting for that workshop. Cancelling a cancelled registration changes nothing.
   */
  cancel(
    registrationId: string,
    cause: Exclude<CancellationCause, 'event-cancelled'>,
    by: Actor,
    plan: SeatPlan,
    now: Date,
  ): RegistrationView {
    this.settle(plan, now);
    const entry = this.entryOf(registrationId);
    if (entry.status === 'cancelled') return this.viewOf(entry);
    this.cancelEntry(entry, cause, now, by, plan);
    this.fill(plan, 'seat-freed', now);
    return this.viewOf(entry);
  }

  /**
   * The event was cancelled: cancels up to `limit` registrations (so that one write stays small)
   * and says how many are left. Nobody moves up, there are no seats any more.
   */
  cancelForCancelledEvent(limit: number, plan: SeatPlan, now: Date): { remaining: number } {
    const open = this.entries.filter((entry) => entry.status !== 'cancelled');
    for (const entry of open.slice(0, limit))
      this.cancelEntry(entry, 'event-cancelled', now, undefined, plan);
    return { remaining: Math.max(0, open.length - limit) };
  }

  /** Applies the event's latest seats: a removed workshop drops its choices, added seats are given out in order. */
  applyPlan(plan: SeatPlan, now: Date): void {
    this.settle(plan, now);
  }

  /** Replaces a delegation; people keep their id while they stay. No change, no fact. */
  changeDelegation(
    registrationId: string,
    people: readonly StoredPerson[],
    by: Actor,
    plan: SeatPlan,
  ): RegistrationView {
    const entry = this.entryOf(registrationId);
    if (entry.status === 'cancelled') throw new ConflictError(RegistrationMessages.cancelledCannotChange);
    const before = new Map((entry.delegation ?? []).map((person) => [person.personId, person]));
    const after = people.map((person) => {
      const kept = before.get(person.personId);
      return {
        ...person,
        ...(kept?.attended !== undefined ? { attended: kept.attended } : {}),
        ...(kept?.attendedModules ? { attendedModules: kept.attendedModules } : {}),
      };
    });
    const added = after.filter((person) => !before.has(person.personId)).map((person) => person.personId);
    const changed = after
      .filter((person) => {
        const previous = before.get(person.personId);
        return previous !== undefined && !samePerson(previous, person);
      })
      .map((person) => person.personId);
    const stays = new Set(after.map((person) => person.personId));
    const removed = [...before.values()].filter((person) => !stays.has(person.personId));
    if (added.length + changed.length + removed.length === 0) return this.viewOf(entry);
    entry.delegation = after;
    entry.revision++;
    this.facts.push({
      type: 'delegation-changed',
      view: this.viewOf(entry),
      seats: this.seats(plan),
      by,
      added,
      changed,
      removed,
    });
    return this.viewOf(entry);
  }

  /**
   * Marks a confirmed registration's person as come (or takes it back); the same mark again changes
   * nothing. A delegation's person is marked per module when `moduleId` is given (Kommunalzirkel);
   * they count as come while they came to at least one module.
   */
  recordAttendance(
    registrationId: string,
    mark: { readonly personId?: string; readonly moduleId?: string; readonly attended: boolean },
    by: Actor,
  ): RegistrationView {
    const { personId, moduleId, attended } = mark;
    const entry = this.entryOf(registrationId);
    if (entry.status !== 'confirmed') throw refusedBy(Refusals.attendanceNotConfirmed());
    if (entry.delegation) {
      if (!personId) throw new ConflictError(RegistrationMessages.personIdRequired);
      const person = entry.delegation.find((candidate) => candidate.personId === personId);
      if (!person) throw new NotFoundError(RegistrationMessages.personNotFound);
      const marked = moduleId ? markModule(person, moduleId, attended) : { ...person, attended };
      if ((marked.attended ?? false) === (person.attended ?? false) && sameModules(marked, person))
        return this.viewOf(entry);
      entry.delegation = entry.delegation.map((candidate) =>
        candidate.personId === personId ? marked : candidate,
      );
    } else {
      if (personId) throw new ConflictError(RegistrationMessages.personIdNotExpected);
      if (entry.attended === attended) return this.viewOf(entry);
      entry.attended = attended;
    }
    entry.revision++;
    this.facts.push({
      type: 'attendance-recorded',
      view: this.viewOf(entry),
      by,
      ...(personId ? { personId } : {}),
      ...(moduleId ? { moduleId } : {}),
      attended,
    });
    return this.viewOf(entry);
  }

  /**
   * The schedule or venue of the event changed (its revision `eventRevision`): everyone confirmed
   * or waiting is to be told, once per revision however often the change is delivered.
   */
  tellEventChange(eventRevision: number, changed: readonly EventChangeAspect[]): void {
    if (eventRevision <= this.toldChangeRevision) return;
    this.toldChangeRevision = eventRevision;
    const registered = this.views().filter((view) => view.entry.status !== 'cancelled');
    if (registered.length > 0) this.facts.push({ type: 'event-changed', eventRevision, changed, registered });
  }

  /** Keeps the promises against the event's latest seats before anything else is decided. */
  private settle(plan: SeatPlan, now: Date): void {
    this.dropRemovedWorkshops(plan);
    this.fill(plan, 'capacity-raised', now);
  }

  private dropRemovedWorkshops(plan: SeatPlan): void {
    const offered = new Set(plan.workshops.map((workshop) => workshop.sessionId));
    for (const entry of this.entries) {
      const gone = entry.sessions.filter((choice) => !offered.has(choice.sessionId));
      if (gone.length === 0) continue;
      entry.sessions = entry.sessions.filter((choice) => offered.has(choice.sessionId));
      entry.revision++;
      if (entry.status === 'cancelled') continue;
      this.facts.push({
        type: 'sessions-changed',
        view: this.viewOf(entry),
        seats: this.seats(plan),
        cause: 'session-removed',
        changes: gone.map((choice) => ({ sessionId: choice.sessionId, from: choice.status })),
      });
    }
  }

  /**
   * Gives free seats to the waiting, in order: first each workshop's seats to those confirmed for
   * the event and waiting for that workshop, then the event's seats (whose workshop choices then
   * queue behind those already waiting for the workshop).
   */
  private fill(plan: SeatPlan, cause: PromotionCause, now: Date): void {
    const changes = new Map<Mutable<BookEntry>, SessionSeatChange[]>();
    for (const workshop of plan.workshops) {
      let free = workshop.capacity - this.workshopSeats(workshop.sessionId).confirmed;
      while (free > 0) {
        const next = this.firstWaitingFor(workshop.sessionId);
        if (!next) break;
        next.sessions = next.sessions.map((choice) =>
          choice.sessionId === workshop.sessionId
            ? { ...choice, status: 'confirmed', sequence: this.next() }
            : choice,
        );
        next.revision++;
        changes.set(next, [
          ...(changes.get(next) ?? []),
          { sessionId: workshop.sessionId, from: 'waiting', to: 'confirmed' },
        ]);
        free--;
      }
    }
    for (const [entry, sessionChanges] of changes) {
      this.facts.push({
        type: 'sessions-changed',
        view: this.viewOf(entry),
        seats: this.seats(plan),
        cause,
        changes: sessionChanges,
      });
    }

    while (this.confirmedCount() < plan.capacity) {
      const next = this.firstWaiting();
      if (!next) break;
      next.status = 'confirmed';
      next.sequence = this.next();
      next.confirmedAt = now;
      next.revision++;
      this.seatChoices(next, plan);
      this.facts.push({ type: 'promoted', view: this.viewOf(next), seats: this.seats(plan), cause });
    }
  }

  private cancelEntry(
    entry: Mutable<BookEntry>,
    cause: CancellationCause,
    now: Date,
    by: Actor | undefined,
    plan: SeatPlan,
  ): void {
    const previousStatus = entry.status as 'confirmed' | 'waiting';
    entry.status = 'cancelled';
    entry.sequence = this.next();
    entry.cancelledAt = now;
    entry.cancellation = { cause, ...(by ? { by } : {}) };
    // Workshop seats belong to confirmed registrations only; the choices go with the seat.
    entry.sessions = [];
    entry.revision++;
    this.facts.push({
      type: 'cancelled',
      view: this.viewOf(entry),
      seats: this.seats(plan),
      cause,
      previousStatus,
      ...(by ? { by } : {}),
    });
  }

  /** A newly confirmed registration's workshop choices: a seat where one is free, else the workshop's waiting list. */
  private seatChoices(entry: Mutable<BookEntry>, plan: SeatPlan): void {
    entry.sessions = entry.sessions.map((choice) => {
      if (choice.status !== 'pending') return choice;
      const workshop = plan.workshops.find((candidate) => candidate.sessionId === choice.sessionId);
      const free =
        workshop !== undefined && this.workshopSeats(workshop.sessionId).confirmed < workshop.capacity;
      return { sessionId: choice.sessionId, status: free ? 'confirmed' : 'waiting', sequence: this.next() };
    });
  }

  private entryOf(registrationId: string): Mutable<BookEntry> {
    const entry = this.entries.find((candidate) => candidate.registrationId === registrationId);
    if (!entry) throw new NotFoundError(RegistrationMessages.registrationNotFound);
    return entry;
  }

  private confirmedCount(): number {
    return this.entries.filter((entry) => entry.status === 'confirmed').length;
  }

  private firstWaiting(): Mutable<BookEntry> | undefined {
    return this.entries
      .filter((entry) => entry.status === 'waiting')
      .reduce<Mutable<BookEntry> | undefined>(
        (first, entry) => (!first || entry.sequence < first.sequence ? entry : first),
        undefined,
      );
  }

  private firstWaitingFor(sessionId: string): Mutable<BookEntry> | undefined {
    let first: { entry: Mutable<BookEntry>; sequence: number } | undefined;
    for (const entry of this.entries) {
      if (entry.status !== 'confirmed') continue;
      const choice = entry.sessions.find((candidate) => candidate.sessionId === sessionId);
      if (choice?.status === 'waiting' && (!first || choice.sequence < first.sequence)) {
        first = { entry, sequence: choice.sequence };
      }
    }
    return first?.entry;
  }

  private next(): number {
    this.sequence++;
    return this.sequence;
  }

  private viewOf(
    entry: BookEntry,
    waiting = this.placesOnWaitingList(),
    sessionPlaces = this.placesOnWorkshopLists(),
  ): RegistrationView {
    const places: Record<string, number> = {};
    for (const choice of entry.sessions) {
      const place = sessionPlaces.get(`${entry.registrationId}|${choice.sessionId}`);
      if (place !== undefined) places[choice.sessionId] = place;
    }
    const waitingPlace = waiting.get(entry.registrationId);
    return {
      eventId: this.eventId,
      entry: structuredClone(entry),
      ...(waitingPlace !== undefined ? { waitingPlace } : {}),
      sessionPlaces: places,
    };
  }

  /** Place on the waiting list (1 = next), by registration id: distinct and without gaps. */
  private placesOnWaitingList(): Map<string, number> {
    const waiting = this.entries
      .filter((entry) => entry.status === 'waiting')
      .sort((a, b) => a.sequence - b.sequence);
    return new Map(waiting.map((entry, index) => [entry.registrationId, index + 1]));
  }

  /** Place on each workshop's waiting list, by `<registration id>|<session id>`. */
  private placesOnWorkshopLists(): Map<string, number> {
    const bySession = new Map<string, { registrationId: string; sequence: number }[]>();
    for (const entry of this.entries) {
      if (entry.status !== 'confirmed') continue;
      for (const choice of entry.sessions) {
        if (choice.status !== 'waiting') continue;
        const list = bySession.get(choice.sessionId) ?? [];
        list.push({ registrationId: entry.registrationId, sequence: choice.sequence });
        bySession.set(choice.sessionId, list);
      }
    }
    const places = new Map<string, number>();
    for (const [sessionId, list] of bySession) {
      list
        .sort((a, b) => a.sequence - b.sequence)
        .forEach((item, index) => places.set(`${item.registrationId}|${sessionId}`, index + 1));
    }
    return places;
  }
}

/** The person with the module added to (or taken from) their modules; `attended` follows: any module. */
function markModule(person: StoredPerson, moduleId: string, attended: boolean): StoredPerson {
  const others = (person.attendedModules ?? []).filter((id) => id !== moduleId);
  const modules = attended ? [...others, moduleId] : others;
  return { ...person, attended: modules.length > 0, attendedModules: modules };
}

function sameModules(a: StoredPerson, b: StoredPerson): boolean {
  const before = new Set(b.attendedModules ?? []);
  const after = a.attendedModules ?? [];
  return after.length === before.size && after.every((id) => before.has(id));
}

function samePerson(a: StoredPerson, b: StoredPerson): boolean {
  return (
    a.salutation === b.salutation &&
    a.firstName === b.firstName &&
    a.lastName === b.lastName &&
    a.role === b.role &&
    a.email === b.email
  );
}

export function refusedBy(refusal: Refusal): RuleViolationError {
  return new RuleViolationError(refusal.detail, undefined, refusal.rule);
}
