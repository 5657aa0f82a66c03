import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { api } from '../api/client';
import { unwrap } from '../api/problem';
import { useSessionChanged } from '../api/session';

interface SignOutButtonProps {
  /** Where the person lands after signing out, shown with `notice`. */
  readonly destination: string;
  readonly notice: string;
  readonly label: string;
  readonly pendingLabel: string;
}

/** „Abmelden“ in a navigation: ends the session on the server, then shows `destination` with `notice`. */
export function SignOutButton({ destination, notice, label, pendingLabel }: SignOutButtonProps) {
  const navigate = useNavigate();
  const location = useLocation();
  const sessionChanged = useSessionChanged();
  // Signed out, on the way to `destination`. The session is cleared only once that page is shown:
  // a page for signed-in people still on screen would send to a sign-in on seeing the session gone.
  const leaving = useRef(false);
  const signOut = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/auth/session')),
    onSettled: async () => {
      leaving.current = true;
      await navigate(destination, { state: { notice } });
    },
  });
  useEffect(() => {
    if (!leaving.current || location.pathname !== destination) return;
    leaving.current = false;
    void sessionChanged();
  }, [location, destination, sessionChanged]);
  return (
    <button
      type="button"
      className="nav-button"
      onClick={() => signOut.mutate()}
      disabled={signOut.isPending}
    >
      {signOut.isPending ? pendingLabel : label}
    </button>
  );
}
