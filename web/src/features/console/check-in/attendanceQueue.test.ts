import { afterEach, describe, expect, it } from 'vitest';
import {
  ATTENDANCE_QUEUE_KEY,
  enqueueMark,
  markKey,
  newIdempotencyKey,
  readQueue,
  removeMark,
  type AttendanceMark,
} from './attendanceQueue';

const mark = (overrides: Partial<AttendanceMark> = {}): AttendanceMark => ({
  eventId: 'event-1',
  registrationId: 'registration-1',
  attended: true,
  name: 'Anna Beispiel',
  idempotencyKey: newIdempotencyKey(),
  ...overrides,
});

afterEach(() => localStorage.clear());

describe('the door’s queue of marks', () => {
  it('keeps marks in localStorage in their order', () => {
    const first = mark();
    const second = mark({ registrationId: 'registration-2' });
    enqueueMark(first);
    enqueueMark(second);

    expect(JSON.parse(localStorage.getItem(ATTENDANCE_QUEUE_KEY)!)).toEqual([first, second]);
    expect(readQueue()).toEqual([first, second]);
  });

  it('keeps only the last wish per person and module', () => {
    const tick = mark({ personId: 'person-1', moduleId: 'module-1' });
    const otherModule = mark({ personId: 'person-1', moduleId: 'module-2' });
    const undo = mark({ personId: 'person-1', moduleId: 'module-1', attended: false });
    enqueueMark(tick);
    enqueueMark(otherModule);

    expect(enqueueMark(undo)).toEqual([otherModule, undo]);
    expect(markKey(tick)).toBe(markKey(undo));
    expect(markKey(tick)).not.toBe(markKey(otherModule));
  });

  it('takes out the answered mark by its key, not a newer one for the same person', () => {
    const sentTick = mark();
    enqueueMark(sentTick);
    const newerUndo = mark({ attended: false });
    enqueueMark(newerUndo);

    expect(removeMark(sentTick.idempotencyKey)).toEqual([newerUndo]);
    expect(removeMark(newerUndo.idempotencyKey)).toEqual([]);
    expect(localStorage.getItem(ATTENDANCE_QUEUE_KEY)).toBeNull();
  });

  it('reads an unreadable store as empty and skips what is not a mark', () => {
    localStorage.setItem(ATTENDANCE_QUEUE_KEY, '{kaputt');
    expect(readQueue()).toEqual([]);

    const valid = mark();
    localStorage.setItem(ATTENDANCE_QUEUE_KEY, JSON.stringify([{ registrationId: 3 }, valid]));
    expect(readQueue()).toEqual([valid]);
  });

  it('gives keys the gateway takes as Idempotency-Key, each new', () => {
    const key = newIdempotencyKey();

    expect(key).toMatch(/^[A-Za-z0-9_-]{8,100}$/);
    expect(newIdempotencyKey()).not.toBe(key);
  });
});
