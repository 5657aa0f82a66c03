import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../api/session';
import { ErrorNotice, Loading } from '../components/States';
import { Page } from '../components/Page';
import { texts } from '../texts';

/** A member's page: anyone not signed in is sent to „Anmelden“ and brought back here afterwards. */
export function RequireSignIn({ children }: { readonly children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading />;
  if (session.isError) return <ErrorNotice error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data.signedIn) {
    const back = `${location.pathname}${location.search}`;
    return <Navigate to={`/anmelden?weiter=${encodeURIComponent(back)}`} replace />;
  }
  if (session.data.role !== 'member') {
    return (
      <Page title={texts.common.membersOnly.title}>
        <p>{texts.common.membersOnly.text}</p>
      </Page>
    );
  }
  return <>{children}</>;
}
