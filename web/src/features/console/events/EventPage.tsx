import { Link, useParams } from 'react-router';
import { ApiProblem } from '../../../api/problem';
import { Page } from '../../../components/Page';
import { useNavigationNotice } from '../../../components/navigationNotice';
import { ErrorNotice, Loading, Success } from '../../../components/States';
import { formatDateTime } from '../../../format/dates';
import { texts } from '../../../texts';
import { CircleModules, CircleParticipation } from '../../events/CircleParts';
import { EventAgenda } from '../../events/EventAgenda';
import { demoteHeadings } from '../../events/EventPage';
import type { ClubEvent } from '../../events/eventTypes';
import {
  addressLines,
  kindWords,
  periodWords,
  shortDateTime,
  targetGroupWords,
  themeWords,
} from '../../events/eventWords';
import { useConsoleEvent, useRegistrationStats } from './consoleEventsApi';
import { DocumentsPanel } from './DocumentsPanel';
import { CONSOLE_EVENTS } from './EventsPage';
import { LifecyclePanel } from './LifecyclePanel';
import { StateBadge } from './StateBadge';

const t = texts.console.events.page;
const words = texts.events;
const states = texts.console.events.states;

/** /geschaeftsstelle/veranstaltungen/:eventId: the event as the office sees it, its figures, documents and lifecycle. */
export default function EventPage() {
  const { eventId = '' } = useParams();
  const event = useConsoleEvent(eventId);
  if (event.isPending) return <Loading label={t.loading} />;
  if (event.isError) {
    const status = event.error instanceof ApiProblem ? event.error.status : 0;
    if (status === 404 || status === 400) {
      return (
        <Page title={t.notFound.title}>
          <p>{t.notFound.text}</p>
          <p>
            <Link to={CONSOLE_EVENTS}>{t.back}</Link>
          </p>
        </Page>
      );
    }
    return (
      <Page title={t.errorTitle}>
        <ErrorNotice error={event.error} onRetry={() => void event.refetch()} />
        <p>
          <Link to={CONSOLE_EVENTS}>{t.back}</Link>
        </p>
      </Page>
    );
  }
  return <EventDetails event={event.data} />;
}

function EventDetails({ event }: { readonly event: ClubEvent }) {
  const base = `${CONSOLE_EVENTS}/${event.eventId}`;
  const editable = event.status !== 'held' && event.status !== 'cancelled';
  // „Angelegt“ or „Gespeichert“, handed over by the event forms.
  const notice = useNavigationNotice();
  return (
    <Page title={event.title} lead={t.lead(kindWords(event.kind), periodWords(event), states[event.status])}>
      {notice ? (
        <Success>
          <p>{notice}</p>
        </Success>
      ) : null}
      <div className="console-event">
        <nav aria-label={t.links.label} className="console-event-links">
          <ul className="button-row">
            {editable ? (
              <li>
                <Link className="button button-primary" to={`${base}/bearbeiten`}>
                  {t.links.edit}
                </Link>
              </li>
            ) : null}
            <li>
              <Link className="button button-secondary" to={`${base}/teilnehmende`}>
                {t.links.participants}
              </Link>
            </li>
            <li>
              <Link className="button button-secondary" to={`${base}/einlass`}>
                {t.links.checkIn}
              </Link>
            </li>
            {event.status !== 'draft' ? (
              <li>
                <Link className="button button-link" to={`/veranstaltungen/${event.eventId}`}>
                  {t.links.portal}
                </Link>
              </li>
            ) : null}
          </ul>
          {editable ? null : <p className="meta">{t.notEditable}</p>}
        </nav>
        {event.cancellation ? (
          <section className="notice notice-error" aria-labelledby="abgesagt">
            <h2 id="abgesagt">{t.cancelled.heading}</h2>
            <p>
              <strong>{t.cancelled.reason}</strong> {event.cancellation.reason}
            </p>
            <p>{t.cancelled.when(formatDateTime(event.cancellation.cancelledAt))}</p>
          </section>
        ) : null}
        <LifecyclePanel event={event} />
        <Figures event={event} />
        <Facts event={event} />
        {event.forum ? (
          <section aria-labelledby="leitgedanke" className="event-section">
            <h2 id="leitgedanke">{t.leitgedanke}</h2>
            <p className="leitgedanke-text">„{event.forum.leitgedanke}“</p>
          </section>
        ) : null}
        <section aria-labelledby="beschreibung" className="event-section">
          <h2 id="beschreibung">{t.description}</h2>
          <div
            className="event-description"
            // Rendered and made safe by the events service (no raw HTML, safe links only).
            dangerouslySetInnerHTML={{ __html: demoteHeadings(event.descriptionHtml) }}
          />
        </section>
        {event.forum ? <EventAgenda sessions={event.forum.sessions} linkMembers={false} /> : null}
        {event.circle ? (
          <>
            <CircleModules modules={event.circle.modules} />
            <CircleParticipation event={event} circle={event.circle} />
          </>
        ) : null}
        <DocumentsPanel event={event} />
        <p>
          <Link to={CONSOLE_EVENTS}>{t.back}</Link>
        </p>
      </div>
    </Page>
  );
}

function Facts({ event }: { readonly event: ClubEvent }) {
  const f = t.facts;
  const targetGroupOnly = event.kind === 'kommunalzirkel' || event.audience === 'target-group';
  return (
    <section aria-labelledby="angaben" className="card event-facts">
      <h2 id="angaben">{f.heading}</h2>
      <dl className="facts">
        <dt>{f.kind}</dt>
        <dd>
          {kindWords(event.kind)}
          {event.forum?.edition ? <> ({words.edition(event.forum.edition)})</> : null}
        </dd>
        <dt>{f.state}</dt>
        <dd>
          <StateBadge status={event.status} />
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
        {event.summary ? (
          <>
            <dt>{f.summary}</dt>
            <dd>{event.summary}</dd>
          </>
        ) : null}
        <dt>{f.themes}</dt>
        <dd>{event.themes.length > 0 ? themeWords(event.themes) : f.noThemes}</dd>
        <dt>{f.audience}</dt>
        <dd>
          {event.audience === 'target-group' && event.targetGroup
            ? targetGroupWords(event.targetGroup)
            : words.audiences[event.audience]}
        </dd>
        <dt>{f.announceTo}</dt>
        <dd>{targetGroupOnly ? f.targetGroupOnly : texts.console.events.announceTo[event.announceTo]}</dd>
        <dt>{f.capacity}</dt>
        <dd>{words.capacity(event.capacity, event.kind)}</dd>
        <dt>{f.window}</dt>
        <dd>
          {words.registration.window(
            shortDateTime(event.registration.opensAt),
            shortDateTime(event.registration.closesAt),
          )}
        </dd>
        <dt>{f.created}</dt>
        <dd>{formatDateTime(event.createdAt)}</dd>
        <dt>{f.updated}</dt>
        <dd>{formatDateTime(event.updatedAt)}</dd>
      </dl>
    </section>
  );
}

/** Registered, waiting, interested, checked in: GET …/registration-stats. */
function Figures({ event }: { readonly event: ClubEvent }) {
  const draft = event.status === 'draft';
  const stats = useRegistrationStats(event.eventId, !draft);
  const f = t.figures;
  return (
    <section aria-labelledby="zahlen" className="card console-figures">
      <h2 id="zahlen">{f.heading}</h2>
      {draft ? (
        <p>{f.draft}</p>
      ) : stats.isPending ? (
        <Loading label={f.loading} />
      ) : stats.isError ? (
        <>
          <p>{f.unavailable}</p>
          <ErrorNotice error={stats.error} onRetry={() => void stats.refetch()} />
        </>
      ) : (
        <>
          <dl className="facts console-figures-list">
            <dt>{f.confirmed}</dt>
            <dd>{stats.data.confirmed.toLocaleString('de-DE')}</dd>
            <dt>{event.kind === 'kommunalzirkel' ? f.capacityCircle : f.capacity}</dt>
            <dd>{stats.data.capacity.toLocaleString('de-DE')}</dd>
            {event.kind === 'kommunalzirkel' ? (
              <>
                <dt>{f.confirmedPeople}</dt>
                <dd>{stats.data.confirmedPeople.toLocaleString('de-DE')}</dd>
              </>
            ) : null}
            <dt>{f.waiting}</dt>
            <dd>{stats.data.waiting.toLocaleString('de-DE')}</dd>
            <dt>{f.cancelledRegistrations}</dt>
            <dd>{stats.data.cancelled.toLocaleString('de-DE')}</dd>
            <dt>{f.interestedMembers}</dt>
            <dd>{stats.data.interestedMembers.toLocaleString('de-DE')}</dd>
            <dt>{f.interestedMunicipalities}</dt>
            <dd>{stats.data.interestedMunicipalities.toLocaleString('de-DE')}</dd>
            <dt>{f.attended}</dt>
            <dd>{stats.data.attendedPeople.toLocaleString('de-DE')}</dd>
            {stats.data.noShows !== undefined ? (
              <>
                <dt>{f.noShows}</dt>
                <dd>{stats.data.noShows.toLocaleString('de-DE')}</dd>
              </>
            ) : null}
          </dl>
          {stats.data.workshops.length > 0 ? (
            <>
              <h3>{f.workshops}</h3>
              <ul>
                {stats.data.workshops.map((workshop) => (
                  <li key={workshop.sessionId}>
                    {workshop.title}:{' '}
                    {f.workshopSeats(workshop.confirmed, workshop.capacity, workshop.waiting)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
