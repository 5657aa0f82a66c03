import { SeatCounts } from '@ic/contracts';
import { SeatPlan } from './seat-plan';

/** One workshop's counters: confirmed choices (of confirmed registrations) and those waiting for it. */
export interface SessionCounters {
  readonly confirmed: number;
  readonly waiting: number;
}

/** An event's seat counters: what its registrations hold, and the last order number handed out. */
export interface SeatCounters {
  readonly confirmed: number;
  readonly waiting: number;
  readonly sequence: number;
  readonly sessions: Readonly<Record<string, SessionCounters>>;
}

export const NO_COUNTERS: SeatCounters = { confirmed: 0, waiting: 0, sequence: 0, sessions: {} };

/** A condition on one counter (`confirmed`, `waiting`, `sessions.<id>.confirmed` …); a missing counter is 0. */
export type SeatCondition =
  | { readonly path: string; readonly below: number }
  | { readonly path: string; readonly atLeast: number }
  | { readonly anyOf: readonly SeatCondition[] };

/** What a registration got: a seat or a place on the waiting list, and so for each workshop chosen. */
export interface SeatOutcome {
  readonly status: 'confirmed' | 'waiting';
  readonly sessions: Readonly<Record<string, 'confirmed' | 'waiting'>>;
}

/**
 * One change of an event's counters, decided on a snapshot of them: it is stored only while its
 * conditions still hold (one conditional update), so under any concurrency confirmed never exceeds
 * the capacity. Each claim also takes the next order number (`sequence`).
 */
export interface SeatClaim {
  readonly conditions: readonly SeatCondition[];
  readonly deltas: Readonly<Record<string, number>>;
  readonly outcome?: SeatOutcome;
}

const sessionPath = (sessionId: string, field: keyof SessionCounters) => `sessions.${sessionId}.${field}`;

export function valueAt(counters: SeatCounters, path: string): number {
  const [head, sessionId, field] = path.split('.');
  if (head === 'sessions') return counters.sessions[sessionId]?.[field as keyof SessionCounters] ?? 0;
  return counters[head as 'confirmed' | 'waiting' | 'sequence'] ?? 0;
}

export function holds(condition: SeatCondition, counters: SeatCounters): boolean {
  if ('anyOf' in condition) return condition.anyOf.some((each) => holds(each, counters));
  const value = valueAt(counters, condition.path);
  return 'below' in condition ? value < condition.below : value >= condition.atLeast;
}

/** The counters after the deltas (for the seat counts an event carries). */
export function applied(counters: SeatCounters, deltas: Readonly<Record<string, number>>): SeatCounters {
  const sessions: Record<string, SessionCounters> = { ...counters.sessions };
  let { confirmed, waiting, sequence } = counters;
  for (const [path, delta] of Object.entries(deltas)) {
    const [head, sessionId, field] = path.split('.');
    if (head === 'sessions') {
      const current = sessions[sessionId] ?? { confirmed: 0, waiting: 0 };
      sessions[sessionId] = { ...current, [field]: current[field as keyof SessionCounters] + delta };
    } else if (head === 'confirmed') confirmed += delta;
    else if (head === 'waiting') waiting += delta;
    else if (head === 'sequence') sequence += delta;
  }
  return { confirmed, waiting, sequence, sessions };
}

export function seatCountsOf(counters: SeatCounters, plan: SeatPlan): SeatCounts {
  return { capacity: plan.capacity, confirmed: counters.confirmed, waiting: counters.waiting };
}

/**
 * A newcomer (a new registration, or a workshop choice of a registration just confirmed) gets a
 * seat only while one is free and nobody waits for it; otherwise the last place in the line.
 */
function newcomer(
  confirmedPath: string,
  waitingPath: string,
  capacity: number,
  counters: SeatCounters,
): { seated: boolean; conditions: SeatCondition[]; deltas: Record<string, number> } {
  const seated = valueAt(counters, confirmedPath) < capacity && valueAt(counters, waitingPath) === 0;
  return seated
    ? {
        seated,
        conditions: [
          { path: confirmedPath, below: capacity },
          { path: waitingPath, below: 1 },
        ],
        deltas: { [confirmedPath]: 1 },
      }
    : {
        seated,
        conditions: [
          {
            anyOf: [
              { path: confirmedPath, atLeast: capacity },
              { path: waitingPath, atLeast: 1 },
            ],
          },
        ],
        deltas: { [waitingPath]: 1 },
      };
}

/** The workshop choices of a registration that gets its seat now: each a seat, or its workshop's line. */
function seatChoices(
  counters: SeatCounters,
  plan: SeatPlan,
  sessionIds: readonly string[],
): {
  conditions: SeatCondition[];
  deltas: Record<string, number>;
  sessions: Record<string, 'confirmed' | 'waiting'>;
} {
  const conditions: SeatCondition[] = [];
  const deltas: Record<string, number> = {};
  const sessions: Record<string, 'confirmed' | 'waiting'> = {};
  for (const sessionId of sessionIds) {
    const workshop = plan.workshops.find((candidate) => candidate.sessionId === sessionId);
    if (!workshop) continue;
    const choice = newcomer(
      sessionPath(sessionId, 'confirmed'),
      sessionPath(sessionId, 'waiting'),
      workshop.capacity,
      counters,
    );
    conditions.push(...choice.conditions);
    Object.assign(deltas, choice.deltas);
    sessions[sessionId] = choice.seated ? 'confirmed' : 'waiting';
  }
  return { conditions, deltas, sessions };
}

/** A new registration: a seat while one is free and nobody waits, else the next place on the waiting list. */
export function decideRegistration(
  counters: SeatCounters,
  plan: SeatPlan,
  sessionIds: readonly string[],
): SeatClaim {
  const seat = newcomer('confirmed', 'waiting', plan.capacity, counters);
  if (!seat.seated) {
    return {
      conditions: seat.conditions,
      deltas: { ...seat.deltas, sequence: 1 },
      outcome: { status: 'waiting', sessions: {} },
    };
  }
  const choices = seatChoices(counters, plan, sessionIds);
  return {
    conditions: [...seat.conditions, ...choices.conditions],
    deltas: { ...seat.deltas, ...choices.deltas, sequence: 1 },
    outcome: { status: 'confirmed', sessions: choices.sessions },
  };
}

/** The first on the waiting list gets a free seat (undefined: none is free); its workshop choices queue up. */
export function decidePromotion(
  counters: SeatCounters,
  plan: SeatPlan,
  sessionIds: readonly string[],
): SeatClaim | undefined {
  if (counters.confirmed >= plan.capacity) return undefined;
  const choices = seatChoices(counters, plan, sessionIds);
  return {
    conditions: [{ path: 'confirmed', below: plan.capacity }, ...choices.conditions],
    deltas: { confirmed: 1, waiting: -1, ...choices.deltas, sequence: 1 },
    outcome: { status: 'confirmed', sessions: choices.sessions },
  };
}

/** The first waiting for a workshop gets its free seat (undefined: none is free, or the workshop is gone). */
export function decideSessionPromotion(
  counters: SeatCounters,
  plan: SeatPlan,
  sessionId: string,
): SeatClaim | undefined {
  const workshop = plan.workshops.find((candidate) => candidate.sessionId === sessionId);
  const confirmedPath = sessionPath(sessionId, 'confirmed');
  if (!workshop || valueAt(counters, confirmedPath) >= workshop.capacity) return undefined;
  return {
    conditions: [{ path: confirmedPath, below: workshop.capacity }],
    deltas: { [confirmedPath]: 1, [sessionPath(sessionId, 'waiting')]: -1, sequence: 1 },
    outcome: { status: 'confirmed', sessions: { [sessionId]: 'confirmed' } },
  };
}

/** What a cancelled registration gives back: its seat or place, and its workshop seats and places. */
export function releaseOf(
  held: 'confirmed' | 'waiting',
  sessions: readonly { readonly sessionId: string; readonly status: string }[],
): SeatClaim {
  const deltas: Record<string, number> = { [held]: -1 };
  for (const choice of sessions) {
    if (choice.status === 'confirmed' || choice.status === 'waiting') {
      deltas[sessionPath(choice.sessionId, choice.status)] = -1;
    }
  }
  return { conditions: [], deltas };
}
