import { EventListQuery, EventListWhen, parseBerlinTime } from '@ic/contracts';
import { decodeCursor, DEFAULT_PAGE_SIZE, FieldError, InvalidInputError } from '@ic/platform';
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

function dateRangeOf(query: EventListQuery): { from?: Date; toExclusive?: Date } {
  const problems: FieldError[] = [];
  const from = query.from ? startOfBerlinDay(query.from, 'from', problems) : undefined;
  const to = query.to ? startOfBerlinDay(query.to, 'to', problems) : undefined;
  const toExclusive = to && query.to ? startOfBerlinDay(nextDay(query.to), 'to', problems) : undefined;
  if (from && toExclusive && toExclusive.getTime() <= from.getTime()) {
    problems.push({ field: 'to', message: 'to darf nicht vor from liegen' });
  }
  if (problems.length > 0) {
    throw new InvalidInputError(
      `Die Anfrage enthält ungültige Felder: ${problems.map((problem) => problem.field).join(', ')}.`,
      problems,
    );
  }
  return { from, toExclusive };
}

/** Midnight in Berlin, which daylight saving never skips (the clocks change at 2 and 3 o'clock). */
function startOfBerlinDay(date: string, field: string, problems: FieldError[]): Date | undefined {
  const parsed = parseBerlinTime(`${date}T00:00`);
  if (parsed.ok) return parsed.instant;
  problems.push({ field, message: `${field}: ${date} ist kein gültiges Datum` });
  return undefined;
}

/** The following calendar day of a valid `YYYY-MM-DD`. */
function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}
