import { ConflictError, RuleViolationError } from '@ic/platform';
import { newInvitation } from '../testing/invitation-factories';
import { InvitationOutcome } from './invitation';
import { answerProblem, expiryAfter, invitationStatusAt, officeActionProblem } from './invitation.rules';

const now = new Date('2026-11-21T10:00:00.000Z');

const outcome = (kind: InvitationOutcome['outcome']): InvitationOutcome => ({
  invitationId: '5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10',
  outcome: kind,
  at: now,
});

describe('invitation rules', () => {
  describe(invitationStatusAt.name, () => {
    it('is expired from the moment of expiry while open', () => {
      expect(invitationStatusAt(newInvitation(), now)).toBe('open');
      expect(invitationStatusAt(newInvitation({ expiresAt: now }), now)).toBe('expired');
      expect(invitationStatusAt(newInvitation({ expiresAt: now, status: 'accepted' }), now)).toBe('accepted');
    });
  });

  describe(expiryAfter.name, () => {
    it('adds whole days', () => {
      expect(expiryAfter(now, 30).toISOString()).toBe('2026-12-21T10:00:00.000Z');
    });
  });

  describe(answerProblem.name, () => {
    it('lets an open invitation be answered', () => {
      expect(answerProblem(newInvitation(), null, now)).toBeUndefined();
    });

    it('refuses an answered one with 409, a revoked one and an expired one with 422', () => {
      expect(answerProblem(newInvitation(), outcome('accepted'), now)).toEqual(
        new ConflictError('Diese Einladung wurde bereits beantwortet.'),
      );
      expect(answerProblem(newInvitation({ status: 'declined' }), null, now)).toBeInstanceOf(ConflictError);
      expect(answerProblem(newInvitation(), outcome('revoked'), now)).toBeInstanceOf(RuleViolationError);
      expect(
        answerProblem(newInvitation({ expiresAt: new Date('2026-11-20T10:00:00.000Z') }), null, now),
      ).toEqual(
        new RuleViolationError(
          'Diese Einladung ist abgelaufen. Bitte wenden Sie sich an die Geschäftsstelle.',
        ),
      );
    });
  });

  describe(officeActionProblem.name, () => {
    it('lets the office act on open and expired invitations only', () => {
      expect(officeActionProblem(newInvitation({ expiresAt: new Date(0) }), null)).toBeUndefined();
      expect(officeActionProblem(newInvitation(), outcome('revoked'))).toEqual(
        new ConflictError('Diese Einladung wurde bereits zurückgezogen.'),
      );
      expect(officeActionProblem(newInvitation({ status: 'accepted' }), null)).toBeInstanceOf(ConflictError);
    });
  });
});
