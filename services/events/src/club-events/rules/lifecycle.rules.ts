import { CancellableStatuses, EventStatus } from '@ic/contracts';
import { ConflictError, RuleViolationError } from '@ic/platform';
import { ClubEventState, hasEnded, hasOpenEnd } from '../club-event';
import { ActionNames, EventMessages } from '../club-event.messages';

/** What the office does to an event's lifecycle (changing its plan is UpdateEventUseCase's). */
export type StaffAction = keyof typeof ActionNames;

/** The status each action leads to, and the statuses it may start from. */
export const StaffActions = {
  announce: { to: 'announced', from: ['draft'] },
  'open-registration': { to: 'registration-open', from: ['announced'] },
  'close-registration': { to: 'registration-closed', from: ['registration-open'] },
  'mark-held': { to: 'held', from: ['registration-closed', 'registration-open'] },
  cancel: { to: 'cancelled', from: CancellableStatuses },
} as const satisfies Readonly<Record<StaffAction, { to: EventStatus; from: readonly EventStatus[] }>>;
type StartOf<Action extends StaffAction> = (typeof StaffActions)[Action]['from'][number];

/**
 * Refuses an action the event's status does not allow (409), or whose time has not come or has
 * passed (422): announcing an event that has ended, marking one held before its end. Returns the
 * status the action starts from (EventCancelled states it).
 */
export function assertActionAllowed<Action extends StaffAction>(
  event: ClubEventState,
  action: Action,
  now: Date,
): StartOf<Action> {
  const from: readonly StartOf<Action>[] = StaffActions[action].from;
  const status = event.status;
  if (!isOneOf(from, status)) {
    throw new ConflictError(EventMessages.transitionRefused(ActionNames[action], status, from));
  }
  if (action === 'announce' && event.endsAt && hasEnded(event, now)) {
    throw new RuleViolationError(EventMessages.alreadyEnded(event.endsAt));
  }
  if (action === 'mark-held') {
    if (hasOpenEnd(event)) throw new RuleViolationError(EventMessages.moduleWithoutDate);
    if (event.endsAt && !hasEnded(event, now))
      throw new RuleViolationError(EventMessages.notEndedYet(event.endsAt));
  }
  return status;
}

function isOneOf<Value extends string>(values: readonly Value[], value: string): value is Value {
  return values.some((candidate) => candidate === value);
}

/** Held and cancelled events are history: their plan cannot change any more (409). */
export function assertPlanChangeable(event: ClubEventState): void {
  if (event.status === 'held' || event.status === 'cancelled') {
    throw new ConflictError(EventMessages.notChangeable(event.status));
  }
}

/** A transition the platform makes by itself when its time comes. */
export interface ScheduledTransition {
  readonly action: Extract<StaffAction, 'open-registration' | 'close-registration' | 'mark-held'>;
  readonly at: Date;
}

/**
 * The next transition the scheduler will make, if any: announced events open registration at
 * the window's opening, open registration closes at its closing, and a closed one is held at the
 * event's end (a series with a module still undated is not). One step at a time, so that an event
 * that missed several (the service was down) goes through each with its own event.
 */
export function scheduledTransition(event: ClubEventState): ScheduledTransition | undefined {
  switch (event.status) {
    case 'announced':
      return { action: 'open-registration', at: event.registration.opensAt };
    case 'registration-open':
      return { action: 'close-registration', at: event.registration.closesAt };
    case 'registration-closed':
      return event.endsAt && !hasOpenEnd(event) ? { action: 'mark-held', at: event.endsAt } : undefined;
    default:
      return undefined;
  }
}

/** The scheduled transition whose time has come at `now`. */
export function dueTransition(event: ClubEventState, now: Date): ScheduledTransition | undefined {
  const next = scheduledTransition(event);
  return next && next.at.getTime() <= now.getTime() ? next : undefined;
}
