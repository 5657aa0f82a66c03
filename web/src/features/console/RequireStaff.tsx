import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../../api/session';
import { Page } from '../../components/Page';
import { ErrorNotice, Loading } from '../../components/States';
import { texts } from '../../texts';
import { CONSOLE_SIGN_IN } from './ConsoleLayout';

const t = texts.console.shell.staffOnly;

/** Every console page but the sign-in: the office only; others go to its sign-in, members are told why not. */
export function RequireStaff() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading />;
  if (session.isError) return <ErrorNotice error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data.signedIn) {
    const back = `${location.pathname}${location.search}`;
    return <Navigate to={`${CONSOLE_SIGN_IN}?weiter=${encodeURIComponent(back)}`} replace />;
  }
  if (session.data.role !== 'staff') {
    return (
      <Page title={t.title}>
        <p>{t.text}</p>
        <p>
          <Link to="/start">{t.portal}</Link>
        </p>
      </Page>
    );
  }
  return <Outlet />;
}
