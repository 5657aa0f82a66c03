import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { components } from '../../api/openapi';
import { formatDateTime, formatPeriod } from '../../format/dates';
import { texts } from '../../texts';

type EventSummary = components['schemas']['EventSummaryResponse'];

const t = texts.home.event;

/** Statuses worth a badge in a short list: what a member can do now, or that it will not take place. */
const STATUS_BADGES: Partial<Record<EventSummary['status'], string>> = {
  'registration-open': 'badge badge-success',
  cancelled: 'badge badge-danger',
};

export function eventDate(event: Pick<EventSummary, 'startsAt' | 'endsAt'>): string {
  if (event.startsAt && event.endsAt) return formatPeriod(event.startsAt, event.endsAt);
  if (event.startsAt) return formatDateTime(event.startsAt);
  return t.dateOpen;
}

function eventPlace(event: EventSummary): string {
  if (!event.venue) return t.placeOpen;
  return event.venue.name === event.venue.city
    ? event.venue.city
    : `${event.venue.name}, ${event.venue.city}`;
}

/** One event in a short list (front page, start page): kind, title as the link, date and place. */
export function EventTeaser({
  event,
  children,
}: {
  readonly event: EventSummary;
  readonly children?: ReactNode;
}) {
  const statusBadge = STATUS_BADGES[event.status];
  return (
    <li className="card event-teaser">
      <h3>
        <Link to={`/veranstaltungen/${event.eventId}`}>{event.title}</Link>
      </h3>
      <p className="event-teaser-badges">
        <span className="badge">{t.kinds[event.kind]}</span>
        {statusBadge ? <span className={statusBadge}>{t.statuses[event.status]}</span> : null}
      </p>
      <dl className="facts">
        <dt>{t.dateLabel}</dt>
        <dd>{eventDate(event)}</dd>
        <dt>{t.placeLabel}</dt>
        <dd>{eventPlace(event)}</dd>
      </dl>
      {children}
    </li>
  );
}
