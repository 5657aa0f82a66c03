import { texts } from '../../texts';
import type { EventKind, EventListQuery, FederalState, Theme } from './eventTypes';

/**
 * The list's filters live in the address (`/veranstaltungen?art=kommunalzirkel&land=BY`), so that
 * a filtered list can be bookmarked and sent, and the back button returns to the previous filters.
 * German parameter names; a value the portal does not know is ignored rather than sent.
 */
export type When = 'upcoming' | 'past';

export interface EventFilters {
  readonly kind?: EventKind;
  readonly theme?: Theme;
  readonly federalState?: FederalState;
  /** Calendar days `YYYY-MM-DD` (Berlin). */
  readonly from?: string;
  readonly to?: string;
}

export const PARAMS = {
  when: 'zeit',
  kind: 'art',
  theme: 'thema',
  federalState: 'land',
  from: 'von',
  to: 'bis',
} as const;
const PAST = 'vergangen';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function oneOf<T extends string>(value: string | null, allowed: Record<T, unknown>): T | undefined {
  return value !== null && Object.hasOwn(allowed, value) ? (value as T) : undefined;
}

/** A real calendar day (not 2027-02-30). */
export function isDay(value: string | null | undefined): value is string {
  if (!value || !DAY.test(value)) return false;
  const date = new Date(`${value}T12:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** „1.6.2027“ or „01.06.2027“ (as a person types it), or `2027-06-01`, as `2027-06-01`; undefined if no real day. */
export function parseDay(input: string): string | undefined {
  const text = input.trim();
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const day = german ? `${german[3]}-${german[2].padStart(2, '0')}-${german[1].padStart(2, '0')}` : text;
  return isDay(day) ? day : undefined;
}

/** `2027-06-01` as „01.06.2027“. */
export function germanDay(day: string): string {
  const [year, month, date] = day.split('-');
  return `${date}.${month}.${year}`;
}

export function readWhen(params: URLSearchParams): When {
  return params.get(PARAMS.when) === PAST ? 'past' : 'upcoming';
}

export function readFilters(params: URLSearchParams): EventFilters {
  const from = params.get(PARAMS.from);
  const to = params.get(PARAMS.to);
  const filters: {
    kind?: EventKind;
    theme?: Theme;
    federalState?: FederalState;
    from?: string;
    to?: string;
  } = {
    kind: oneOf<EventKind>(params.get(PARAMS.kind), texts.events.kinds),
    theme: oneOf<Theme>(params.get(PARAMS.theme), texts.events.themes),
    federalState: oneOf<FederalState>(params.get(PARAMS.federalState), texts.events.federalStates),
    from: isDay(from) ? from : undefined,
    to: isDay(to) ? to : undefined,
  };
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined));
}

export function activeFilterCount(filters: EventFilters): number {
  return Object.values(filters).filter((value) => value !== undefined).length;
}

/** The address of a list: which list and its filters, in a fixed order. */
export function searchOf(when: When, filters: EventFilters): string {
  const params = new URLSearchParams();
  if (when === 'past') params.set(PARAMS.when, PAST);
  for (const key of ['kind', 'theme', 'federalState', 'from', 'to'] as const) {
    const value = filters[key];
    if (value) params.set(PARAMS[key], value);
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}

/** The query of GET /api/v1/events for one page of the list. */
export function apiQueryOf(
  when: When,
  filters: EventFilters,
  cursor: string | undefined,
  limit: number,
): EventListQuery {
  return { when, ...filters, limit, ...(cursor ? { cursor } : {}) };
}
