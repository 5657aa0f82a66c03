import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { components, paths } from '../../../api/openapi';
import { unwrap } from '../../../api/problem';

export type Delivery = components['schemas']['DeliveryResponse'];
export type DeliveryStatus = Delivery['status'];
export type MailKind = Delivery['kind'];
export type EventSummary = components['schemas']['EventSummaryResponse'];
/** The log's filters as the API takes them (without the paging). */
export type DeliveryFilters = Omit<
  NonNullable<paths['/api/v1/deliveries']['get']['parameters']['query']>,
  'cursor' | 'limit'
>;

export const DELIVERIES_PAGE_SIZE = 25;
const DELIVERIES_KEY = ['console', 'deliveries'] as const;

/** The delivery log, newest first, filtered, page by page („Weitere E-Mails anzeigen“). */
export function useDeliveries(filters: DeliveryFilters) {
  return useInfiniteQuery({
    queryKey: [...DELIVERIES_KEY, 'list', filters],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/deliveries', {
          params: {
            query: { ...filters, limit: DELIVERIES_PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** Sends a failed mail again; the log is read again afterwards (its state changes within seconds). */
export function useResendDelivery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) =>
      unwrap(api.POST('/api/v1/deliveries/{deliveryId}/resend', { params: { path: { deliveryId } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: DELIVERIES_KEY }),
  });
}

/** How many pages of 100 events the filter's choice reads at most: every event of a club this size. */
const EVENT_PAGES = 5;

/** The club's events, coming and past, drafts included (the office sees them), for the event filter. */
export function useEventChoices() {
  return useQuery({
    queryKey: [...DELIVERIES_KEY, 'events'],
    staleTime: 5 * 60 * 1000,
    queryFn: async () => {
      const events: EventSummary[] = [];
      for (const when of ['upcoming', 'past'] as const) {
        let cursor: string | undefined;
        for (let page = 0; page < EVENT_PAGES; page += 1) {
          const found = await unwrap(
            api.GET('/api/v1/events', {
              params: { query: { when, limit: 100, ...(cursor ? { cursor } : {}) } },
            }),
          );
          events.push(...found.items);
          if (!found.nextCursor) break;
          cursor = found.nextCursor;
        }
      }
      return events;
    },
  });
}
