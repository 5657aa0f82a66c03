import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { components } from '../../../api/openapi';
import { ApiProblem, problemOf, unwrap } from '../../../api/problem';
import type { AttendanceMark } from './attendanceQueue';

export type CheckInEvent = components['schemas']['EventResponse'];
export type CircleModule = components['schemas']['CircleModuleResponse'];
export type Registration = components['schemas']['RegistrationResponse'];

/** The largest page the registrations service answers. */
const LARGEST_PAGE = 100;
/** Other phones at the door tick too: the list is read again this often. */
const REFRESH_MS = 30_000;

export const checkInKeys = {
  event: (eventId: string) => ['console', 'check-in', eventId, 'event'] as const,
  registrations: (eventId: string) => ['console', 'check-in', eventId, 'registrations'] as const,
};

export function useCheckInEvent(eventId: string) {
  return useQuery({
    queryKey: checkInKeys.event(eventId),
    queryFn: () => unwrap(api.GET('/api/v1/events/{eventId}', { params: { path: { eventId } } })),
  });
}

/** Everyone confirmed, page after page: the door searches the whole list on the phone. */
export function useConfirmedRegistrations(eventId: string) {
  return useQuery({
    queryKey: checkInKeys.registrations(eventId),
    queryFn: async () => {
      const items: Registration[] = [];
      let cursor: string | undefined;
      do {
        const page = await unwrap(
          api.GET('/api/v1/events/{eventId}/participants', {
            params: {
              path: { eventId },
              query: { status: 'confirmed', limit: LARGEST_PAGE, ...(cursor ? { cursor } : {}) },
            },
          }),
        );
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return items;
    },
    refetchInterval: REFRESH_MS,
  });
}

/** What became of one mark sent to the server. */
export type SendOutcome =
  | { readonly kind: 'sent'; readonly registration: Registration }
  /** No answer, or one that says to try later: the mark stays in the queue. */
  | { readonly kind: 'unreachable' }
  /** The session has ended: the mark stays until the office signs in again. */
  | { readonly kind: 'signed-out' }
  /** The server refused the mark for good (its reason in words): it leaves the queue. */
  | { readonly kind: 'refused'; readonly problem: ApiProblem };

const TRY_AGAIN = new Set([408, 409, 425, 429]);

export async function sendMark(mark: AttendanceMark): Promise<SendOutcome> {
  try {
    const result = await api.POST('/api/v1/registrations/{registrationId}/attendance', {
      params: {
        path: { registrationId: mark.registrationId },
        header: { 'Idempotency-Key': mark.idempotencyKey },
      },
      body: {
        attended: mark.attended,
        ...(mark.personId ? { personId: mark.personId } : {}),
        ...(mark.moduleId ? { moduleId: mark.moduleId } : {}),
      },
    });
    if (result.response.ok && result.data) return { kind: 'sent', registration: result.data };
    const status = result.response.status;
    if (TRY_AGAIN.has(status) || status >= 500) return { kind: 'unreachable' };
    if (status === 401 || status === 403) return { kind: 'signed-out' };
    return { kind: 'refused', problem: problemOf(result.error, result.response) };
  } catch {
    return { kind: 'unreachable' };
  }
}
