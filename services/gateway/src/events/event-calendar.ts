import { ClubEventReply } from '@ic/contracts';
import { calendarEntriesOf, eventPageLink, writeCalendar } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { GatewayEnv } from '../gateway.env';
import { fileNameSlug } from '../http/content-disposition';

export const CALENDAR_CONTENT_TYPE = 'text/calendar; charset=utf-8';
export const FEED_NAME = 'Innovators Club – Veranstaltungen';
export const FEED_FILE_NAME = 'innovators-club-veranstaltungen.ics';
/** Calendar programs fetch a subscribed feed about this often. */
const FEED_REFRESH_MINUTES = 60;

/** The iCalendar files the gateway serves: one per event, and the feed of all published events. */
@Injectable()
export class EventCalendar {
  private readonly baseUrl: string;

  constructor(config: ConfigService<GatewayEnv, true>) {
    this.baseUrl = config.get('LINK_BASE_URL', { infer: true }).replace(/\/+$/, '');
  }

  ofEvent(event: ClubEventReply): string {
    return writeCalendar({ entries: calendarEntriesOf(event, { eventUrl: this.eventUrl }) });
  }

  /**
   * Published events only (a faulty reply with a draft would not put it into people's calendars),
   * cancelled ones included so that subscribed calendars drop them. In a fixed order and stamped
   * with each event's last change, so the same state gives the same file and the same ETag.
   */
  feed(events: readonly ClubEventReply[]): string {
    const entries = published(events)
      .flatMap((event) => calendarEntriesOf(event, { eventUrl: this.eventUrl }))
      .sort(
        (a, b) => a.startsAt.getTime() - b.startsAt.getTime() || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0),
      );
    return writeCalendar({
      name: FEED_NAME,
      description: 'Deutschlandforen, Innovators Lounges und Kommunalzirkel des Innovators Club im DStGB',
      refreshIntervalMinutes: FEED_REFRESH_MINUTES,
      entries,
    });
  }

  /** The latest change of any event in the feed, for Last-Modified. */
  lastModified(events: readonly ClubEventReply[]): Date | undefined {
    const times = published(events)
      .map((event) => Date.parse(event.updatedAt))
      .filter((time) => !Number.isNaN(time));
    return times.length ? new Date(Math.max(...times)) : undefined;
  }

  /** The event's page in the member portal (URL and the description's link of each entry). */
  private readonly eventUrl = (eventId: string): string => eventPageLink(this.baseUrl, eventId);
}

function published(events: readonly ClubEventReply[]): ClubEventReply[] {
  return events.filter((event) => event.status !== 'draft');
}

/** `innovators-lounge-ulm-die-smarte-stadt-im-alltag.ics` */
export function calendarFileName(event: ClubEventReply): string {
  const slug = fileNameSlug(event.title);
  return `${slug || 'veranstaltung'}.ics`;
}
