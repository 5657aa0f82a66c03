import { Actor, exampleProfile, InviteMemberRequest, MemberInvitedEvent } from '@ic/contracts';
import { ConflictError, ForbiddenError, RuleViolationError, SecretBox } from '@ic/platform';
import { ConfigService } from '@nestjs/config';
import { MembershipEnv } from '../../membership.env';
import { InMemoryInvitations } from '../../testing/in-memory-invitations';
import { notedClaims } from '../../testing/noted-claims';
import { InviteMemberUseCase } from './invite-member.usecase';

const staff: Actor = { subject: 'staff-1', role: 'staff' };
const now = new Date('2026-11-21T10:00:00.000Z');
const sealer = SecretBox.fromBase64Key(Buffer.alloc(32, 7).toString('base64'));

/** The appointment of the contracts' example person, with a personal message. */
const request: InviteMemberRequest = {
  ...exampleProfile,
  themes: [...exampleProfile.themes],
  personalMessage: 'Wir freuen uns auf Sie.',
};

/** The use case on invitations in memory; `steps` lists claims and releases with the writes before each. */
function newTestUseCase() {
  const invitations = new InMemoryInvitations(null);
  const { claims, steps } = notedClaims(invitations.writes);
  const config = new ConfigService<MembershipEnv, true>({ INVITATION_VALIDITY_DAYS: 30 });
  const sut = new InviteMemberUseCase(invitations.repository(), claims, sealer, config, { now: () => now });
  return { sut, writes: invitations.writes, claims, steps };
}

describe(InviteMemberUseCase.name, () => {
  describe('execute', () => {
    it('stores an open invitation with MemberInvited, the address claimed before the write', async () => {
      const { sut, writes, steps } = newTestUseCase();

      const reply = await sut.execute(request, staff, 'corr-1');

      expect(reply).toMatchObject({ status: 'open', sentCount: 1, email: exampleProfile.email });
      expect(steps).toEqual([`claim ${exampleProfile.email} after 0 write(s)`]);
      const [{ next, events }] = writes;
      expect(next).toMatchObject({ id: reply.id, expiresAt: new Date('2026-12-21T10:00:00.000Z') });
      expect(events.map((event) => [event.type, event.subject, event.correlationId])).toEqual([
        [MemberInvitedEvent.type, reply.id, 'corr-1'],
      ]);
      expect(events[0].data).toMatchObject({
        invitedBy: staff,
        profile: exampleProfile,
        personalMessage: 'Wir freuen uns auf Sie.',
      });
    });

    it('stores nothing and frees its claim when the address is taken', async () => {
      const { sut, writes, claims, steps } = newTestUseCase();
      claims.claim.mockRejectedValue(
        new ConflictError('Für diese E-Mail-Adresse gibt es bereits eine Einladung.'),
      );

      await expect(sut.execute(request, staff)).rejects.toThrow(ConflictError);

      expect(writes).toEqual([]);
      expect(steps).toEqual([`release ${exampleProfile.email} after 0 write(s)`]);
    });

    it('refuses a Kommune without its municipality before claiming anything', async () => {
      const { sut, writes, claims } = newTestUseCase();

      await expect(sut.execute({ ...request, municipality: undefined }, staff)).rejects.toThrow(
        RuleViolationError,
      );

      expect(claims.claim).not.toHaveBeenCalled();
      expect(writes).toEqual([]);
    });

    it('is the office’s: a member is refused', async () => {
      const { sut, writes } = newTestUseCase();

      await expect(sut.execute(request, { subject: 'member-1', role: 'member' })).rejects.toThrow(
        ForbiddenError,
      );
      expect(writes).toEqual([]);
    });
  });
});
