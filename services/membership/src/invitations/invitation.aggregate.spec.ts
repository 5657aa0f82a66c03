import { Actor, exampleProfile } from '@ic/contracts';
import { ConflictError, RecordedFact, RuleViolationError } from '@ic/platform';
import { newInvitation } from '../testing/invitation-factories';
import { EXAMPLE_MEMBER_ID } from '../testing/member-factories';
import { InvitationOutcome } from './invitation';
import { InvitationAggregate, InvitationLink } from './invitation.aggregate';
import { InvitationMessages } from './invitation.rules';

const id = EXAMPLE_MEMBER_ID;
const now = new Date('2026-11-21T10:00:00.000Z');
const expiresAt = new Date('2026-12-21T10:00:00.000Z');
const staff: Actor = { subject: 'staff-1', role: 'staff' };
const link: InvitationLink = { tokenHash: 'new-hash', sealedToken: 'sealed-token' };
const outcome = (kind: InvitationOutcome['outcome']): InvitationOutcome => ({
  invitationId: id,
  outcome: kind,
  at: now,
});
const asRecord = ({ contract, data }: RecordedFact) => ({ type: contract.type, data });

describe(InvitationAggregate.name, () => {
  describe('invite', () => {
    it('opens the invitation with the link stored as its hash and records MemberInvited with it sealed', () => {
      const sut = InvitationAggregate.invite({
        id,
        profile: exampleProfile,
        personalMessage: '',
        invitedBy: staff,
        at: now,
        expiresAt,
        link,
      });

      expect(sut.state).toEqual(
        expect.objectContaining({ status: 'open', tokenHash: 'new-hash', sentCount: 1, lastSentAt: now }),
      );
      expect(sut.state).not.toHaveProperty('personalMessage');
      expect(sut.takeFacts().map(asRecord)).toEqual([
        {
          type: 'de.dstgb.ic.membership.MemberInvited.v1',
          data: {
            memberId: id,
            invitationId: id,
            invitedBy: staff,
            profile: exampleProfile,
            expiresAt: expiresAt.toISOString(),
            invitationToken: 'sealed-token',
          },
        },
      ]);
    });

    it('refuses a profile whose fields do not fit together', () => {
      const profile = { ...exampleProfile, sector: 'Kommune' as const, municipality: undefined };

      expect(() =>
        InvitationAggregate.invite({ id, profile, invitedBy: staff, at: now, expiresAt, link }),
      ).toThrow(RuleViolationError);
    });
  });

  describe('resend', () => {
    it('sends an expired invitation again with a new link and expiry', () => {
      const sut = InvitationAggregate.of(newInvitation({ expiresAt: new Date('2026-11-20T10:00:00.000Z') }));

      sut.resend(staff, null, now, expiresAt, link);

      expect(sut.state).toEqual(
        expect.objectContaining({ tokenHash: 'new-hash', expiresAt, sentCount: 2, lastSentAt: now }),
      );
      expect(sut.takeFacts().map(asRecord)).toEqual([
        {
          type: 'de.dstgb.ic.membership.InvitationResent.v1',
          data: {
            memberId: id,
            invitationId: id,
            resentBy: staff,
            expiresAt: expiresAt.toISOString(),
            invitationToken: 'sealed-token',
          },
        },
      ]);
    });

    it('refuses once the invitation has its answer, also while only the outcome is recorded', () => {
      const sut = InvitationAggregate.of(newInvitation());

      expect(() => sut.resend(staff, outcome('accepted'), now, expiresAt, link)).toThrow(
        new ConflictError(InvitationMessages.answered),
      );
      expect(sut.hasChanges).toBe(false);
    });
  });

  describe('decline', () => {
    it('takes the answer with its reason, once', () => {
      const sut = InvitationAggregate.of(newInvitation());

      sut.decline(outcome('declined'), 'Keine Zeit');

      expect(sut.state).toEqual(
        expect.objectContaining({ status: 'declined', answeredAt: now, declineReason: 'Keine Zeit' }),
      );
      expect(sut.takeFacts().map(asRecord)).toEqual([
        {
          type: 'de.dstgb.ic.membership.InvitationDeclined.v1',
          data: { memberId: id, invitationId: id, reason: 'Keine Zeit' },
        },
      ]);
      sut.decline(outcome('declined'), 'Keine Zeit');
      expect(sut.takeFacts()).toEqual([]);
    });
  });

  describe('accept', () => {
    it('takes the answer without a fact of its own (the new member publishes MemberActivated)', () => {
      const sut = InvitationAggregate.of(newInvitation());

      sut.accept(outcome('accepted'));

      expect(sut.state).toEqual(expect.objectContaining({ status: 'accepted', answeredAt: now }));
      expect(sut.hasChanges).toBe(true);
      expect(sut.takeFacts()).toEqual([]);
    });
  });

  describe('revoke', () => {
    it('withdraws an open invitation with InvitationRevoked, and changes an answered one no more', () => {
      const open = InvitationAggregate.of(newInvitation());
      const answered = InvitationAggregate.of(newInvitation({ status: 'accepted', answeredAt: now }));

      open.revoke(outcome('revoked'), staff);
      answered.revoke(outcome('revoked'), staff);

      expect(open.state).toEqual(expect.objectContaining({ status: 'revoked', answeredAt: now }));
      expect(open.takeFacts().map(asRecord)).toEqual([
        {
          type: 'de.dstgb.ic.membership.InvitationRevoked.v1',
          data: { memberId: id, invitationId: id, revokedBy: staff },
        },
      ]);
      expect(answered.hasChanges).toBe(false);
      expect(answered.takeFacts()).toEqual([]);
    });
  });
});
