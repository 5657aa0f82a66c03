import { ForbiddenError, UnauthenticatedError } from '@ic/platform';
import {
  mayIssueSignInLink,
  redeemProblem,
  SignInLink,
  SignInLinkMessages,
  signInLinkExpiry,
} from './sign-in-link.rules';

const now = new Date('2026-11-21T10:00:00.000Z');
const link = (expiresAt = new Date('2026-11-21T10:10:00.000Z')): SignInLink => ({
  tokenHash: 'hash',
  memberId: 'm-1',
  createdAt: new Date('2026-11-21T09:55:00.000Z'),
  expiresAt,
});
const active = { status: 'active' as const };
const inactive = { status: 'inactive' as const };

describe('sign-in link rules', () => {
  describe(mayIssueSignInLink.name, () => {
    it('sends links to active members within the hourly limit only', () => {
      expect(mayIssueSignInLink(active, 4, 5)).toBe(true);
      expect(mayIssueSignInLink(active, 5, 5)).toBe(false);
      expect(mayIssueSignInLink(inactive, 0, 5)).toBe(false);
      expect(mayIssueSignInLink(null, 0, 5)).toBe(false);
    });
  });

  describe(signInLinkExpiry.name, () => {
    it('adds the validity in minutes', () => {
      expect(signInLinkExpiry(now, 15).toISOString()).toBe('2026-11-21T10:15:00.000Z');
    });
  });

  describe(redeemProblem.name, () => {
    it('accepts an unused, unexpired link of an active member', () => {
      expect(redeemProblem(link(), false, active, now)).toBeUndefined();
    });

    it('says whether a link is unknown, used or expired (401), or the membership ended (403)', () => {
      expect(redeemProblem(null, false, null, now)).toEqual(
        new UnauthenticatedError(SignInLinkMessages.unknown),
      );
      expect(redeemProblem(link(), true, active, now)).toEqual(
        new UnauthenticatedError(SignInLinkMessages.used),
      );
      expect(redeemProblem(link(now), false, active, now)).toEqual(
        new UnauthenticatedError(SignInLinkMessages.expired),
      );
      expect(redeemProblem(link(), false, inactive, now)).toBeInstanceOf(ForbiddenError);
      expect(SignInLinkMessages.used).not.toBe(SignInLinkMessages.expired);
    });
  });
});
