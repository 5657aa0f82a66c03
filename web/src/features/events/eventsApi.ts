import { useInfiniteQuery, useQueries, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import { registrationKeys } from '../registrations/registrationApi';
import { apiQueryOf, type EventFilters, type When } from './eventFilters';
import type { EventSeats, EventSummary } from './eventTypes';

/** Cards per page of the list: four rows of three on a wide screen. */
export const EVENTS_PAGE_SIZE = 12;

export const eventKeys = {
  list: (when: When, filters: EventFilters) => ['events', 'list', when, filters] as const,
  detail: (eventId: string) => ['events', 'detail', eventId] as const,
};

/** The list page by page („Weitere anzeigen“ asks for the next cursor). */
export function useEventList(when: When, filters: EventFilters, enabled = true) {
  return useInfiniteQuery({
    enabled,
    queryKey: eventKeys.list(when, filters),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/events', {
          params: { query: apiQueryOf(when, filters, pageParam, EVENTS_PAGE_SIZE) },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useEvent(eventId: string) {
  return useQuery({
    queryKey: eventKeys.detail(eventId),
    queryFn: () => unwrap(api.GET('/api/v1/events/{eventId}', { params: { path: { eventId } } })),
  });
}

/**
 * Seats left of the listed events whose registration is open, to say „Ausgebucht – Warteliste“
 * where it is. Members and the office only; the same answers the registration panel reads. A
 * failed answer just leaves the words as they are without it.
 */
export function useSeatsOfOpenEvents(
  events: readonly EventSummary[],
  signedIn: boolean,
): ReadonlyMap<string, EventSeats> {
  const open = signedIn ? events.filter((event) => event.status === 'registration-open') : [];
  return useQueries({
    queries: open.map((event) => ({
      queryKey: registrationKeys.seats(event.eventId),
      queryFn: () =>
        unwrap(api.GET('/api/v1/events/{eventId}/seats', { params: { path: { eventId: event.eventId } } })),
      staleTime: 30_000,
      retry: false,
    })),
    combine: (results) =>
      new Map(
        results.flatMap((result, index) =>
          result.data && open[index] ? [[open[index].eventId, result.data] as const] : [],
        ),
      ),
  });
}
