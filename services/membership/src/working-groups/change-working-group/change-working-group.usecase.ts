import {
  Actor,
  MemberJoinedWorkingGroupEvent,
  MemberLeftWorkingGroupEvent,
  MemberReply,
} from '@ic/contracts';
import { OutboxEventFactory } from '@ic/messaging';
import { retryOnConcurrentChange } from '@ic/persistence';
import { NotFoundError, requireMember, requireStaff, RuleViolationError } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { isActive } from '../../members/member';
import { toMemberReply } from '../../members/member.mapper';
import { MemberMessages } from '../../members/member.messages';
import { MembersRepository } from '../../members/members.repository';
import { WorkingGroupsRepository } from '../working-groups.repository';

export const WorkingGroupMessages = {
  notFound: 'Diese Arbeitsgruppe gibt es nicht.',
  membershipEnded: 'Die Mitgliedschaft dieser Person ist beendet; sie kann keiner Arbeitsgruppe beitreten.',
} as const;

/**
 * A member joins or leaves a working group, for themselves, or the office puts a member in or takes
 * them out; doing it twice changes nothing.
 */
@Injectable()
export class ChangeWorkingGroupUseCase {
  constructor(
    private readonly members: MembersRepository,
    private readonly groups: WorkingGroupsRepository,
    private readonly events: OutboxEventFactory,
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
    const member = await retryOnConcurrentChange(async () => {
      const current = await this.members.findById(memberId);
      if (!current) throw new NotFoundError(MemberMessages.notFound);
      if (actor.role === 'member' && !isActive(current)) {
        throw new RuleViolationError(MemberMessages.ownMembershipEnded);
      }
      const isIn = current.workingGroups.includes(workingGroupId);
      if ((change === 'join') === isIn) return current;
      if (change === 'join' && !isActive(current)) {
        throw new RuleViolationError(WorkingGroupMessages.membershipEnded);
      }
      const contract = change === 'join' ? MemberJoinedWorkingGroupEvent : MemberLeftWorkingGroupEvent;
      const event = this.events.create(
        contract,
        current.id,
        { memberId: current.id, workingGroupId, changedBy: actor },
        correlationId,
      );
      const workingGroups =
        change === 'join'
          ? [...current.workingGroups, workingGroupId]
          : current.workingGroups.filter((id) => id !== workingGroupId);
      return this.members.update(current, { ...current, workingGroups }, [event]);
    });
    return toMemberReply(member);
  }
}
