import { Suspense } from 'react';
import { Link, NavLink, Outlet, ScrollRestoration } from 'react-router';
import { useSession } from '../api/session';
import { SignOutButton } from '../components/SignOutButton';
import { Loading } from '../components/States';
import { texts } from '../texts';

const t = texts.common;

/** The frame of every page: skip link, header with the navigation, main content, footer. */
export function Layout() {
  const session = useSession();
  const signedInMember = session.data?.signedIn === true && session.data.role === 'member';
  return (
    <>
      {/* A new page starts at its top (a phone would keep the scroll position); back and forward restore it. */}
      <ScrollRestoration />
      <a className="skip-link" href="#inhalt">
        {t.skipToContent}
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          {/* Named by its visible text (WCAG 2.5.3), the destination added for screen readers. */}
          <Link to={signedInMember ? '/start' : '/'} className="brand">
            <span className="brand-mark" aria-hidden="true">
              IC
            </span>
            <span className="brand-text">
              <span className="brand-name">{t.appName}</span>
              <span className="brand-owner">{t.appOwner}</span>
            </span>
            <span className="visually-hidden">{t.homeLink}</span>
          </Link>
          <nav aria-label={t.mainNavigation} className="site-nav">
            <ul>
              {signedInMember ? (
                <li>
                  <NavLink to="/start">{t.nav.start}</NavLink>
                </li>
              ) : null}
              <li>
                <NavLink to="/veranstaltungen">{t.nav.events}</NavLink>
              </li>
              {signedInMember ? (
                <>
                  <li>
                    <NavLink to="/meine-anmeldungen">{t.nav.registrations}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/mitglieder">{t.nav.directory}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/profil">{t.nav.profile}</NavLink>
                  </li>
                  <li>
                    <PortalSignOutButton />
                  </li>
                </>
              ) : session.data?.signedIn ? (
                <li>
                  <PortalSignOutButton />
                </li>
              ) : (
                <li>
                  <NavLink to="/anmelden">{t.nav.signIn}</NavLink>
                </li>
              )}
            </ul>
          </nav>
        </div>
      </header>
      <main id="inhalt" tabIndex={-1} className="site-main">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <p>{t.footer.text}</p>
        <p>
          <a href="/api/v1/calendar.ics">{t.footer.calendar}</a>
        </p>
      </footer>
    </>
  );
}

function PortalSignOutButton() {
  return (
    <SignOutButton
      destination="/"
      notice={t.signedOut}
      label={t.nav.signOut}
      pendingLabel={t.nav.signingOut}
    />
  );
}
