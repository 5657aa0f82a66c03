import { Actor } from '@ic/contracts';
import { Aggregate } from '@ic/platform';
import { KnownEvent } from '../replicas/known-event';
import { attendanceRefusal } from './eligibility.rules';
import { refusedBy, Registration, RegistrationFact, RegistrationView } from './registration';
import { withAttendance } from './registration-edits';
import { viewOf } from './registration-places';

/** A mark at the door: a person came (or the mark is taken back); per module for a Kommunalzirkel. */
export interface AttendanceMark {
  readonly personId?: string;
  readonly moduleId?: string;
  readonly attended: boolean;
}

/**
 * One registration's changes that need no seat counter (the check-in): decides each by the rules
 * and records the facts it causes (RegistrationFact), which carry the registration as it is right
 * after, with its places as loaded, since these changes move no place. Seats and waiting places are
 * the seat steps' (SeatSteps), decided on the event's counters.
 */
export class RegistrationAggregate extends Aggregate<Registration, RegistrationFact> {
  private constructor(private readonly loaded: RegistrationView) {
    super(loaded.entry);
  }

  /** The registration with its places on the waiting lists as read (RegistrationViews). */
  static of(view: RegistrationView): RegistrationAggregate {
    return new RegistrationAggregate(view);
  }

  /** The revision it was loaded at, which its write names. */
  get loadedRevision(): number {
    return this.loaded.entry.revision;
  }

  /** The registration as decided so far, with its places. */
  get view(): RegistrationView {
    const { waitingPlace, sessionPlaces } = this.loaded;
    return viewOf(this.state, { ...(waitingPlace !== undefined ? { waitingPlace } : {}), sessionPlaces });
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
}
