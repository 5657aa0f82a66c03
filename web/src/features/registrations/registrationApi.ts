import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { components, paths } from '../../api/openapi';
import { unwrap } from '../../api/problem';

/** The event as GET /api/v1/events/{eventId} answers it. */
export type EventDetail =
  paths['/api/v1/events/{eventId}']['get']['responses'][200]['content']['application/json'];
export type Registration = components['schemas']['RegistrationResponse'];
export type OwnInterest = components['schemas']['OwnInterestResponse'];
export type EventSeats = components['schemas']['EventSeatsResponse'];
export type OwnProfile = components['schemas']['MemberResponse'];
export type RegisterBody = components['schemas']['RegisterRequest'];
export type DelegationPerson = components['schemas']['DelegationPersonDto'];
export type DelegationRole = DelegationPerson['role'];

/** How often the page asks again while the member waits for a seat (a promotion shows without reloading). */
export const WAITING_POLL_MS = 15_000;

export const registrationKeys = {
  all: ['registrations'] as const,
  own: (eventId: string) => ['registrations', 'own', eventId] as const,
  list: ['registrations', 'list'] as const,
  interest: (eventId: string) => ['registrations', 'interest', eventId] as const,
  interests: ['registrations', 'interests'] as const,
  seats: (eventId: string) => ['registrations', 'seats', eventId] as const,
  profile: ['registrations', 'own-profile'] as const,
};

/** Still waiting for something: the registration itself or one of its workshops. */
export function isWaiting(registration: Registration | undefined): boolean {
  if (!registration || registration.status === 'cancelled') return false;
  return (
    registration.status === 'waiting' ||
    registration.sessions.some((session) => session.status !== 'confirmed')
  );
}

/**
 * The member's registration for this event (or their municipality's), undefined without one.
 * While it waits, it is asked for again every 15 seconds and whenever the window gets the focus.
 */
export function useOwnRegistration(eventId: string) {
  return useQuery({
    queryKey: registrationKeys.own(eventId),
    queryFn: async () => {
      const page = await unwrap(
        api.GET('/api/v1/me/registrations', { params: { query: { eventId, limit: 5 } } }),
      );
      // A registration taken up again keeps its id; one that is not cancelled is the one that counts.
      return page.items.find((item) => item.status !== 'cancelled') ?? page.items[0] ?? null;
    },
    refetchOnWindowFocus: true,
    refetchInterval: (query) => (isWaiting(query.state.data ?? undefined) ? WAITING_POLL_MS : false),
  });
}

export function useOwnInterest(eventId: string, enabled: boolean) {
  return useQuery({
    queryKey: registrationKeys.interest(eventId),
    queryFn: async () => {
      const found = await unwrap(api.GET('/api/v1/me/interests', { params: { query: { eventId } } }));
      return found.items[0] ?? null;
    },
    enabled,
  });
}

export function useEventSeats(eventId: string, enabled: boolean) {
  return useQuery({
    queryKey: registrationKeys.seats(eventId),
    queryFn: () => unwrap(api.GET('/api/v1/events/{eventId}/seats', { params: { path: { eventId } } })),
    enabled,
    refetchOnWindowFocus: true,
  });
}

/** The member's own profile: their municipality, and their name for the first person of a delegation. */
export function useOwnProfile(enabled: boolean) {
  return useQuery({
    queryKey: registrationKeys.profile,
    queryFn: () => unwrap(api.GET('/api/v1/members/me')),
    enabled,
    staleTime: 5 * 60 * 1000,
  });
}

/** After a change: the registration as the answer has it, and everything counted from it asked again. */
function remember(queryClient: QueryClient, registration: Registration): void {
  queryClient.setQueryData(registrationKeys.own(registration.eventId), registration);
  void queryClient.invalidateQueries({ queryKey: registrationKeys.seats(registration.eventId) });
  void queryClient.invalidateQueries({ queryKey: registrationKeys.list });
  void queryClient.invalidateQueries({ queryKey: registrationKeys.interests });
}

export function useRegister(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RegisterBody) =>
      unwrap(api.POST('/api/v1/events/{eventId}/registrations', { params: { path: { eventId } }, body })),
    onSuccess: (registration) => remember(queryClient, registration),
  });
}

export function useCancelRegistration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (registrationId: string) =>
      unwrap(api.DELETE('/api/v1/registrations/{registrationId}', { params: { path: { registrationId } } })),
    onSuccess: (registration) => remember(queryClient, registration),
  });
}

export function useChangeDelegation(registrationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (people: DelegationPerson[]) =>
      unwrap(
        api.PUT('/api/v1/registrations/{registrationId}/delegation', {
          params: { path: { registrationId } },
          body: { people },
        }),
      ),
    onSuccess: (registration) => remember(queryClient, registration),
  });
}

export function useDeclareInterest(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/events/{eventId}/interest', { params: { path: { eventId } }, body: {} })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: registrationKeys.interest(eventId) });
      void queryClient.invalidateQueries({ queryKey: registrationKeys.interests });
    },
  });
}

/** The registrant may cancel (and change a delegation) while registration is open, until its close. */
export function changeableNow(registration: Registration, now = Date.now()): boolean {
  return (
    registration.status !== 'cancelled' &&
    registration.event.status === 'registration-open' &&
    now <= new Date(registration.changeableUntil).getTime()
  );
}

/** The event's .ics (members and the office may download it with their session). */
export function calendarPathOf(eventId: string): string {
  return `/api/v1/events/${eventId}/calendar.ics`;
}
