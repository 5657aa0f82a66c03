import { ClubEventReply, ClubEventSummaryReply, EventListQuery, Page } from '@ic/contracts';
import { Clock, encodeCursor, NotFoundError } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { isPublished } from './club-event';
import { EventMessages } from './club-event.messages';
import { toSnapshot, toSummaryReply } from './club-event.mapper';
import { ClubEventsRepository } from './club-events.repository';
import { buildEventListQuery } from './list-events/event-list.query';
import { Viewer } from './viewer';

/**
 * How far back the calendar feed reaches, and how much it holds at most: its reply travels as one
 * Kafka message, which the broker takes up to 1 MB.
 */
export const CALENDAR_FEED_DAYS = 365;
export const CALENDAR_FEED_LIMIT = 500;
export const CALENDAR_FEED_MAX_BYTES = 900_000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Reading events: one event with its agenda, pages of summaries, the calendar feed. */
@Injectable()
export class ClubEventsQueries {
  constructor(
    private readonly events: ClubEventsRepository,
    private readonly clock: Clock,
  ) {}

  async get(eventId: string, viewer: Viewer): Promise<ClubEventReply> {
    const event = await this.events.findById(eventId);
    if (!event || (viewer !== 'staff' && !isPublished(event)))
      throw new NotFoundError(EventMessages.notFound);
    return toSnapshot(event);
  }

  async list(query: EventListQuery, viewer: Viewer): Promise<Page<ClubEventSummaryReply>> {
    const plan = buildEventListQuery(query, viewer, this.clock.now());
    const found = await this.events.findSummaries(plan.filter, plan.order, plan.limit + 1);
    const page = found.slice(0, plan.limit);
    const last = page.at(-1);
    return {
      items: page.map(toSummaryReply),
      nextCursor: found.length > plan.limit && last ? encodeCursor(plan.cursorList, last.sortKey) : null,
    };
  }

  /**
   * Every published event that ended within the last year or is still to come (cancelled ones
   * too, so that calendars show the cancellation), in start order. Should that ever exceed the
   * bounds, the events that started longest ago are left out first.
   */
  async calendarFeed(): Promise<ClubEventReply[]> {
    const since = new Date(this.clock.now().getTime() - CALENDAR_FEED_DAYS * DAY_MS);
    const events = await this.events.findAll(
      { $and: [{ status: { $ne: 'draft' } }, { $or: [{ endsAt: { $gte: since } }, { openEnded: true }] }] },
      CALENDAR_FEED_LIMIT,
      -1,
    );
    const feed: ClubEventReply[] = [];
    let bytes = 0;
    for (const snapshot of events.map(toSnapshot)) {
      bytes += Buffer.byteLength(JSON.stringify(snapshot), 'utf8');
      if (bytes > CALENDAR_FEED_MAX_BYTES) break;
      feed.push(snapshot);
    }
    return feed.reverse();
  }
}
