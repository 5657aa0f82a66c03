import {
  Actor,
  AnnouncementPreferenceChangedEvent,
  exampleProfile,
  MemberProfileUpdatedEvent,
} from '@ic/contracts';
import { ConflictError, ForbiddenError, NotFoundError, RuleViolationError } from '@ic/platform';
import { InMemoryMembers } from '../../testing/in-memory-members';
import { EXAMPLE_MEMBER_ID, newMember } from '../../testing/member-factories';
import { notedClaims } from '../../testing/noted-claims';
import { Member } from '../member';
import { MemberMessages } from '../member.messages';
import { UpdateProfileUseCase } from './update-profile.usecase';

const memberId = EXAMPLE_MEMBER_ID;
const self: Actor = { subject: memberId, role: 'member' };
const staff: Actor = { subject: 'staff-1', role: 'staff' };
const newAddress = 'j.beispiel@kalletal.example';

/** The use case on a member in memory; `steps` lists each claim and release with the writes before it. */
function newTestUseCase(member: Member | null = newMember()) {
  const members = new InMemoryMembers(member);
  const { claims, steps } = notedClaims(members.writes);
  const sut = new UpdateProfileUseCase(members.repository(), claims);
  return { sut, writes: members.writes, claims, steps };
}

describe(UpdateProfileUseCase.name, () => {
  describe('updateOwn', () => {
    it('publishes MemberProfileUpdated with the changed fields and the whole profile', async () => {
      const { sut, writes } = newTestUseCase();

      const reply = await sut.updateOwn({ position: 'Bürgermeister' }, self, 'corr-1');

      expect(reply.position).toBe('Bürgermeister');
      expect(writes).toHaveLength(1);
      expect(writes[0].events.map((event) => [event.type, event.correlationId])).toEqual([
        [MemberProfileUpdatedEvent.type, 'corr-1'],
      ]);
      expect(writes[0].events[0].data).toEqual({
        memberId,
        changedBy: self,
        changedFields: ['position'],
        profile: { ...exampleProfile, position: 'Bürgermeister' },
      });
    });

    it('switches the announcement e-mails off with AnnouncementPreferenceChanged (via the profile)', async () => {
      const { sut, writes } = newTestUseCase();

      await expect(sut.updateOwn({ announcementsOptOut: true }, self)).resolves.toMatchObject({
        announcementsOptOut: true,
      });
      expect(writes[0].events.map((event) => event.type)).toEqual([AnnouncementPreferenceChangedEvent.type]);
      expect(writes[0].events[0].data).toEqual({
        memberId,
        announcementsOptOut: true,
        changedBy: self,
        via: 'profile',
      });
    });

    it('writes nothing when nothing changes', async () => {
      const { sut, writes } = newTestUseCase();

      await expect(
        sut.updateOwn({ officeTitle: exampleProfile.officeTitle, themes: [...exampleProfile.themes] }, self),
      ).resolves.toMatchObject({
        id: memberId,
      });
      expect(writes).toEqual([]);
    });

    it('refuses a member whose membership has ended, and an unknown one, writing nothing', async () => {
      const ended = newTestUseCase(
        newMember({ status: 'inactive', leftAt: new Date(), leaveReason: 'left' }),
      );
      await expect(ended.sut.updateOwn({ position: 'Landrat' }, self)).rejects.toThrow(
        new RuleViolationError(MemberMessages.ownMembershipEnded),
      );
      const unknown = newTestUseCase(null);
      await expect(unknown.sut.updateOwn({ position: 'Landrat' }, self)).rejects.toThrow(NotFoundError);
      expect([...ended.writes, ...unknown.writes]).toEqual([]);
    });

    it('is the member’s own: the office uses updateAny', async () => {
      const { sut } = newTestUseCase();

      await expect(sut.updateOwn({ position: 'Landrat' }, staff)).rejects.toThrow(ForbiddenError);
    });
  });

  describe('updateAny', () => {
    it('claims a new address before the write and frees the old one after it', async () => {
      const { sut, writes, steps } = newTestUseCase();

      await expect(sut.updateAny(memberId, { email: newAddress }, staff)).resolves.toMatchObject({
        email: newAddress,
      });

      expect(steps).toEqual([
        `claim ${newAddress} after 0 write(s)`,
        `release ${exampleProfile.email} after 1 write(s)`,
      ]);
      expect(writes[0].events[0].data).toMatchObject({ changedBy: staff, changedFields: ['email'] });
    });

    it('writes nothing and frees nothing when the new address is taken', async () => {
      const { sut, writes, claims } = newTestUseCase();
      claims.claim.mockRejectedValue(new ConflictError('Diese E-Mail-Adresse ist bereits vergeben.'));

      await expect(sut.updateAny(memberId, { email: newAddress }, staff)).rejects.toThrow(ConflictError);

      expect(writes).toEqual([]);
      expect(claims.release).not.toHaveBeenCalled();
    });

    it('is the office’s: a member is refused', async () => {
      const { sut, writes } = newTestUseCase();

      await expect(sut.updateAny(memberId, { firstName: 'Jan' }, self)).rejects.toThrow(ForbiddenError);
      expect(writes).toEqual([]);
    });
  });
});
