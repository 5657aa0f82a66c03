import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { components } from '../../../api/openapi';
import { unwrap } from '../../../api/problem';

export type DeadLetter = components['schemas']['DeadLetterResponse'];
export type DeadLetterState = DeadLetter['state'];
export type DeadLetterTopic = DeadLetter['topic'];
export type DeadLetterFigures = components['schemas']['DeadLetterFiguresResponse'];

export const DEAD_LETTERS_PAGE_SIZE = 20;
const OPERATIONS_KEY = ['console', 'operations'] as const;

/** The open dead letters per topic (also on the overview). */
export function useDeadLetterFigures(enabled = true) {
  return useQuery({
    queryKey: [...OPERATIONS_KEY, 'figures'],
    enabled,
    queryFn: () => unwrap(api.GET('/api/v1/dead-letters/figures')),
  });
}

/** „Neu laden“: the list and the figures read again, so that they agree. */
export function useReloadDeadLetters() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: OPERATIONS_KEY });
}

/** The dead letters of one state (and topic), newest first, page by page. */
export function useDeadLetters(state: DeadLetterState, topic: DeadLetterTopic | undefined) {
  return useInfiniteQuery({
    queryKey: [...OPERATIONS_KEY, 'list', state, topic],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/dead-letters', {
          params: {
            query: {
              state,
              ...(topic ? { topic } : {}),
              limit: DEAD_LETTERS_PAGE_SIZE,
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/**
 * A write with its own Idempotency-Key, kept for the dialog's lifetime: a retry of the same click
 * (a lost answer) acts once; a second operator's click gets the 409 in words.
 */
export function idempotencyKey(): string {
  return `betrieb-${crypto.randomUUID()}`;
}

export function useRedeliverDeadLetter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ deadLetterId, key }: { deadLetterId: string; key: string }) =>
      unwrap(
        api.POST('/api/v1/dead-letters/{deadLetterId}/redeliver', {
          params: { path: { deadLetterId }, header: { 'Idempotency-Key': key } },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: OPERATIONS_KEY }),
  });
}

export function useRedeliverAll() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ topic, key }: { topic: DeadLetterTopic | undefined; key: string }) =>
      unwrap(
        api.POST('/api/v1/dead-letters/redeliver-all', {
          params: { header: { 'Idempotency-Key': key } },
          body: topic ? { topic } : {},
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: OPERATIONS_KEY }),
  });
}

export function useDiscardDeadLetter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ deadLetterId, note, key }: { deadLetterId: string; note: string; key: string }) =>
      unwrap(
        api.POST('/api/v1/dead-letters/{deadLetterId}/discard', {
          params: { path: { deadLetterId }, header: { 'Idempotency-Key': key } },
          body: { note },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: OPERATIONS_KEY }),
  });
}
