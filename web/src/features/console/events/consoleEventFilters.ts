import { texts } from '../../../texts';
import { isDay } from '../../events/eventFilters';
import type { EventKind } from '../../events/eventTypes';
import type { EventStatus } from './consoleEventTypes';

/**
 * The office's list filters live in the address with German names and values
 * (`?art=kommunalzirkel&stand=entwurf&zeit=vergangen&von=2027-01-01`), so that a filtered list can
 * be bookmarked and the back button returns to it. Unknown values are ignored, not sent.
 */
export interface ConsoleEventFilters {
  readonly when: 'upcoming' | 'past';
  readonly kind?: EventKind;
  readonly status?: EventStatus;
  /** Calendar days `YYYY-MM-DD` (Berlin). */
  readonly from?: string;
  readonly to?: string;
}

export const PARAMS = { kind: 'art', status: 'stand', when: 'zeit', from: 'von', to: 'bis' } as const;
const PAST = 'vergangen';

/** The states in the address, in German. */
export const STATUS_PARAM: Readonly<Record<EventStatus, string>> = {
  draft: 'entwurf',
  announced: 'angekuendigt',
  'registration-open': 'anmeldung-offen',
  'registration-closed': 'anmeldung-geschlossen',
  held: 'stattgefunden',
  cancelled: 'abgesagt',
};

export const STATUSES = Object.keys(STATUS_PARAM) as EventStatus[];
export const KINDS = Object.keys(texts.events.kinds) as EventKind[];

export function readConsoleFilters(params: URLSearchParams): ConsoleEventFilters {
  const kind = params.get(PARAMS.kind);
  const status = STATUSES.find((value) => STATUS_PARAM[value] === params.get(PARAMS.status));
  const from = params.get(PARAMS.from);
  const to = params.get(PARAMS.to);
  return {
    when: params.get(PARAMS.when) === PAST ? 'past' : 'upcoming',
    ...(kind && (KINDS as string[]).includes(kind) ? { kind: kind as EventKind } : {}),
    ...(status ? { status } : {}),
    ...(isDay(from) ? { from } : {}),
    ...(isDay(to) ? { to } : {}),
  };
}

/** The address of a filtered list, parameters in a fixed order. */
export function consoleSearchOf(filters: ConsoleEventFilters): string {
  const params = new URLSearchParams();
  if (filters.kind) params.set(PARAMS.kind, filters.kind);
  if (filters.status) params.set(PARAMS.status, STATUS_PARAM[filters.status]);
  if (filters.when === 'past') params.set(PARAMS.when, PAST);
  if (filters.from) params.set(PARAMS.from, filters.from);
  if (filters.to) params.set(PARAMS.to, filters.to);
  const search = params.toString();
  return search ? `?${search}` : '';
}

export function hasFilters(filters: ConsoleEventFilters): boolean {
  return Boolean(filters.kind || filters.status || filters.from || filters.to || filters.when === 'past');
}
