import { RuleViolationError } from '@ic/platform';
import { decodeCursor, encodeCursor } from './page-cursor';

describe('page cursors', () => {
  const key = 'mueller\u0001jonas\u00015b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10';

  it('give back the key they were made from, as an opaque base64url text', () => {
    const cursor = encodeCursor('directory', key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]{1,400}$/);
    expect(cursor).not.toContain('mueller');
    expect(decodeCursor('directory', cursor)).toBe(key);
  });

  it('refuse a changed cursor with a 400 naming the field', () => {
    const cursor = encodeCursor('directory', key);
    const changed = Buffer.from(
      Buffer.from(cursor, 'base64url').toString('utf8').replace('mueller', 'meyer'),
    ).toString('base64url');
    expect(() => decodeCursor('directory', changed)).toThrow(RuleViolationError);
    try {
      decodeCursor('directory', changed);
    } catch (error) {
      expect((error as RuleViolationError).errors).toEqual([
        { field: 'cursor', message: expect.any(String) },
      ]);
    }
  });

  it('refuse a cursor of another list and text that is no cursor at all', () => {
    expect(() => decodeCursor('invitations', encodeCursor('directory', key))).toThrow(RuleViolationError);
    expect(() => decodeCursor('directory', 'abc')).toThrow(RuleViolationError);
    expect(() => decodeCursor('directory', '')).toThrow(RuleViolationError);
  });

  it('stay within the 400 characters the page query accepts, even for long names', () => {
    const longKey = `${'ä'.repeat(30)}\u0001${'ø'.repeat(30)}\u00015b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10`;
    expect(encodeCursor('directory', longKey).length).toBeLessThanOrEqual(400);
  });
});
