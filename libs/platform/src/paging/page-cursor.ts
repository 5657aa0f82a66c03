import { InvalidInputError } from '../errors';
import { createHash } from 'node:crypto';

/**
 * Opaque page cursors: the sort key of the last item of a page, tied to its list and protected by
 * a checksum, so that a cursor that was changed or belongs to another list is refused with a 400
 * instead of silently starting somewhere else.
 */
/** The list a cursor belongs to, e.g. `directory`; a cursor of one list is refused by another. */
export type CursorList = string;

const SEPARATOR = '\n';

function checksum(list: CursorList, key: string): string {
  return createHash('sha256')
    .update(`ic-cursor${SEPARATOR}${list}${SEPARATOR}${key}`)
    .digest('base64url')
    .slice(0, 16);
}

export function encodeCursor(list: CursorList, key: string): string {
  return Buffer.from([list, key, checksum(list, key)].join(SEPARATOR), 'utf8').toString('base64url');
}

export function decodeCursor(list: CursorList, cursor: string): string {
  const bytes = Buffer.from(cursor, 'base64url');
  const parts = bytes.toString('utf8').split(SEPARATOR);
  const [cursorList, key, check] = parts;
  // Only the exact text encodeCursor made: base64url also decodes variants with extra characters.
  const canonical = bytes.toString('base64url') === cursor;
  if (!canonical || parts.length !== 3 || cursorList !== list || !key || check !== checksum(list, key)) {
    throw new InvalidInputError('Die Angabe zum Weiterblättern ist ungültig.', [
      {
        field: 'cursor',
        message: 'cursor ist ungültig; verwenden Sie nextCursor der vorigen Seite unverändert',
      },
    ]);
  }
  return key;
}

export const DEFAULT_PAGE_SIZE = 20;
