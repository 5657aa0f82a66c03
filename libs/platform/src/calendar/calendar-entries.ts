import { CircleModule, ClubEventSnapshot, EventKindNames, Venue } from '@ic/contracts';
import { CalendarEntry, CalendarEntryStatus } from './icalendar';

/** The domain that makes the events' UIDs globally unique (RFC 5545 recommends `id@domain`). */
export const CALENDAR_UID_DOMAIN = 'innovators-club.dstgb.de';

export interface CalendarEntryOptions {
  /** The page of the event, for URL and the description's link. */
  readonly eventUrl?: (eventId: string) => string;
  /**
   * DTSTAMP. Defaults to the event's last change, so that the same revision always gives the same
   * file (and so the same ETag for the feed).
   */
  readonly stampedAt?: Date;
}

/**
 * The calendar entries of an event: one for a Deutschlandforum (its whole span) or a Lounge, one
 * per dated module of a Kommunalzirkel (modules whose date is still open are left out until it is
 * set). Drafts come out TENTATIVE, cancelled events CANCELLED, so that subscribed calendars drop them.
 */
export function calendarEntriesOf(
  event: ClubEventSnapshot,
  options: CalendarEntryOptions = {},
): CalendarEntry[] {
  const url = options.eventUrl?.(event.eventId);
  const common = {
    sequence: event.revision,
    stampedAt: options.stampedAt ?? new Date(event.updatedAt),
    status: statusOf(event),
    url,
    categories: [EventKindNames[event.kind], ...event.themes],
    createdAt: new Date(event.createdAt),
    lastModifiedAt: new Date(event.updatedAt),
  };
  if (event.kind === 'kommunalzirkel') {
    return (event.circle?.modules ?? []).flatMap((module) =>
      module.startsAt && module.endsAt
        ? [
            {
              ...common,
              uid: `${event.eventId}-${module.moduleId}@${CALENDAR_UID_DOMAIN}`,
              startsAt: new Date(module.startsAt),
              endsAt: new Date(module.endsAt),
              summary: `${event.title}: ${module.title}`,
              description: descriptionOf(event, url, moduleLines(module)),
              location: module.place ?? (event.venue && placeOf(event.venue)),
            },
          ]
        : [],
    );
  }
  if (!event.startsAt || !event.endsAt) return [];
  return [
    {
      ...common,
      uid: `${event.eventId}@${CALENDAR_UID_DOMAIN}`,
      startsAt: new Date(event.startsAt),
      endsAt: new Date(event.endsAt),
      summary: event.title,
      description: descriptionOf(event, url, kindLines(event)),
      location: event.venue && placeOf(event.venue),
    },
  ];
}

function statusOf(event: ClubEventSnapshot): CalendarEntryStatus {
  if (event.status === 'cancelled') return 'CANCELLED';
  return event.status === 'draft' ? 'TENTATIVE' : 'CONFIRMED';
}

function descriptionOf(event: ClubEventSnapshot, url: string | undefined, details: string[]): string {
  return [
    ...(event.cancellation ? [`Abgesagt: ${event.cancellation.reason}`, ''] : []),
    ...(event.summary ? [event.summary] : []),
    ...details,
    ...(url ? ['', `Details: ${url}`] : []),
  ].join('\n');
}

function kindLines(event: ClubEventSnapshot): string[] {
  if (event.forum) return [`Leitgedanke: ${event.forum.leitgedanke}`];
  if (event.lounge) return [`Thema: ${event.lounge.topic}`, `Gastgeber: ${event.lounge.host.name}`];
  return [];
}

function moduleLines(module: CircleModule): string[] {
  return module.guidingQuestions.length
    ? ['Leitfragen:', ...module.guidingQuestions.map((question) => `– ${question}`)]
    : [];
}

function placeOf(venue: Venue): string {
  const city = [venue.postalCode, venue.city].filter(Boolean).join(' ');
  return [venue.name, venue.street, city].filter(Boolean).join(', ');
}
