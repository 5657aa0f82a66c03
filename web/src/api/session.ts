import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, rememberCsrfToken } from './client';
import { unwrap } from './problem';

export const SESSION_QUERY_KEY = ['session'] as const;

/** Who is signed in on this browser (the session cookie), with the CSRF token for writes. */
export async function fetchSession() {
  const session = await unwrap(api.GET('/api/v1/auth/session'));
  rememberCsrfToken(session.signedIn ? session.csrfToken : undefined);
  return session;
}

export function useSession() {
  return useQuery({ queryKey: SESSION_QUERY_KEY, queryFn: fetchSession, staleTime: 5 * 60 * 1000 });
}

/** After signing in or out: every cached answer belonged to the previous person. */
export function useSessionChanged(): () => Promise<void> {
  const queryClient = useQueryClient();
  return async () => {
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_QUERY_KEY[0] });
    await queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
  };
}
