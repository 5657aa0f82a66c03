import { Page } from '@ic/contracts';
import { cursorNamesNoPage, decodeCursor, encodeCursor } from '@ic/platform';

/** Where a list ordered by time, then id, stands: the last item's time and id. */
export interface TimeAndId {
  readonly at: Date;
  readonly id: string;
}

/** The cursor after `position` in `list` (see the platform's page cursors). */
export function encodeTimeCursor(list: string, position: TimeAndId): string {
  return encodeCursor(list, `${position.at.toISOString()}|${position.id}`);
}

export function decodeTimeCursor(list: string, cursor: string): TimeAndId {
  const key = decodeCursor(list, cursor);
  const separator = key.indexOf('|');
  const at = new Date(key.slice(0, separator));
  const id = key.slice(separator + 1);
  // The checksum tells a changed cursor, not a made one: its parts are checked too.
  if (separator < 0 || Number.isNaN(at.getTime()) || at.toISOString() !== key.slice(0, separator) || !id) {
    throw cursorNamesNoPage();
  }
  return { at, id };
}

/**
 * One page of a list read with one item more than `limit`: the first `limit` items as replies and,
 * if there are more, the cursor after the last of them.
 */
export function pageOf<T, R>(
  found: readonly T[],
  limit: number,
  toReply: (item: T) => R,
  cursorAfter: (last: T) => string,
): Page<R> {
  const items = found.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map((item) => toReply(item)),
    nextCursor: found.length > limit && last ? cursorAfter(last) : null,
  };
}

/**
 * The part of a database query that finds what comes after `position` in a list sorted by `field`,
 * then by id, both newest first; nothing when the list starts at the top.
 */
export function newestFirstAfter<F extends string>(
  field: F,
  position: ({ readonly id: string } & Readonly<Record<F, Date>>) | undefined,
) {
  if (!position) return {};
  const at = position[field];
  return { $or: [{ [field]: { $lt: at } }, { [field]: at, _id: { $lt: position.id } }] };
}
