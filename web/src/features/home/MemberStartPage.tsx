import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { components } from '../../api/openapi';
import { unwrap } from '../../api/problem';
import { Page } from '../../components/Page';
import { Empty, ErrorNotice, Loading, Success } from '../../components/States';
import { formatDateTime } from '../../format/dates';
import { texts } from '../../texts';
import { EventTeaser, eventDate } from './EventTeaser';
import { useNavigationNotice } from '../../components/navigationNotice';

type Member = components['schemas']['MemberResponse'];
type Registration = components['schemas']['RegistrationResponse'];

const t = texts.home.start;

/** How many of the next registrations and of the open events the start page shows. */
const SHOWN = 5;
/** Own registrations are listed newest first; the coming ones are among the latest. */
const REGISTRATIONS_READ = 100;

/** `/start`, the signed-in member's home: greeting, the next own registrations, events open now, links on. */
export default function MemberStartPage() {
  const notice = useNavigationNotice();
  const member = useQuery({
    queryKey: ['members', 'me'],
    queryFn: () => unwrap(api.GET('/api/v1/members/me')),
  });
  return (
    <Page title={t.title} lead={member.data ? t.greeting(nameOf(member.data)) : undefined}>
      {notice ? (
        <Success>
          <p>{notice}</p>
        </Success>
      ) : null}
      {member.isPending ? <Loading label={t.loadingProfile} /> : null}
      {member.isError ? <ErrorNotice error={member.error} onRetry={() => void member.refetch()} /> : null}
      <NextRegistrations />
      <OpenEvents />
      <nav aria-labelledby="weiter-zu" className="start-links">
        <h2 id="weiter-zu">{t.links.heading}</h2>
        <ul className="card-list">
          <li className="card">
            <Link to="/profil">{t.links.profile}</Link>
            <p className="meta">{t.links.profileText}</p>
          </li>
          <li className="card">
            <Link to="/mitglieder">{t.links.directory}</Link>
            <p className="meta">{t.links.directoryText}</p>
          </li>
          <li className="card">
            <Link to="/veranstaltungen">{t.links.events}</Link>
            <p className="meta">{t.links.eventsText}</p>
          </li>
        </ul>
      </nav>
    </Page>
  );
}

/** „Frau Dr. Beispiel“; without a salutation the whole name. */
export function nameOf(
  member: Pick<Member, 'salutation' | 'academicTitle' | 'firstName' | 'lastName'>,
): string {
  return member.salutation === 'keine'
    ? [member.academicTitle, member.firstName, member.lastName].filter(Boolean).join(' ')
    : [member.salutation, member.academicTitle, member.lastName].filter(Boolean).join(' ');
}

/** Registrations still to come, soonest first (an event without a date yet last). */
export function comingRegistrations(registrations: readonly Registration[], now: Date): Registration[] {
  const startOf = (registration: Registration) =>
    registration.event.startsAt ? Date.parse(registration.event.startsAt) : Number.POSITIVE_INFINITY;
  return registrations
    .filter(
      (registration) =>
        registration.status !== 'cancelled' &&
        registration.event.status !== 'held' &&
        (!registration.event.endsAt || Date.parse(registration.event.endsAt) >= now.getTime()),
    )
    .sort((a, b) => startOf(a) - startOf(b));
}

function NextRegistrations() {
  const registrations = useQuery({
    queryKey: ['me', 'registrations', 'start-page'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/me/registrations', { params: { query: { limit: REGISTRATIONS_READ } } })),
  });
  const coming = registrations.data ? comingRegistrations(registrations.data.items, new Date()) : [];
  return (
    <section aria-labelledby="naechste-anmeldungen">
      <h2 id="naechste-anmeldungen">{t.registrations.heading}</h2>
      {registrations.isPending ? (
        <Loading label={t.registrations.loading} />
      ) : registrations.isError ? (
        <ErrorNotice error={registrations.error} onRetry={() => void registrations.refetch()} />
      ) : coming.length === 0 ? (
        <Empty>
          <p>{t.registrations.empty}</p>
        </Empty>
      ) : (
        <ul className="card-list">
          {coming.slice(0, SHOWN).map((registration) => (
            <li key={registration.registrationId} className="card">
              <h3>
                <Link to={`/veranstaltungen/${registration.eventId}`}>{registration.event.title}</Link>
              </h3>
              <p className="event-teaser-badges">
                <span className="badge">{texts.home.event.kinds[registration.event.kind]}</span>
                <RegistrationBadge registration={registration} />
              </p>
              <p className="meta">{eventDate(registration.event)}</p>
            </li>
          ))}
        </ul>
      )}
      <p className="section-onward">
        <Link to="/meine-anmeldungen">{t.registrations.all}</Link>
      </p>
    </section>
  );
}

function RegistrationBadge({ registration }: { readonly registration: Registration }) {
  if (registration.event.status === 'cancelled') {
    return <span className="badge badge-danger">{t.registrations.eventCancelled}</span>;
  }
  if (registration.status === 'waiting') {
    return <span className="badge badge-warning">{t.registrations.waiting(registration.waitingPlace)}</span>;
  }
  return <span className="badge badge-success">{t.registrations.confirmed}</span>;
}

function OpenEvents() {
  const events = useQuery({
    queryKey: ['events', 'registration-open', 'start-page'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/events', { params: { query: { status: 'registration-open', limit: SHOWN } } })),
  });
  return (
    <section aria-labelledby="offene-anmeldung">
      <h2 id="offene-anmeldung">{t.open.heading}</h2>
      {events.isPending ? (
        <Loading label={t.open.loading} />
      ) : events.isError ? (
        <ErrorNotice error={events.error} onRetry={() => void events.refetch()} />
      ) : events.data.items.length === 0 ? (
        <Empty>
          <p>{t.open.empty}</p>
        </Empty>
      ) : (
        <ul className="card-list">
          {events.data.items.map((event) => (
            <EventTeaser key={event.eventId} event={event}>
              <p className="meta">{t.open.closesAt(formatDateTime(event.registration.closesAt))}</p>
            </EventTeaser>
          ))}
        </ul>
      )}
      <p className="section-onward">
        <Link to="/veranstaltungen">{t.open.all}</Link>
      </p>
    </section>
  );
}
