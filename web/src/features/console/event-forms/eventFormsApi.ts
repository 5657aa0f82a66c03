import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import type { EventDetail, EventRequest } from './eventDraft';

/** The event to change, as the office sees it (drafts included). */
export function useEventToEdit(eventId: string) {
  return useQuery({
    queryKey: ['console', 'event-forms', eventId],
    queryFn: () => unwrap(api.GET('/api/v1/events/{eventId}', { params: { path: { eventId } } })),
    // The form keeps what the office types: the event is read once when the page opens.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

function create(request: EventRequest): Promise<EventDetail> {
  switch (request.kind) {
    case 'deutschlandforum':
      return unwrap(api.POST('/api/v1/events/forums', { body: request.body }));
    case 'innovators-lounge':
      return unwrap(api.POST('/api/v1/events/lounges', { body: request.body }));
    case 'kommunalzirkel':
      return unwrap(api.POST('/api/v1/events/circles', { body: request.body }));
  }
}

function update(eventId: string, request: EventRequest): Promise<EventDetail> {
  const params = { path: { eventId } };
  switch (request.kind) {
    case 'deutschlandforum':
      return unwrap(api.PATCH('/api/v1/events/forums/{eventId}', { params, body: request.body }));
    case 'innovators-lounge':
      return unwrap(api.PATCH('/api/v1/events/lounges/{eventId}', { params, body: request.body }));
    case 'kommunalzirkel':
      return unwrap(api.PATCH('/api/v1/events/circles/{eventId}', { params, body: request.body }));
  }
}

/**
 * Saves the form: a new event (`eventId` undefined) or a change. Afterwards every page that showed
 * events loads them again when next opened (the console's list and page, the portal's).
 */
export function useSaveEvent(eventId: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: EventRequest) => (eventId ? update(eventId, request) : create(request)),
    onSuccess: () => {
      void queryClient.invalidateQueries();
    },
  });
}

/** Members of the club to name as speakers, by name, organisation or municipality. */
export async function searchMembers(q: string) {
  const page = await unwrap(api.GET('/api/v1/members', { params: { query: { q, limit: 8 } } }));
  return page.items.map((member) => ({
    memberId: member.id,
    name: [member.academicTitle, member.firstName, member.lastName].filter(Boolean).join(' '),
    organisation: member.organisation,
  }));
}
