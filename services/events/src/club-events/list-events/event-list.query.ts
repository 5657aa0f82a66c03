import { EventListQuery, EventListWhen, parseBerlinTime } from '@ic/contracts';
import { decodeCursor, DEFAULT_PAGE_SIZE, RuleViolationError } from '@ic/platform';
import { ClubEventFilter } from '../club-events.repository';
import { Viewer } from '../viewer';

export interface EventListPlan {
  readonly filter: ClubEventFilter;
  /** Upcoming events soonest first, past ones latest first. */
  readonly order: 1 | -1;
  readonly limit: number;
  /** Cursors of one list are refused by the other. */
  readonly cursorList: string;
}

/**
 * The Mongo filter of one page of events. Upcoming: not yet ended (a series with a module still
 * undated counts as upcoming); past: ended. `from`/`to` are Berlin calendar days; an event is in
 * the range when it takes place on any day of it. Only plain comparisons, `$and` and `$or`.
 */
export function buildEventListQuery(query: EventListQuery, viewer: Viewer, now: Date): EventListPlan {
  const when: EventListWhen = query.when ?? 'upcoming';
  const order = when === 'upcoming' ? 1 : -1;
  const cursorList = `events-${when}`;
  const conditions: ClubEventFilter[] = [];
  if (viewer !== 'staff') conditions.push({ status: { $ne: 'draft' } });
  if (query.status) conditions.push({ status: query.status });
  if (query.kind) conditions.push({ kind: query.kind });
  if (query.theme) conditions.push({ themes: query.theme });
  if (query.federalState) conditions.push({ federalStates: query.federalState });
  if (when === 'upcoming') conditions.push({ $or: [{ endsAt: { $gte: now } }, { openEnded: true }] });
  else conditions.push({ endsAt: { $lt: now } }, { openEnded: false });

  const { from, toExclusive } = dateRangeOf(query);
  if (from) conditions.push({ $or: [{ endsAt: { $gt: from } }, { openEnded: true }] });
  if (toExclusive) conditions.push({ startsAt: { $lt: toExclusive } });
  if (query.cursor) {
    const after = decodeCursor(cursorList, query.cursor);
    conditions.push({ sortKey: order === 1 ? { $gt: after } : { $lt: after } });
  }
  return {
    filter: conditions.length > 0 ? { $and: conditions } : {},
    order,
    limit: query.limit ?? DEFAULT_PAGE_SIZE,
    cursorList,
  };
}

/** The range of `from` and `to`, days that exist (the request's check): `to` may not lie before `from`. */
function dateRangeOf(query: EventListQuery): { from?: Date; toExclusive?: Date } {
  const from = query.from ? berlinInstant(query.from, '00:00') : undefined;
  // The end of the day `to`: midnight after it could lie beyond the last year a time may have.
  const toExclusive = query.to ? new Date(berlinInstant(query.to, '23:59:59').getTime() + 1000) : undefined;
  if (from && toExclusive && toExclusive.getTime() <= from.getTime()) {
    const message = 'to darf nicht vor from liegen';
    throw new RuleViolationError(message, [{ field: 'to', message }]);
  }
  return { from, toExclusive };
}

/** A wall time of a day in Berlin that daylight saving never skips or repeats (it changes at 2 and 3 o'clock). */
function berlinInstant(date: string, time: string): Date {
  const parsed = parseBerlinTime(`${date}T${time}`);
  if (!parsed.ok)
    throw new Error(`${date} is not a calendar day (the request's check lets only days through)`);
  return parsed.instant;
}
