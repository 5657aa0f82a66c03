import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { pendingEvents, type EventKind, type Granularity } from './figures';

/** The events and participation are chosen by kind and the period of their start (days, Berlin). */
export interface EventSelection {
  readonly kind?: EventKind;
  readonly from?: string;
  readonly to?: string;
}

export const analyticsKeys = {
  all: ['analytics'] as const,
  status: ['analytics', 'status'] as const,
  events: (selection: EventSelection) => ['analytics', 'events', selection] as const,
  event: (eventId: string, granularity: Granularity) => ['analytics', 'event', eventId, granularity] as const,
  participation: (selection: EventSelection, eventId: string | undefined) =>
    ['analytics', 'participation', selection, eventId] as const,
  membership: ['analytics', 'membership'] as const,
  workingGroups: ['analytics', 'working-groups'] as const,
};

/** While the figures lag behind what happened (or are being rebuilt), ask again every few seconds. */
const CATCHING_UP_POLL_MS = 3_000;

export function useAnalyticsStatus() {
  return useQuery({
    queryKey: analyticsKeys.status,
    queryFn: () => unwrap(api.GET('/api/v1/analytics/status')),
    refetchInterval: (query) =>
      query.state.data && (pendingEvents(query.state.data) > 0 || query.state.data.rebuild)
        ? CATCHING_UP_POLL_MS
        : false,
  });
}

export function useEventFigures(selection: EventSelection) {
  return useQuery({
    queryKey: analyticsKeys.events(selection),
    queryFn: () => unwrap(api.GET('/api/v1/analytics/events', { params: { query: selection } })),
    placeholderData: keepPreviousData,
  });
}

export function useEventTimeline(eventId: string | undefined, granularity: Granularity) {
  return useQuery({
    enabled: eventId !== undefined,
    queryKey: analyticsKeys.event(eventId ?? '', granularity),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/analytics/events/{eventId}', {
          params: { path: { eventId: eventId ?? '' }, query: { granularity } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useParticipation(selection: EventSelection, eventId: string | undefined) {
  return useQuery({
    queryKey: analyticsKeys.participation(selection, eventId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/analytics/participation', {
          params: { query: eventId ? { eventId } : selection },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useMembershipFigures() {
  return useQuery({
    queryKey: analyticsKeys.membership,
    queryFn: () => unwrap(api.GET('/api/v1/analytics/membership')),
  });
}

export function useWorkingGroupSizes() {
  return useQuery({
    queryKey: analyticsKeys.workingGroups,
    queryFn: () => unwrap(api.GET('/api/v1/analytics/working-groups')),
  });
}

/** The address of a CSV download with its query (the session cookie makes the plain link work). */
export function csvHref(path: string, query: Readonly<Record<string, string | undefined>> = {}): string {
  const params = new URLSearchParams(
    Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined),
  ).toString();
  return params ? `${path}?${params}` : path;
}
