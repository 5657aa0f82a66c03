import { lazy } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { RequireSignIn } from './RequireSignIn';

// Each feature loads when its page is first opened: the first page stays small on a phone.
const HomePage = lazy(() => import('../features/home/HomePage'));
const MemberStartPage = lazy(() => import('../features/home/MemberStartPage'));
const SignInRequestPage = lazy(() => import('../features/auth/SignInRequestPage'));
const SignInLinkPage = lazy(() => import('../features/auth/SignInLinkPage'));
const InvitationPage = lazy(() => import('../features/auth/InvitationPage'));
const EventsPage = lazy(() => import('../features/events/EventsPage'));
const EventPage = lazy(() => import('../features/events/EventPage'));
const MyRegistrationsPage = lazy(() => import('../features/registrations/MyRegistrationsPage'));
const ProfilePage = lazy(() => import('../features/profile/ProfilePage'));
const DirectoryPage = lazy(() => import('../features/directory/DirectoryPage'));
const MemberPage = lazy(() => import('../features/directory/MemberPage'));

/** The portal's pages; German paths, as the links in the mails use them. */
export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/anmelden', element: <SignInRequestPage /> },
      { path: '/anmelden/:token', element: <SignInLinkPage /> },
      { path: '/einladung/:token', element: <InvitationPage /> },
      { path: '/veranstaltungen', element: <EventsPage /> },
      { path: '/veranstaltungen/:eventId', element: <EventPage /> },
      {
        path: '/start',
        element: (
          <RequireSignIn>
            <MemberStartPage />
          </RequireSignIn>
        ),
      },
      {
        path: '/meine-anmeldungen',
        element: (
          <RequireSignIn>
            <MyRegistrationsPage />
          </RequireSignIn>
        ),
      },
      {
        path: '/profil',
        element: (
          <RequireSignIn>
            <ProfilePage />
          </RequireSignIn>
        ),
      },
      {
        path: '/mitglieder',
        element: (
          <RequireSignIn>
            <DirectoryPage />
          </RequireSignIn>
        ),
      },
      {
        path: '/mitglieder/:memberId',
        element: (
          <RequireSignIn>
            <MemberPage />
          </RequireSignIn>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
