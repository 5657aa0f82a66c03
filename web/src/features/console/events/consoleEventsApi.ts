import { useInfiniteQuery, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import type { EventSummary } from '../../events/eventTypes';
import type { ConsoleEventFilters } from './consoleEventFilters';
import type { RegistrationStats } from './consoleEventTypes';

/** Rows per page of the office's list. */
export const CONSOLE_EVENTS_PAGE_SIZE = 20;

export const consoleEventKeys = {
  all: ['console', 'events'] as const,
  list: (filters: ConsoleEventFilters) => ['console', 'events', 'list', filters] as const,
  detail: (eventId: string) => ['console', 'events', 'detail', eventId] as const,
  stats: (eventId: string) => ['console', 'events', 'stats', eventId] as const,
  audience: (eventId: string) => ['console', 'events', 'audience', eventId] as const,
};

/** All events the office sees (drafts and cancelled ones too), page by page. */
export function useConsoleEventList(filters: ConsoleEventFilters) {
  return useInfiniteQuery({
    queryKey: consoleEventKeys.list(filters),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/events', {
          params: {
            query: {
              when: filters.when,
              ...(filters.kind ? { kind: filters.kind } : {}),
              ...(filters.status ? { status: filters.status } : {}),
              ...(filters.from ? { from: filters.from } : {}),
              ...(filters.to ? { to: filters.to } : {}),
              limit: CONSOLE_EVENTS_PAGE_SIZE,
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

function fetchStats(eventId: string) {
  return unwrap(api.GET('/api/v1/events/{eventId}/registration-stats', { params: { path: { eventId } } }));
}

/** The figures of each listed event (registered, capacity, waiting list), asked for row by row. */
export function useStatsOfEvents(events: readonly EventSummary[]) {
  return useQueries({
    queries: events.map((event) => ({
      queryKey: consoleEventKeys.stats(event.eventId),
      queryFn: () => fetchStats(event.eventId),
      staleTime: 30_000,
      retry: false,
      // Nobody registers for a draft (the registrations service does not know it yet).
      enabled: event.status !== 'draft',
    })),
    combine: (results) =>
      new Map(
        results.flatMap((result, index) => {
          const event = events[index];
          if (!event) return [];
          const state: StatsState =
            event.status === 'draft'
              ? { kind: 'draft' }
              : result.data
                ? { kind: 'ready', stats: result.data }
                : result.isError
                  ? { kind: 'failed' }
                  : { kind: 'loading' };
          return [[event.eventId, state] as const];
        }),
      ),
  });
}

export type StatsState =
  | { readonly kind: 'ready'; readonly stats: RegistrationStats }
  | { readonly kind: 'draft' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed' };

export function useConsoleEvent(eventId: string) {
  return useQuery({
    queryKey: consoleEventKeys.detail(eventId),
    queryFn: () => unwrap(api.GET('/api/v1/events/{eventId}', { params: { path: { eventId } } })),
  });
}

export function useRegistrationStats(eventId: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: consoleEventKeys.stats(eventId),
    queryFn: () => fetchStats(eventId),
    retry: false,
  });
}

/** Whom the announcement and the opening of registration would tell, counted now. */
export function useEventAudience(eventId: string, enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: consoleEventKeys.audience(eventId),
    queryFn: () => unwrap(api.GET('/api/v1/events/{eventId}/audience', { params: { path: { eventId } } })),
    retry: false,
    staleTime: 0,
  });
}

export type LifecycleAction =
  'announce' | 'open-registration' | 'close-registration' | 'mark-held' | 'cancel';

function send(eventId: string, action: LifecycleAction, reason: string) {
  const path = { params: { path: { eventId } } };
  switch (action) {
    case 'announce':
      return unwrap(api.POST('/api/v1/events/{eventId}/announce', path));
    case 'open-registration':
      return unwrap(api.POST('/api/v1/events/{eventId}/open-registration', path));
    case 'close-registration':
      return unwrap(api.POST('/api/v1/events/{eventId}/close-registration', path));
    case 'mark-held':
      return unwrap(api.POST('/api/v1/events/{eventId}/mark-held', path));
    case 'cancel':
      return unwrap(api.POST('/api/v1/events/{eventId}/cancel', { ...path, body: { reason } }));
  }
}

/** One step of the event's lifecycle; the page shows the event as the answer gives it. */
export function useLifecycleAction(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, reason = '' }: { action: LifecycleAction; reason?: string }) =>
      send(eventId, action, reason),
    onSuccess: (event) => {
      queryClient.setQueryData(consoleEventKeys.detail(eventId), event);
      // The answer is the event as it is now; the list, the figures and the portal's pages follow.
      void queryClient.invalidateQueries({ queryKey: [...consoleEventKeys.all, 'list'] });
      void queryClient.invalidateQueries({ queryKey: consoleEventKeys.stats(eventId) });
      void queryClient.invalidateQueries({ queryKey: consoleEventKeys.audience(eventId) });
      void queryClient.invalidateQueries({ queryKey: ['events'] });
    },
  });
}

export function useUploadDocument(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, title, kind }: { file: File; title: string; kind: 'programme' | 'other' }) => {
      const form = new FormData();
      form.append('title', title);
      form.append('kind', kind);
      form.append('file', file, file.name);
      return unwrap(
        api.POST('/api/v1/events/{eventId}/documents', {
          params: { path: { eventId } },
          // The generated type names the binary field a string; the form below carries the file itself.
          body: { title, kind, file: file.name },
          bodySerializer: () => form,
        }),
      );
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: consoleEventKeys.detail(eventId) }),
  });
}

export function useRemoveDocument(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (documentId: string) =>
      unwrap(
        api.DELETE('/api/v1/events/{eventId}/documents/{documentId}', {
          params: { path: { eventId, documentId } },
        }),
      ),
    onSuccess: (event) => queryClient.setQueryData(consoleEventKeys.detail(eventId), event),
  });
}
