import { Suspense } from 'react';
import { Link, NavLink, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { useSession } from '../../api/session';
import { SignOutButton } from '../../components/SignOutButton';
import { Loading } from '../../components/States';
import { texts } from '../../texts';

const t = texts.console.shell;

export const CONSOLE_HOME = '/geschaeftsstelle';
export const CONSOLE_SIGN_IN = '/geschaeftsstelle/anmelden';

/** The frame of the office console: skip link, its own header and navigation, the page. */
export function ConsoleLayout() {
  const session = useSession();
  const signedInStaff = session.data?.signedIn === true && session.data.role === 'staff';
  const operator = signedInStaff && session.data?.signedIn === true && session.data.operations;
  // The working groups are part of „Mitglieder“: its link shows that section as the current one.
  const inWorkingGroups = useLocation().pathname.startsWith('/geschaeftsstelle/arbeitsgruppen');
  return (
    <>
      <ScrollRestoration />
      <a className="skip-link" href="#inhalt">
        {texts.common.skipToContent}
      </a>
      <header className="site-header console-header">
        <div className="site-header-inner">
          <Link to={signedInStaff ? CONSOLE_HOME : CONSOLE_SIGN_IN} className="brand">
            <span className="brand-mark" aria-hidden="true">
              IC
            </span>
            <span className="brand-text">
              <span className="brand-name">{t.appName}</span>
              <span className="brand-owner">{texts.common.appName}</span>
            </span>
            <span className="visually-hidden">{t.homeLink}</span>
          </Link>
          {signedInStaff ? (
            <nav aria-label={t.navigation} className="site-nav">
              <ul>
                <li>
                  <NavLink to={CONSOLE_HOME} end>
                    {t.nav.overview}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/geschaeftsstelle/berufungen">{t.nav.invitations}</NavLink>
                </li>
                <li>
                  {inWorkingGroups ? (
                    <Link to="/geschaeftsstelle/mitglieder" aria-current="true">
                      {t.nav.members}
                    </Link>
                  ) : (
                    <NavLink to="/geschaeftsstelle/mitglieder">{t.nav.members}</NavLink>
                  )}
                </li>
                <li>
                  <NavLink to="/geschaeftsstelle/veranstaltungen">{t.nav.events}</NavLink>
                </li>
                <li>
                  <NavLink to="/geschaeftsstelle/versand">{t.nav.deliveries}</NavLink>
                </li>
                <li>
                  <NavLink to="/geschaeftsstelle/auswertungen">{t.nav.analytics}</NavLink>
                </li>
                {operator ? (
                  <li>
                    <NavLink to="/geschaeftsstelle/betrieb">{t.nav.operations}</NavLink>
                  </li>
                ) : null}
                <li>
                  <SignOutButton
                    destination={CONSOLE_SIGN_IN}
                    notice={t.signedOut}
                    label={t.nav.signOut}
                    pendingLabel={t.nav.signingOut}
                  />
                </li>
              </ul>
            </nav>
          ) : null}
        </div>
      </header>
      <main id="inhalt" tabIndex={-1} className="site-main console-main">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </>
  );
}
