import { Actor, exampleProfile, InvitationResentEvent } from '@ic/contracts';
import { ConflictError, ForbiddenError, hashLinkToken, NotFoundError, SecretBox } from '@ic/platform';
import { ConfigService } from '@nestjs/config';
import { mock } from 'jest-mock-extended';
import { EmailClaimsService } from '../../members/email-claims/email-claims.service';
import { MembershipEnv } from '../../membership.env';
import { InMemoryInvitations } from '../../testing/in-memory-invitations';
import { newInvitation } from '../../testing/invitation-factories';
import { EXAMPLE_MEMBER_ID } from '../../testing/member-factories';
import { Invitation, InvitationOutcome } from '../invitation';
import { ResendInvitationUseCase } from './resend-invitation.usecase';

const invitationId = EXAMPLE_MEMBER_ID;
const staff: Actor = { subject: 'staff-2', role: 'staff' };
const sealer = SecretBox.fromBase64Key(Buffer.alloc(32, 7).toString('base64'));
/** Within the example invitation's validity (until 1 December 2026), and after it. */
const during = new Date('2026-11-20T10:00:00.000Z');
const afterExpiry = new Date('2026-12-05T10:00:00.000Z');

function newTestUseCase(
  invitation: Invitation | null,
  now = during,
  outcome: InvitationOutcome | null = null,
) {
  const invitations = new InMemoryInvitations(invitation, outcome);
  const claims = mock<EmailClaimsService>();
  const config = new ConfigService<MembershipEnv, true>({ INVITATION_VALIDITY_DAYS: 30 });
  const sut = new ResendInvitationUseCase(invitations.repository(), claims, sealer, config, {
    now: () => now,
  });
  return { sut, writes: invitations.writes, claims };
}

describe(ResendInvitationUseCase.name, () => {
  describe('execute', () => {
    it('sends the invitation again with a new link and expiry (InvitationResent), without claiming the address again', async () => {
      const { sut, writes, claims } = newTestUseCase(newInvitation());

      const reply = await sut.execute(invitationId, staff, 'corr-1');

      expect(reply).toMatchObject({ id: invitationId, status: 'open', sentCount: 2 });
      expect(writes).toHaveLength(1);
      const [{ next, events }] = writes;
      expect(next).toMatchObject({
        sentCount: 2,
        lastSentAt: during,
        expiresAt: new Date('2026-12-20T10:00:00.000Z'),
      });
      expect(events.map((event) => [event.type, event.subject, event.correlationId])).toEqual([
        [InvitationResentEvent.type, invitationId, 'corr-1'],
      ]);
      const { invitationToken } = events[0].data as { invitationToken: string };
      expect(next.tokenHash).toBe(hashLinkToken(sealer.open(invitationToken)));
      expect(next.tokenHash).not.toBe(newInvitation().tokenHash);
      expect(claims.claim).not.toHaveBeenCalled();
    });

    it('claims the address again before resending an expired invitation', async () => {
      const { sut, writes, claims } = newTestUseCase(newInvitation(), afterExpiry);

      await sut.execute(invitationId, staff);

      expect(claims.claim).toHaveBeenCalledWith(exampleProfile.email, invitationId);
      expect(writes).toHaveLength(1);
    });

    it('refuses an invitation that was answered, and writes nothing', async () => {
      const answered: InvitationOutcome = { invitationId, outcome: 'accepted', at: during };
      const { sut, writes } = newTestUseCase(newInvitation(), during, answered);

      await expect(sut.execute(invitationId, staff)).rejects.toThrow(ConflictError);
      expect(writes).toEqual([]);
    });

    it('answers 404 for an unknown invitation and 403 for anyone but the office', async () => {
      await expect(newTestUseCase(null).sut.execute(invitationId, staff)).rejects.toThrow(NotFoundError);
      await expect(
        newTestUseCase(newInvitation()).sut.execute(invitationId, { subject: 'member-1', role: 'member' }),
      ).rejects.toThrow(ForbiddenError);
    });
  });
});
