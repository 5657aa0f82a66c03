import { Actor, MemberReply } from '@ic/contracts';
import { retryOnConcurrentChange } from '@ic/persistence';
import { NotFoundError, requireMember, requireStaff } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { toMemberReply } from '../../members/member.mapper';
import { MemberMessages } from '../../members/member.messages';
import { MembersRepository } from '../../members/members.repository';
import { WorkingGroupMessages } from '../working-group.messages';
import { WorkingGroupsRepository } from '../working-groups.repository';

/**
 * A member joins or leaves a working group, for themselves, or the office puts a member in or takes
 * them out; doing it twice changes nothing.
 */
@Injectable()
export class ChangeWorkingGroupUseCase {
  constructor(
    private readonly members: MembersRepository,
    private readonly groups: WorkingGroupsRepository,
  ) {}

  async join(workingGroupId: string, actor: Actor, correlationId?: string): Promise<MemberReply> {
    requireMember(actor);
    return this.change('join', workingGroupId, actor.subject, actor, correlationId);
  }

  async leave(workingGroupId: string, actor: Actor, correlationId?: string): Promise<MemberReply> {
    requireMember(actor);
    return this.change('leave', workingGroupId, actor.subject, actor, correlationId);
  }

  /** The office puts an active member into the group. */
  async add(
    workingGroupId: string,
    memberId: string,
    actor: Actor,
    correlationId?: string,
  ): Promise<MemberReply> {
    requireStaff(actor);
    return this.change('join', workingGroupId, memberId, actor, correlationId);
  }

  /** The office takes a member out of the group (also one whose membership has ended). */
  async remove(
    workingGroupId: string,
    memberId: string,
    actor: Actor,
    correlationId?: string,
  ): Promise<MemberReply> {
    requireStaff(actor);
    return this.change('leave', workingGroupId, memberId, actor, correlationId);
  }

  private async change(
    change: 'join' | 'leave',
    workingGroupId: string,
    memberId: string,
    actor: Actor,
    correlationId?: string,
  ): Promise<MemberReply> {
    if (!(await this.groups.findById(workingGroupId))) throw new NotFoundError(WorkingGroupMessages.notFound);
    const changed = await retryOnConcurrentChange(async () => {
      const member = await this.members.load(memberId);
      if (!member) throw new NotFoundError(MemberMessages.notFound);
      if (change === 'join') member.joinWorkingGroup(workingGroupId, actor);
      else member.leaveWorkingGroup(workingGroupId, actor);
      return this.members.save(member, { correlationId });
    });
    return toMemberReply(changed);
  }
}
