import { Actor } from '@ic/contracts';
import { ForbiddenError, NotFoundError, RuleViolationError } from '@ic/platform';
import { Member } from '../../members/member';
import { MemberMessages } from '../../members/member.messages';
import { InMemoryMembers } from '../../testing/in-memory-members';
import { EXAMPLE_MEMBER_ID, newMember } from '../../testing/member-factories';
import { WorkingGroupMessages } from '../working-group.messages';
import { WorkingGroupsRepository } from '../working-groups.repository';
import { ChangeWorkingGroupUseCase } from './change-working-group.usecase';
import { mock } from 'jest-mock-extended';

const memberId = EXAMPLE_MEMBER_ID;
const staff: Actor = { subject: 'staff-1', role: 'staff' };
const self: Actor = { subject: memberId, role: 'member' };

function newTestUseCase(found: { member?: Member; group?: boolean }) {
  const members = new InMemoryMembers(found.member ?? null);
  const groups = mock<WorkingGroupsRepository>({
    findById: (id: string) =>
      Promise.resolve(
        found.group === false ? null : { id, name: 'Digitales', createdBy: staff, createdAt: new Date() },
      ),
  });
  const sut = new ChangeWorkingGroupUseCase(members.repository(), groups);
  return { sut, updates: members.writes };
}

describe(ChangeWorkingGroupUseCase.name, () => {
  it('lets the office put a member into a group, with the event naming the office as the one who changed it', async () => {
    const { sut, updates } = newTestUseCase({ member: newMember() });

    const reply = await sut.add('digitales', memberId, staff, 'corr-1');

    expect(reply.workingGroups).toEqual(['digitales']);
    expect(updates).toHaveLength(1);
    expect(updates[0].events.map((event) => [event.type, event.subject, event.correlationId])).toEqual([
      ['de.dstgb.ic.membership.MemberJoinedWorkingGroup.v1', memberId, 'corr-1'],
    ]);
    expect(updates[0].events[0].data).toEqual({ memberId, workingGroupId: 'digitales', changedBy: staff });
  });

  it('lets the office take a member out, also one whose membership has ended', async () => {
    const { sut, updates } = newTestUseCase({
      member: newMember({ status: 'inactive', workingGroups: ['digitales', 'nachhaltigkeit'] }),
    });

    const reply = await sut.remove('digitales', memberId, staff);

    expect(reply.workingGroups).toEqual(['nachhaltigkeit']);
    expect(updates[0].events.map((event) => event.type)).toEqual([
      'de.dstgb.ic.membership.MemberLeftWorkingGroup.v1',
    ]);
  });

  it('changes nothing when the member is in the group already, or not in it', async () => {
    const inGroup = newTestUseCase({ member: newMember({ workingGroups: ['digitales'] }) });
    await expect(inGroup.sut.add('digitales', memberId, staff)).resolves.toMatchObject({
      workingGroups: ['digitales'],
    });
    const notInGroup = newTestUseCase({ member: newMember() });
    await expect(notInGroup.sut.remove('digitales', memberId, staff)).resolves.toMatchObject({
      workingGroups: [],
    });
    expect([...inGroup.updates, ...notInGroup.updates]).toHaveLength(0);
  });

  it('refuses to put a member whose membership has ended into a group', async () => {
    const { sut, updates } = newTestUseCase({ member: newMember({ status: 'inactive' }) });

    await expect(sut.add('digitales', memberId, staff)).rejects.toThrow(
      new RuleViolationError(WorkingGroupMessages.membershipEnded),
    );
    expect(updates).toHaveLength(0);
  });

  it('answers not found for an unknown group or member', async () => {
    await expect(
      newTestUseCase({ member: newMember(), group: false }).sut.add('x1', memberId, staff),
    ).rejects.toThrow(new NotFoundError(WorkingGroupMessages.notFound));
    await expect(newTestUseCase({}).sut.add('digitales', memberId, staff)).rejects.toThrow(
      new NotFoundError(MemberMessages.notFound),
    );
  });

  it('keeps adding and removing others to the office, and joining and leaving to the member themselves', async () => {
    const { sut, updates } = newTestUseCase({ member: newMember() });

    await expect(sut.add('digitales', memberId, self)).rejects.toThrow(ForbiddenError);
    await expect(sut.remove('digitales', memberId, self)).rejects.toThrow(ForbiddenError);
    await expect(sut.join('digitales', staff)).rejects.toThrow(ForbiddenError);
    await expect(sut.join('digitales', self)).resolves.toMatchObject({ workingGroups: ['digitales'] });
    expect(updates).toHaveLength(1);
  });
});
