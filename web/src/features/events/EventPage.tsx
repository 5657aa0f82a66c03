import { Link, useParams } from 'react-router';
import { ApiProblem } from '../../api/problem';
import { useSession } from '../../api/session';
import { Page } from '../../components/Page';
import { ErrorNotice, Loading } from '../../components/States';
import { formatDateTime } from '../../format/dates';
import { texts } from '../../texts';
import { RegistrationPanel } from '../registrations/RegistrationPanel';
import { useEventSeats } from '../registrations/registrationApi';
import { CircleModules, CircleParticipation } from './CircleParts';
import { EventAgenda } from './EventAgenda';
import { EventDocuments } from './EventDocuments';
import { useEvent } from './eventsApi';
import type { ClubEvent } from './eventTypes';
import {
  addressLines,
  badgeClass,
  kindWords,
  periodWords,
  registrationWords,
  shortDateTime,
  targetGroupWords,
  themeWords,
} from './eventWords';

const t = texts.events.eventPage;
const words = texts.events;

/** Where „Anmelden“ brings the person back to. */
function signInPathFor(eventId: string): string {
  return `/anmelden?weiter=${encodeURIComponent(`/veranstaltungen/${eventId}`)}`;
}

/** /veranstaltungen/:eventId: everything about one event, and the registration in place. */
export default function EventPage() {
  const { eventId = '' } = useParams();
  const event = useEvent(eventId);
  if (event.isPending) return <Loading label={t.loading} />;
  if (event.isError)
    return <EventProblem eventId={eventId} error={event.error} onRetry={() => void event.refetch()} />;
  return <EventDetails event={event.data} />;
}

function EventProblem({
  eventId,
  error,
  onRetry,
}: {
  readonly eventId: string;
  readonly error: unknown;
  readonly onRetry: () => void;
}) {
  const status = error instanceof ApiProblem ? error.status : 0;
  // 400: not an event id at all; 404: none such, or not announced yet.
  if (status === 404 || status === 400) {
    return (
      <Page title={t.notFound.title}>
        <p>{t.notFound.text}</p>
        <p>
          <Link to="/veranstaltungen">{t.notFound.toList}</Link>
        </p>
      </Page>
    );
  }
  if (status === 401) {
    return (
      <Page title={t.signInToSee.title}>
        <p>{t.signInToSee.text}</p>
        <p>
          <Link className="button button-primary" to={signInPathFor(eventId)}>
            {texts.common.nav.signIn}
          </Link>
        </p>
        <p>
          <Link to="/veranstaltungen">{t.notFound.toList}</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title={words.listPage.title}>
      <ErrorNotice error={error} onRetry={onRetry} />
      <p>
        <Link to="/veranstaltungen">{t.notFound.toList}</Link>
      </p>
    </Page>
  );
}

function EventDetails({ event }: { readonly event: ClubEvent }) {
  const session = useSession();
  const signedIn = session.data?.signedIn === true;
  const member = session.data?.signedIn === true && session.data.role === 'member';
  const signInPath = signInPathFor(event.eventId);
  return (
    <Page title={event.title} lead={`${kindWords(event.kind)} · ${periodWords(event)}`}>
      <div className="event-page">
        {event.cancellation ? (
          <section className="notice notice-error event-cancelled" aria-labelledby="abgesagt">
            <h2 id="abgesagt">{t.cancelled.heading}</h2>
            <p>
              <strong>{t.cancelled.reason}</strong> {event.cancellation.reason}
            </p>
            <p>{t.cancelled.when(formatDateTime(event.cancellation.cancelledAt))}</p>
          </section>
        ) : null}
        {event.forum ? (
          <section aria-labelledby="leitgedanke" className="event-section leitgedanke">
            <h2 id="leitgedanke">{t.leitgedanke}</h2>
            <p className="leitgedanke-text">„{event.forum.leitgedanke}“</p>
          </section>
        ) : null}
        {event.summary ? <p className="event-summary">{event.summary}</p> : null}
        <EventFacts event={event} signedIn={signedIn} />
        <RegistrationPanel event={event} />
        <section aria-labelledby="beschreibung" className="event-section">
          <h2 id="beschreibung">{t.description}</h2>
          <div
            className="event-description"
            // Rendered and made safe by the events service (no raw HTML, safe links only).
            dangerouslySetInnerHTML={{ __html: demoteHeadings(event.descriptionHtml) }}
          />
        </section>
        {event.forum ? <EventAgenda sessions={event.forum.sessions} linkMembers={member} /> : null}
        {event.circle ? (
          <>
            <CircleModules modules={event.circle.modules} />
            <CircleParticipation event={event} circle={event.circle} />
          </>
        ) : null}
        <EventDocuments documents={event.documents} signedIn={signedIn} signInPath={signInPath} />
        <section aria-labelledby="kalender" className="event-section">
          <h2 id="kalender">{t.calendar.heading}</h2>
          {signedIn ? (
            <>
              <p>
                <a className="button button-secondary" href={event.calendarHref} download>
                  {t.calendar.link}
                </a>
              </p>
              <p className="meta">{t.calendar.text}</p>
            </>
          ) : (
            <p>
              {t.calendar.membersOnly} <Link to={signInPath}>{texts.common.nav.signIn}</Link>
            </p>
          )}
        </section>
        <p className="event-back">
          <Link to="/veranstaltungen">{t.back}</Link>
        </p>
      </div>
    </Page>
  );
}

/** The facts a person looks for first: kind, when, where, who, how many, the registration window. */
function EventFacts({ event, signedIn }: { readonly event: ClubEvent; readonly signedIn: boolean }) {
  const seats = useEventSeats(event.eventId, signedIn && event.status === 'registration-open');
  const registration = registrationWords(event, seats.data);
  const f = t.facts;
  return (
    <section aria-labelledby="auf-einen-blick" className="card event-facts">
      <h2 id="auf-einen-blick">{f.heading}</h2>
      <dl className="facts">
        <dt>{f.kind}</dt>
        <dd>
          {kindWords(event.kind)}
          {event.forum?.edition ? <> ({words.edition(event.forum.edition)})</> : null}
        </dd>
        <dt>{f.when}</dt>
        <dd>{periodWords(event)}</dd>
        {event.venue ? (
          <>
            <dt>{f.where}</dt>
            <dd>
              <address className="venue">
                {addressLines(event.venue).map((line) => (
                  <span key={line}>{line}</span>
                ))}
              </address>
            </dd>
          </>
        ) : null}
        {event.lounge ? (
          <>
            <dt>{f.host}</dt>
            <dd>{words.host(event.lounge.host.name, words.federalStates[event.lounge.host.federalState])}</dd>
            <dt>{f.topic}</dt>
            <dd>{event.lounge.topic}</dd>
          </>
        ) : null}
        {event.themes.length > 0 ? (
          <>
            <dt>{f.themes}</dt>
            <dd>{themeWords(event.themes)}</dd>
          </>
        ) : null}
        <dt>{f.audience}</dt>
        <dd>
          {event.audience === 'target-group' && event.targetGroup
            ? targetGroupWords(event.targetGroup)
            : words.audiences[event.audience]}
        </dd>
        <dt>{f.capacity}</dt>
        <dd>{words.capacity(event.capacity, event.kind)}</dd>
        <dt>{f.registrationWindow}</dt>
        <dd>
          {words.registration.window(
            shortDateTime(event.registration.opensAt),
            shortDateTime(event.registration.closesAt),
          )}
        </dd>
        <dt>{f.registrationState}</dt>
        <dd>
          <span className={badgeClass(registration.tone)}>{registration.text}</span>
        </dd>
      </dl>
    </section>
  );
}

/** The description's own headings sit below the page's h2 sections: # becomes h3, ## h4 … */
export function demoteHeadings(html: string): string {
  return html.replace(/<(\/?)h([1-6])(\s|>)/gi, (_match, slash: string, level: string, after: string) => {
    return `<${slash}h${Math.min(6, Number(level) + 2)}${after}`;
  });
}
