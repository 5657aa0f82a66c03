import { exampleProfile } from '@ic/contracts';
import { ConflictError, RuleViolationError } from '@ic/platform';
import { Invitation, InvitationOutcome } from './invitation';
import { answerProblem, expiryAfter, invitationStatusAt, officeActionProblem } from './invitation.rules';

const now = new Date('2026-11-21T10:00:00.000Z');

function invitation(overrides: Partial<Invitation> = {}): Invitation {
  return {
    id: '5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10',
    revision: 0,
    profile: exampleProfile,
    invitedBy: { subject: 'staff-1', role: 'staff' },
    createdAt: new Date('2026-11-01T10:00:00.000Z'),
    expiresAt: new Date('2026-12-01T10:00:00.000Z'),
    tokenHash: 'hash',
    sentCount: 1,
    lastSentAt: new Date('2026-11-01T10:00:00.000Z'),
    status: 'open',
    ...overrides,
  };
}

const outcome = (kind: InvitationOutcome['outcome']): InvitationOutcome => ({
  invitationId: '5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10',
  outcome: kind,
  at: now,
});

describe('invitation rules', () => {
  describe(invitationStatusAt.name, () => {
    it('is expired from the moment of expiry while open', () => {
      expect(invitationStatusAt(invitation(), now)).toBe('open');
      expect(invitationStatusAt(invitation({ expiresAt: now }), now)).toBe('expired');
      expect(invitationStatusAt(invitation({ expiresAt: now, status: 'accepted' }), now)).toBe('accepted');
    });
  });

  describe(expiryAfter.name, () => {
    it('adds whole days', () => {
      expect(expiryAfter(now, 30).toISOString()).toBe('2026-12-21T10:00:00.000Z');
    });
  });

  describe(answerProblem.name, () => {
    it('lets an open invitation be answered', () => {
      expect(answerProblem(invitation(), null, now)).toBeUndefined();
    });

    it('refuses an answered one with 409, a revoked one and an expired one with 422', () => {
      expect(answerProblem(invitation(), outcome('accepted'), now)).toEqual(
        new ConflictError('Diese Einladung wurde bereits beantwortet.'),
      );
      expect(answerProblem(invitation({ status: 'declined' }), null, now)).toBeInstanceOf(ConflictError);
      expect(answerProblem(invitation(), outcome('revoked'), now)).toBeInstanceOf(RuleViolationError);
      expect(
        answerProblem(invitation({ expiresAt: new Date('2026-11-20T10:00:00.000Z') }), null, now),
      ).toEqual(
        new RuleViolationError(
          'Diese Einladung ist abgelaufen. Bitte wenden Sie sich an die Geschäftsstelle.',
        ),
      );
    });
  });

  describe(officeActionProblem.name, () => {
    it('lets the office act on open and expired invitations only', () => {
      expect(officeActionProblem(invitation({ expiresAt: new Date(0) }), null)).toBeUndefined();
      expect(officeActionProblem(invitation(), outcome('revoked'))).toEqual(
        new ConflictError('Diese Einladung wurde bereits zurückgezogen.'),
      );
      expect(officeActionProblem(invitation({ status: 'accepted' }), null)).toBeInstanceOf(ConflictError);
    });
  });
});
