import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { ApiProblem, unwrap } from '../../api/problem';
import { useSession } from '../../api/session';
import { Page } from '../../components/Page';
import { Empty, ErrorNotice, Loading, Success } from '../../components/States';
import { texts } from '../../texts';
import { EventTeaser } from './EventTeaser';
import { useNavigationNotice } from '../../components/navigationNotice';

const t = texts.home.front;

/** How many of the coming events the front page shows; the events page has them all. */
export const FRONT_PAGE_EVENTS = 3;

/** `/`: what the Innovators Club is, its coming events, and the way in for members. */
export default function HomePage() {
  const notice = useNavigationNotice();
  return (
    <Page title={t.title} lead={t.lead}>
      {notice ? (
        <Success>
          <p>{notice}</p>
        </Success>
      ) : null}
      <div className="home-intro">
        <div className="home-about">
          {t.intro.map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
        </div>
        <MemberEntry />
      </div>
      <ComingEvents />
      <section aria-labelledby="formate">
        <h2 id="formate">{t.formats.heading}</h2>
        <dl className="home-formats">
          {t.formats.items.map((format) => (
            <div key={format.name} className="card">
              <dt>{format.name}</dt>
              <dd>{format.text}</dd>
            </div>
          ))}
        </dl>
      </section>
    </Page>
  );
}

/** „Anmelden“ for visitors; a signed-in member goes on to the start page instead. */
function MemberEntry() {
  const session = useSession();
  // While the session is unknown, nothing: a member should not see „Anmelden“ flash up.
  if (session.isPending) return null;
  const answer = session.data;
  if (answer?.signedIn && answer.role !== 'member') return null;
  const signedIn = answer?.signedIn === true;
  const entry = signedIn ? t.signedIn : t.signIn;
  return (
    <section aria-labelledby="mitglieder-zugang" className="card home-entry">
      <h2 id="mitglieder-zugang">{entry.heading}</h2>
      <p>{entry.text}</p>
      <Link className="button button-primary" to={signedIn ? '/start' : '/anmelden'}>
        {entry.action}
      </Link>
    </section>
  );
}

/**
 * Anyone may read the coming events. A session cookie whose session ended elsewhere (signed out on
 * another device) is refused once, and the gateway drops the cookie with that answer: the second
 * try reads as a visitor.
 */
async function comingEvents() {
  const read = () => unwrap(api.GET('/api/v1/events', { params: { query: { limit: FRONT_PAGE_EVENTS } } }));
  try {
    return await read();
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 401) return read();
    throw error;
  }
}

function ComingEvents() {
  const events = useQuery({ queryKey: ['events', 'front-page'], queryFn: comingEvents });
  return (
    <section aria-labelledby="naechste-veranstaltungen">
      <h2 id="naechste-veranstaltungen">{t.events.heading}</h2>
      {events.isPending ? (
        <Loading label={t.events.loading} />
      ) : events.isError ? (
        <ErrorNotice error={events.error} onRetry={() => void events.refetch()} />
      ) : events.data.items.length === 0 ? (
        <Empty>
          <p>{t.events.empty}</p>
        </Empty>
      ) : (
        <ul className="card-list">
          {events.data.items.map((event) => (
            <EventTeaser key={event.eventId} event={event} />
          ))}
        </ul>
      )}
      <p className="section-onward">
        <Link to="/veranstaltungen">{t.events.all}</Link>
      </p>
    </section>
  );
}
