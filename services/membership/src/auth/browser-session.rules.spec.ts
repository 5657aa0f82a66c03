import { createHash } from 'node:crypto';
import {
  browserSessionIdOf,
  BrowserSessionLifetimes,
  newBrowserSession,
  RENEWAL_INTERVAL_MS,
  renewedExpiry,
} from './browser-session.rules';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
const lifetimes = BrowserSessionLifetimes.fromEnv({
  MEMBER_BROWSER_SESSION_DAYS: 30,
  STAFF_BROWSER_SESSION_HOURS: 10,
});
const start = new Date('2026-11-21T10:00:00.000Z');
const later = (ms: number) => new Date(start.getTime() + ms);
const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');

describe('browser session rules', () => {
  describe(browserSessionIdOf.name, () => {
    it('is a version 4 UUID that follows from the hash alone and is not the hash', () => {
      const hash = hashOf('geheimnis-1');
      const id = browserSessionIdOf(hash);
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(browserSessionIdOf(hash)).toBe(id);
      expect(browserSessionIdOf(hashOf('geheimnis-2'))).not.toBe(id);
      expect(hash).not.toContain(id.replaceAll('-', '').slice(0, 12));
    });
  });

  describe(newBrowserSession.name, () => {
    it('lasts 30 days for a member and 10 hours for the office', () => {
      const member = newBrowserSession('member-1', 'member', hashOf('a'), start, lifetimes);
      const staff = newBrowserSession('staff-1', 'staff', hashOf('b'), start, lifetimes);
      expect(member).toEqual({
        id: browserSessionIdOf(hashOf('a')),
        kind: 'browser',
        subject: 'member-1',
        role: 'member',
        createdAt: start,
        expiresAt: later(30 * DAY_MS),
      });
      expect(staff.expiresAt).toEqual(later(10 * HOUR_MS));
    });
  });

  describe(renewedExpiry.name, () => {
    const member = newBrowserSession('member-1', 'member', hashOf('a'), start, lifetimes);

    it('moves a member session on by a full lifetime once a day has passed since the last move', () => {
      const now = later(RENEWAL_INTERVAL_MS);
      expect(renewedExpiry(member, now, lifetimes)).toEqual(later(RENEWAL_INTERVAL_MS + 30 * DAY_MS));
      const renewed = { ...member, renewedAt: now };
      expect(renewedExpiry(renewed, later(RENEWAL_INTERVAL_MS + 23 * HOUR_MS), lifetimes)).toBeUndefined();
      expect(renewedExpiry(renewed, later(2 * RENEWAL_INTERVAL_MS), lifetimes)).toEqual(
        later(2 * RENEWAL_INTERVAL_MS + 30 * DAY_MS),
      );
    });

    it('does not move it within the first day', () => {
      expect(renewedExpiry(member, later(RENEWAL_INTERVAL_MS - 1), lifetimes)).toBeUndefined();
    });

    it("never moves the office's session, nor a session behind access tokens", () => {
      const staff = newBrowserSession('staff-1', 'staff', hashOf('b'), start, lifetimes);
      expect(renewedExpiry(staff, later(9 * HOUR_MS), lifetimes)).toBeUndefined();
      expect(renewedExpiry({ ...member, kind: 'token' }, later(2 * DAY_MS), lifetimes)).toBeUndefined();
    });
  });
});
