import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { components } from '../../api/openapi';
import { ApiProblem, unwrap } from '../../api/problem';
import type { profile } from '../../texts/profile';

export type OwnProfile = components['schemas']['MemberResponse'];
export type ProfileChange = components['schemas']['UpdateOwnProfileRequest'];
/** The fields a member edits on the profile page (each has its German rule text). */
export type EditableField = keyof typeof profile.fieldErrors;

export const OWN_PROFILE_QUERY_KEY = ['members', 'me'] as const;

export function useOwnProfile() {
  return useQuery({
    queryKey: OWN_PROFILE_QUERY_KEY,
    queryFn: () => unwrap(api.GET('/api/v1/members/me')),
  });
}

/**
 * After a change: the answer is the new profile; the directory and member pages cached before
 * show the old one, so they load again when next opened.
 */
export function useProfileChanged(): (profile: OwnProfile) => void {
  const queryClient = useQueryClient();
  return (profile) => {
    queryClient.setQueryData(OWN_PROFILE_QUERY_KEY, profile);
    void queryClient.invalidateQueries({ queryKey: ['directory'] });
    void queryClient.invalidateQueries({
      predicate: (query) => query.queryKey[0] === 'members' && query.queryKey[1] !== 'me',
    });
  };
}

/** Whether a refused request names this field (or a part of it, like `themes.0`). */
export function namesField(error: unknown, field: string): boolean {
  return (
    error instanceof ApiProblem &&
    error.fieldErrors.some((problem) => problem.field === field || problem.field.startsWith(`${field}.`))
  );
}

/**
 * Ends this browser's session once the membership has ended (left, or data erased). The gateway
 * refuses the session from then on anyway; this also clears the cookie. A failed call (no
 * connection) leaves only a cookie that no longer signs anyone in, so it does not stop the way on.
 */
export async function endBrowserSession(): Promise<void> {
  try {
    await api.DELETE('/api/v1/auth/session');
  } catch {
    // See above: nothing the person could act on.
  }
}
