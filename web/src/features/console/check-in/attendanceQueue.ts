/**
 * The door's ticks that the server has not confirmed yet, kept in the browser's localStorage so
 * that a dropped connection (or a closed tab) loses none. One entry per person (and module): a
 * newer tick or undo for the same person replaces the older one, so only the last wish is sent.
 * Each entry carries its own Idempotency-Key: sent twice, it still counts once.
 */
export interface AttendanceMark {
  readonly eventId: string;
  readonly registrationId: string;
  /** The delegation's person; absent for a member's or guest's own registration. */
  readonly personId?: string;
  /** Kommunalzirkel: the module of the check-in. */
  readonly moduleId?: string;
  readonly attended: boolean;
  /** The person's name, for what the page tells about the mark. */
  readonly name: string;
  readonly idempotencyKey: string;
}

export const ATTENDANCE_QUEUE_KEY = 'ic.geschaeftsstelle.einlass';

/** Which person (and module) a mark is for: a newer mark with the same key replaces an older one. */
export function markKey(mark: Pick<AttendanceMark, 'registrationId' | 'personId' | 'moduleId'>): string {
  return [mark.registrationId, mark.personId ?? '', mark.moduleId ?? ''].join('/');
}

/** A fresh key for the gateway's Idempotency-Key header (works without a secure context, too). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `einlass-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

function isMark(value: unknown): value is AttendanceMark {
  if (typeof value !== 'object' || value === null) return false;
  const mark = value as Record<string, unknown>;
  return (
    typeof mark.eventId === 'string' &&
    typeof mark.registrationId === 'string' &&
    typeof mark.attended === 'boolean' &&
    typeof mark.name === 'string' &&
    typeof mark.idempotencyKey === 'string' &&
    (mark.personId === undefined || typeof mark.personId === 'string') &&
    (mark.moduleId === undefined || typeof mark.moduleId === 'string')
  );
}

/** The marks waiting, oldest first (an unreadable store counts as empty). */
export function readQueue(): AttendanceMark[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(ATTENDANCE_QUEUE_KEY) ?? '[]');
    return Array.isArray(stored) ? stored.filter(isMark) : [];
  } catch {
    return [];
  }
}

function writeQueue(marks: readonly AttendanceMark[]): void {
  if (marks.length === 0) localStorage.removeItem(ATTENDANCE_QUEUE_KEY);
  else localStorage.setItem(ATTENDANCE_QUEUE_KEY, JSON.stringify(marks));
}

/** Puts a mark in the queue, in place of an older one for the same person (and module). */
export function enqueueMark(mark: AttendanceMark): AttendanceMark[] {
  const key = markKey(mark);
  const marks = [...readQueue().filter((waiting) => markKey(waiting) !== key), mark];
  writeQueue(marks);
  return marks;
}

/** Takes a mark out once the server has answered it (by its key: a newer mark for the person stays). */
export function removeMark(idempotencyKey: string): AttendanceMark[] {
  const marks = readQueue().filter((waiting) => waiting.idempotencyKey !== idempotencyKey);
  writeQueue(marks);
  return marks;
}
