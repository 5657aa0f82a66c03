import { lazy } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { RequireSignIn } from './RequireSignIn';
import { ConsoleLayout } from '../features/console/ConsoleLayout';
import { RequireStaff } from '../features/console/RequireStaff';

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

// The office console: its pages load only for the office.
const StaffSignInPage = lazy(() => import('../features/console/StaffSignInPage'));
const OverviewPage = lazy(() => import('../features/console/overview/OverviewPage'));
const InvitationsPage = lazy(() => import('../features/console/invitations/InvitationsPage'));
const NewInvitationPage = lazy(() => import('../features/console/invitations/NewInvitationPage'));
const ConsoleMembersPage = lazy(() => import('../features/console/members/MembersPage'));
const ConsoleMemberPage = lazy(() => import('../features/console/members/MemberPage'));
const WorkingGroupsPage = lazy(() => import('../features/console/members/WorkingGroupsPage'));
const WorkingGroupPage = lazy(() => import('../features/console/members/WorkingGroupPage'));
const ConsoleEventsPage = lazy(() => import('../features/console/events/EventsPage'));
const ConsoleEventPage = lazy(() => import('../features/console/events/EventPage'));
const NewEventPage = lazy(() => import('../features/console/event-forms/NewEventPage'));
const EditEventPage = lazy(() => import('../features/console/event-forms/EditEventPage'));
const ParticipantsPage = lazy(() => import('../features/console/participants/ParticipantsPage'));
const ParticipantsPrintPage = lazy(() => import('../features/console/participants/PrintPage'));
const CheckInPage = lazy(() => import('../features/console/check-in/CheckInPage'));
const DeliveriesPage = lazy(() => import('../features/console/deliveries/DeliveriesPage'));
const OperationsPage = lazy(() => import('../features/console/operations/OperationsPage'));
const AnalyticsPage = lazy(() => import('../features/console/analytics/AnalyticsPage'));

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
  {
    path: '/geschaeftsstelle',
    element: <ConsoleLayout />,
    children: [
      { path: 'anmelden', element: <StaffSignInPage /> },
      {
        element: <RequireStaff />,
        children: [
          { index: true, element: <OverviewPage /> },
          { path: 'berufungen', element: <InvitationsPage /> },
          { path: 'berufungen/neu', element: <NewInvitationPage /> },
          { path: 'mitglieder', element: <ConsoleMembersPage /> },
          { path: 'mitglieder/:memberId', element: <ConsoleMemberPage /> },
          { path: 'arbeitsgruppen', element: <WorkingGroupsPage /> },
          { path: 'arbeitsgruppen/:groupId', element: <WorkingGroupPage /> },
          { path: 'veranstaltungen', element: <ConsoleEventsPage /> },
          { path: 'veranstaltungen/neu/:kind', element: <NewEventPage /> },
          { path: 'veranstaltungen/:eventId', element: <ConsoleEventPage /> },
          { path: 'veranstaltungen/:eventId/bearbeiten', element: <EditEventPage /> },
          { path: 'veranstaltungen/:eventId/teilnehmende', element: <ParticipantsPage /> },
          { path: 'veranstaltungen/:eventId/teilnehmende/druck', element: <ParticipantsPrintPage /> },
          { path: 'veranstaltungen/:eventId/einlass', element: <CheckInPage /> },
          { path: 'versand', element: <DeliveriesPage /> },
          { path: 'auswertungen', element: <AnalyticsPage /> },
          { path: 'betrieb', element: <OperationsPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
