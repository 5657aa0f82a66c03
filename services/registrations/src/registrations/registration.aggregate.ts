import { Actor, CancellationCause, ChangeDelegationRequest, PromotionCause, SeatCounts } from '@ic/contracts';
import { Aggregate, NotFoundError } from '@ic/platform';
import { KnownEvent } from '../replicas/known-event';
import { attendanceRefusal, delegationChangeRefusal, delegationRefusal } from './eligibility.rules';
import { refusedBy, Registration, RegistrationFact, RegistrationView, StoredPerson } from './registration';
import {
  cancelled,
  decided,
  promoted,
  sessionPromoted,
  withAttendance,
  withDelegation,
  withoutRemovedWorkshops,
} from './registration-edits';
import { LinesAhead, placesBehind, viewOf } from './registration-places';
import { RegistrationMessages } from './registration.messages';
import { SeatOutcome } from '../seats/seat-claims';

/** A mark at the door: a person came (or the mark is taken back); per module for a Kommunalzirkel. */
export interface AttendanceMark {
  readonly personId?: string;
  readonly moduleId?: string;
  readonly attended: boolean;
}

/** A delegation as a change names it: people who stay by their personId, new ones without. */
export type DelegationPeople = ChangeDelegationRequest['people'];

/**
 * What the seat steps counted for a seat or a place: the event's order number for the registration,
 * the seat counts right after, and how many wait ahead of it in each line it enters.
 */
export interface CountedSeat {
  readonly sequence: number;
  readonly seats: SeatCounts;
  readonly ahead: LinesAhead;
}

/**
 * One registration: decides its changes by the rules (its seat or place, a promotion, the check-in,
 * the delegation, workshops gone from the agenda, its cancellation) and records the facts they cause
 * (RegistrationFact), which carry the registration as it is right after, with its places (as
 * loaded where it still holds them, behind those ahead where it enters a line anew) and, where its
 * event has them, the seat counts. What a seat or a place needs is counted first on the event's
 * counters by the seat steps (SeatSteps), which hand the aggregate the outcome, the counts and the
 * order number they got.
 */
export class RegistrationAggregate extends Aggregate<Registration, RegistrationFact> {
  /** Its places on the waiting lists: as loaded, until it enters lines anew (a seat or a place counted). */
  private places: Pick<RegistrationView, 'waitingPlace' | 'sessionPlaces'>;

  private constructor(private readonly loaded: RegistrationView) {
    super(loaded.entry);
    this.places = loaded;
  }

  /** The registration with its places on the waiting lists as read (RegistrationViews). */
  static of(view: RegistrationView): RegistrationAggregate {
    return new RegistrationAggregate(view);
  }

  /** The revision it was loaded at, which its write names. */
  get loadedRevision(): number {
    return this.loaded.entry.revision;
  }

  /**
   * The registration as decided so far, with its places where it still holds them: on the waiting
   * list while waiting, in the workshops it still waits for while confirmed.
   */
  get view(): RegistrationView {
    const { status, sessions } = this.state;
    const { waitingPlace } = this.places;
    const waitingFor = new Set(
      status === 'confirmed'
        ? sessions.filter((choice) => choice.status === 'waiting').map((choice) => choice.sessionId)
        : [],
    );
    const sessionPlaces = Object.fromEntries(
      Object.entries(this.places.sessionPlaces).filter(([sessionId]) => waitingFor.has(sessionId)),
    );
    return viewOf(this.state, {
      ...(status === 'waiting' && waitingPlace !== undefined ? { waitingPlace } : {}),
      sessionPlaces,
    });
  }

  /**
   * The check-in: the office marks that a person came, or takes the mark back, only on the event's
   * (the module's) days and only for a confirmed registration; the same mark again changes nothing.
   */
  recordAttendance(event: KnownEvent, mark: AttendanceMark, by: Actor, now: Date): void {
    const refusal = attendanceRefusal(event, mark.moduleId, now);
    if (refusal) throw refusedBy(refusal);
    const next = withAttendance(this.state, mark);
    if (!next) return;
    this.change(next);
    const { personId, moduleId, attended } = mark;
    this.recordFact({
      type: 'attendance-recorded',
      view: this.view,
      by,
      ...(personId ? { personId } : {}),
      ...(moduleId ? { moduleId } : {}),
      attended,
    });
  }

  /**
   * Replaces a municipality's delegation: people named with their personId stay (their details may
   * change, their marks at the door stay), others are new (with `newIds`, by position), those left
   * out leave. Within the event's limit; by the registrant until registration closes, by the office
   * at any time before the event is held. The same delegation again changes nothing.
   */
  changeDelegation(
    event: KnownEvent,
    people: DelegationPeople,
    newIds: readonly string[],
    seats: SeatCounts,
    by: Actor,
    now: Date,
  ): void {
    const refusal =
      delegationChangeRefusal(event, by, now) ??
      delegationRefusal(
        event,
        people.map((person) => person.email),
      );
    if (refusal) throw refusedBy(refusal);
    const staying = new Set((this.state.delegation ?? []).map((person) => person.personId));
    const stored = people.map((person, index): StoredPerson => {
      if (person.personId && !staying.has(person.personId)) {
        throw new NotFoundError(RegistrationMessages.personNotFound);
      }
      return {
        personId: person.personId ?? newIds[index],
        salutation: person.salutation ?? 'keine',
        firstName: person.firstName,
        lastName: person.lastName,
        role: person.role,
        email: person.email,
      };
    });
    const changed = withDelegation(this.state, stored);
    if (!changed) return;
    this.change(changed.next);
    this.recordFact({
      type: 'delegation-changed',
      view: this.view,
      seats,
      by,
      added: changed.added,
      changed: changed.changed,
      removed: changed.removed,
    });
  }

  /**
   * The choices of workshops that left the agenda (`offered`: the workshops it has now) are dropped,
   * with RegistrationSessionsChanged; a cancelled registration's without an event.
   */
  dropRemovedWorkshops(offered: ReadonlySet<string>, seats: SeatCounts): void {
    const dropped = withoutRemovedWorkshops(this.state, offered);
    if (!dropped) return;
    this.change(dropped.next);
    if (this.state.status === 'cancelled') return;
    this.recordFact({
      type: 'sessions-changed',
      view: this.view,
      seats,
      cause: 'session-removed',
      changes: dropped.changes,
    });
  }

  /**
   * Cancelled (`cause`, `by` whom), as order number `sequence` of the event: its seat or place and
   * its workshop seats go with it, given back by the step its write names; `seats` are the counts
   * once they are given back. A cancelled registration stays as it is.
   */
  cancel(
    cause: CancellationCause,
    by: Actor | undefined,
    sequence: number,
    seats: SeatCounts,
    at: Date,
  ): void {
    const previousStatus = this.state.status;
    if (previousStatus === 'cancelled') return;
    this.change(cancelled(this.state, cause, by, sequence, at));
    this.recordFact({
      type: 'cancelled',
      view: this.view,
      seats,
      cause,
      previousStatus,
      ...(by ? { by } : {}),
    });
  }

  /**
   * Registering (or taken up again after a cancellation): the seat or the place the counters gave it
   * (`outcome`), and so for each workshop chosen; RegistrationConfirmed or RegistrationWaitlisted.
   */
  takeSeat(outcome: SeatOutcome, counted: CountedSeat, now: Date): void {
    this.enter(decided(this.state, outcome, counted.sequence, now), counted.ahead);
    const { status, registeredBy } = this.state;
    this.recordFact({
      type: status === 'confirmed' ? 'confirmed' : 'waitlisted',
      view: this.view,
      seats: counted.seats,
      by: registeredBy,
    });
  }

  /** The first on the waiting list got the seat counted for it, and its workshop choices seats or places. */
  promote(outcome: SeatOutcome, counted: CountedSeat, cause: PromotionCause, now: Date): void {
    this.enter(promoted(this.state, outcome, counted.sequence, now), counted.ahead);
    this.recordFact({ type: 'promoted', view: this.view, seats: counted.seats, cause });
  }

  /**
   * A choice waiting for its workshop got the seat counted for it (order number `sequence`); the
   * other workshops keep their places as loaded. RegistrationSessionsChanged.
   */
  promoteInWorkshop(sessionId: string, sequence: number, seats: SeatCounts, cause: PromotionCause): void {
    const { next, changes } = sessionPromoted(this.state, sessionId, sequence);
    this.change(next);
    this.recordFact({ type: 'sessions-changed', view: this.view, seats, cause, changes });
  }

  /** A new seat or place puts it last in each line it enters: behind those counted before it. */
  private enter(next: Registration, ahead: LinesAhead): void {
    this.change(next);
    this.places = placesBehind(next, ahead);
  }
}
