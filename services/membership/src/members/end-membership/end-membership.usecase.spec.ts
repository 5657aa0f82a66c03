import { Actor, MemberDeactivatedEvent } from '@ic/contracts';
import { ForbiddenError, NotFoundError, RuleViolationError } from '@ic/platform';
import { InMemoryMembers } from '../../testing/in-memory-members';
import { EXAMPLE_MEMBER_ID, newMember } from '../../testing/member-factories';
import { Member } from '../member';
import { MemberMessages } from '../member.messages';
import { EndMembershipUseCase } from './end-membership.usecase';

const memberId = EXAMPLE_MEMBER_ID;
const now = new Date('2027-06-30T09:00:00.000Z');
const self: Actor = { subject: memberId, role: 'member' };
const staff: Actor = { subject: 'staff-1', role: 'staff' };

function newTestUseCase(member: Member | null = newMember()) {
  const members = new InMemoryMembers(member);
  const sut = new EndMembershipUseCase(members.repository(), { now: () => now });
  return { sut, writes: members.writes };
}

describe(EndMembershipUseCase.name, () => {
  describe('leave', () => {
    it('ends the member’s own membership with MemberDeactivated (left, with the note) in one write', async () => {
      const { sut, writes } = newTestUseCase();

      const reply = await sut.leave('Ich wechsle in den Ruhestand.', self, 'corr-1');

      expect(reply).toMatchObject({
        id: memberId,
        status: 'inactive',
        leftAt: now.toISOString(),
        leaveReason: 'left',
      });
      expect(writes).toHaveLength(1);
      expect(writes[0].next).toMatchObject({
        status: 'inactive',
        leaveNote: 'Ich wechsle in den Ruhestand.',
      });
      expect(writes[0].events.map((event) => [event.type, event.subject, event.correlationId])).toEqual([
        [MemberDeactivatedEvent.type, memberId, 'corr-1'],
      ]);
      expect(writes[0].events[0].data).toEqual({
        memberId,
        reason: 'left',
        note: 'Ich wechsle in den Ruhestand.',
        deactivatedBy: self,
        leftAt: now.toISOString(),
      });
    });

    it('keeps no empty note', async () => {
      const { sut, writes } = newTestUseCase();

      await sut.leave('', self);

      expect(writes[0].next).not.toHaveProperty('leaveNote');
      expect(writes[0].events[0].data).not.toHaveProperty('note');
    });

    it('tells a member whose membership has ended that nothing can change, and writes nothing', async () => {
      const { sut, writes } = newTestUseCase(
        newMember({ status: 'inactive', leftAt: now, leaveReason: 'left' }),
      );

      await expect(sut.leave(undefined, self)).rejects.toThrow(
        new RuleViolationError(MemberMessages.ownMembershipEnded),
      );
      expect(writes).toEqual([]);
    });

    it('is the member’s own: the office is refused', async () => {
      const { sut, writes } = newTestUseCase();

      await expect(sut.leave(undefined, staff)).rejects.toThrow(ForbiddenError);
      expect(writes).toEqual([]);
    });
  });

  describe('endByStaff', () => {
    it('ends a membership for the office (ended-by-staff), naming the office', async () => {
      const { sut, writes } = newTestUseCase();

      await expect(sut.endByStaff(memberId, 'Auf eigenen Wunsch per Brief.', staff)).resolves.toMatchObject({
        status: 'inactive',
        leaveReason: 'ended-by-staff',
      });
      expect(writes[0].events[0].data).toMatchObject({ reason: 'ended-by-staff', deactivatedBy: staff });
    });

    it('refuses a membership that has ended already (422) and an unknown member (404)', async () => {
      const ended = newTestUseCase(newMember({ status: 'inactive', leftAt: now, leaveReason: 'left' }));
      await expect(ended.sut.endByStaff(memberId, undefined, staff)).rejects.toThrow(
        new RuleViolationError(MemberMessages.alreadyEnded),
      );
      const unknown = newTestUseCase(null);
      await expect(unknown.sut.endByStaff(memberId, undefined, staff)).rejects.toThrow(NotFoundError);
      expect([...ended.writes, ...unknown.writes]).toEqual([]);
    });

    it('is the office’s: a member is refused', async () => {
      const { sut, writes } = newTestUseCase();

      await expect(sut.endByStaff(memberId, undefined, self)).rejects.toThrow(ForbiddenError);
      expect(writes).toEqual([]);
    });
  });
});
