import { RuleViolationError } from '../errors';
import { createHash } from 'node:crypto';

/**
 * Opaque page cursors: the sort key of the last item of a page, tied to its list and protected by
 * a checksum, so that a cursor that was changed or belongs to another list is refused instead of
 * silently starting somewhere else. The request's check makes sure a cursor has a cursor's form
 * (400 otherwise); one of that form that names no page of this list breaks the rule to send back
 * `nextCursor` unchanged: a 422.
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

/** The refusal of a cursor that names no page of the list. */
export function cursorNamesNoPage(): RuleViolationError {
  return new RuleViolationError('Die Angabe zum Weiterblättern ist ungültig.', [
    {
      field: 'cursor',
      message: 'cursor ist ungültig; verwenden Sie nextCursor der vorigen Seite unverändert',
    },
  ]);
}

export function decodeCursor(list: CursorList, cursor: string): string {
  const bytes = Buffer.from(cursor, 'base64url');
  const parts = bytes.toString('utf8').split(SEPARATOR);
  const [cursorList, key, check] = parts;
  // Only the exact text encodeCursor made: base64url also decodes variants with extra characters.
  const canonical = bytes.toString('base64url') === cursor;
  if (!canonical || parts.length !== 3 || cursorList !== list || !key || check !== checksum(list, key)) {
    throw cursorNamesNoPage();
  }
  return key;
}

export const DEFAULT_PAGE_SIZE = 20;
