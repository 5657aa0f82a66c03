import { Link } from 'react-router';
import { texts } from '../../texts';
import type { EventSeats, EventSummary } from './eventTypes';
import {
  badgeClass,
  kindWords,
  periodWords,
  placeWords,
  registrationWords,
  targetGroupWords,
  themeWords,
} from './eventWords';

const t = texts.events.listPage.card;
const words = texts.events;

/**
 * One event in the list, shown as itself: a Deutschlandforum with its Leitgedanke, a lounge with
 * its host, a Kommunalzirkel with its target group and modules; then when, where and how the
 * registration stands. The title is the link to the event's page.
 */
export function EventCard({
  event,
  seats,
}: {
  readonly event: EventSummary;
  readonly seats?: EventSeats | undefined;
}) {
  const registration = registrationWords(event, seats);
  return (
    <li className="card event-card">
      <article aria-labelledby={`event-${event.eventId}`}>
        <h3 id={`event-${event.eventId}`}>
          <Link to={`/veranstaltungen/${event.eventId}`}>{event.title}</Link>
        </h3>
        <p className="event-card-badges">
          <span className="badge">{kindWords(event.kind)}</span>
          <span className={badgeClass(registration.tone)}>{registration.text}</span>
        </p>
        {event.summary ? <p>{event.summary}</p> : null}
        <dl className="event-card-facts">
          <KindFacts event={event} />
          <dt>{t.when}</dt>
          <dd>{periodWords(event)}</dd>
          {event.venue ? (
            <>
              <dt>{t.where}</dt>
              <dd>{placeWords(event.venue)}</dd>
            </>
          ) : null}
          {event.themes.length > 0 ? (
            <>
              <dt>{t.themes}</dt>
              <dd>{themeWords(event.themes)}</dd>
            </>
          ) : null}
          {event.status === 'cancelled' && event.cancellationReason ? (
            <>
              <dt>{t.cancellationReason}</dt>
              <dd>{event.cancellationReason}</dd>
            </>
          ) : null}
        </dl>
      </article>
    </li>
  );
}

function KindFacts({ event }: { readonly event: EventSummary }) {
  switch (event.kind) {
    case 'deutschlandforum':
      return event.forum ? (
        <>
          <dt>{t.leitgedanke}</dt>
          <dd>„{event.forum.leitgedanke}“</dd>
        </>
      ) : null;
    case 'innovators-lounge':
      return event.lounge ? (
        <>
          <dt>{t.host}</dt>
          <dd>{words.host(event.lounge.host.name, words.federalStates[event.lounge.host.federalState])}</dd>
          <dt>{t.topic}</dt>
          <dd>{event.lounge.topic}</dd>
        </>
      ) : null;
    case 'kommunalzirkel':
      return (
        <>
          {event.targetGroup ? (
            <>
              <dt>{t.targetGroup}</dt>
              <dd>{targetGroupWords(event.targetGroup)}</dd>
            </>
          ) : null}
          {event.circle ? (
            <>
              <dt>{t.modules}</dt>
              <dd>{words.moduleCount(event.circle.moduleCount)}</dd>
            </>
          ) : null}
        </>
      );
  }
}
