import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { components, paths } from '../../../api/openapi';
import { unwrap } from '../../../api/problem';

export type ConsoleEvent = components['schemas']['EventResponse'];
export type Registration = components['schemas']['RegistrationResponse'];
export type RegistrationStats = components['schemas']['RegistrationStatsResponse'];
export type EventSeats = components['schemas']['EventSeatsResponse'];
/** The list's filters as the API takes them (without the paging); the CSV takes the same. */
export type ParticipantFilters = Omit<
  NonNullable<paths['/api/v1/events/{eventId}/participants']['get']['parameters']['query']>,
  'cursor' | 'limit'
>;

export const PARTICIPANTS_PAGE_SIZE = 50;
/** The largest page the registrations service answers (the print page reads everyone). */
const LARGEST_PAGE = 100;

/** The event as the office sees it (drafts too). */
export function useConsoleEvent(eventId: string) {
  return useQuery({
    queryKey: ['console', 'events', eventId],
    queryFn: () => unwrap(api.GET('/api/v1/events/{eventId}', { params: { path: { eventId } } })),
  });
}

/** The participant list, page by page: confirmed, then the waiting list in its order, then the cancelled. */
export function useParticipants(eventId: string, filters: ParticipantFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: ['console', 'participants', eventId, filters],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/events/{eventId}/participants', {
          params: {
            path: { eventId },
            query: { ...filters, limit: PARTICIPANTS_PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled,
  });
}

/** Everyone matching the filters at once, page after page (the door list and the badges). */
export function useAllParticipants(eventId: string, filters: ParticipantFilters, enabled = true) {
  return useQuery({
    queryKey: ['console', 'participants', eventId, 'all', filters],
    queryFn: async () => {
      const items: Registration[] = [];
      let cursor: string | undefined;
      do {
        const page = await unwrap(
          api.GET('/api/v1/events/{eventId}/participants', {
            params: {
              path: { eventId },
              query: { ...filters, limit: LARGEST_PAGE, ...(cursor ? { cursor } : {}) },
            },
          }),
        );
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return items;
    },
    enabled,
  });
}

/** The event's figures: confirmed, waiting, cancelled, people, interest, attendance, per workshop. */
export function useRegistrationStats(eventId: string, enabled = true) {
  return useQuery({
    queryKey: ['console', 'registration-stats', eventId],
    queryFn: () =>
      unwrap(api.GET('/api/v1/events/{eventId}/registration-stats', { params: { path: { eventId } } })),
    enabled,
  });
}

/** Seats left in the event and in each workshop. */
export function useSeats(eventId: string, enabled = true) {
  return useQuery({
    queryKey: ['console', 'seats', eventId],
    queryFn: () => unwrap(api.GET('/api/v1/events/{eventId}/seats', { params: { path: { eventId } } })),
    enabled,
  });
}

/** The address of the CSV download with the list's filters (a GET with the session cookie). */
export function participantsCsvHref(eventId: string, filters: ParticipantFilters): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== '') query.set(key, String(value));
  }
  const search = query.toString();
  return `/api/v1/events/${encodeURIComponent(eventId)}/participants.csv${search ? `?${search}` : ''}`;
}
