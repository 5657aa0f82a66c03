import { useQueries, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { components } from '../../../api/openapi';
import { unwrap } from '../../../api/problem';

export type Invitation = components['schemas']['InvitationResponse'];
export type EventSummary = components['schemas']['EventSummaryResponse'];
export type EventSeats = components['schemas']['EventSeatsResponse'];
export type Delivery = components['schemas']['DeliveryResponse'];
export type FailedSignIns = components['schemas']['FailedSignInsResponse'];

const OVERVIEW_KEY = ['console', 'overview'] as const;
/** Pages of 100 read at most: every open invitation and coming event of a club this size. */
const MAX_PAGES = 10;
/** Failed mails shown here; the rest are in the delivery log. */
export const FAILED_MAILS_SHOWN = 5;

async function allPages<T>(
  read: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const found = await read(cursor);
    items.push(...found.items);
    if (!found.nextCursor) break;
    cursor = found.nextCursor;
  }
  return items;
}

/** Every open invitation. */
export function useOpenInvitations() {
  return useQuery({
    queryKey: [...OVERVIEW_KEY, 'open-invitations'],
    queryFn: () =>
      allPages((cursor) =>
        unwrap(
          api.GET('/api/v1/invitations', {
            params: { query: { status: 'open', limit: 100, ...(cursor ? { cursor } : {}) } },
          }),
        ),
      ),
  });
}

/** Every coming event, drafts included (the office sees them). */
export function useComingEvents() {
  return useQuery({
    queryKey: [...OVERVIEW_KEY, 'coming-events'],
    queryFn: () =>
      allPages((cursor) =>
        unwrap(
          api.GET('/api/v1/events', {
            params: { query: { when: 'upcoming', limit: 100, ...(cursor ? { cursor } : {}) } },
          }),
        ),
      ),
  });
}

/** The seats of each of these events (free, waiting). */
export function useSeatsOf(eventIds: readonly string[]) {
  return useQueries({
    queries: eventIds.map((eventId) => ({
      queryKey: [...OVERVIEW_KEY, 'seats', eventId],
      queryFn: () => unwrap(api.GET('/api/v1/events/{eventId}/seats', { params: { path: { eventId } } })),
    })),
  });
}

/** The newest failed mails (one more than shown: tells whether there are more). */
export function useFailedMails() {
  return useQuery({
    queryKey: [...OVERVIEW_KEY, 'failed-mails'],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/deliveries', { params: { query: { status: 'failed', limit: FAILED_MAILS_SHOWN } } }),
      ),
  });
}

/** The office's failed password sign-ins of the last 7 days, per address. */
export function useFailedSignIns() {
  return useQuery({
    queryKey: [...OVERVIEW_KEY, 'failed-sign-ins'],
    queryFn: () => unwrap(api.GET('/api/v1/auth/failed-sign-ins')),
  });
}
