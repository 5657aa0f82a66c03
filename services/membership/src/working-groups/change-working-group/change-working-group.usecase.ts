import {
  Actor,
  MemberJoinedWorkingGroupEvent,
  MemberLeftWorkingGroupEvent,
  MemberReply,
} from '@ic/contracts';
import { OutboxEventFactory, retryOnConcurrentChange } from '@ic/messaging';
import { NotFoundError, requireMember, RuleViolationError } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { isActive } from '../../members/member';
import { toMemberReply } from '../../members/member.mapper';
import { MemberMessages } from '../../members/member.messages';
import { MembersRepository } from '../../members/members.repository';
import { WorkingGroupsRepository } from '../working-groups.repository';

export const WorkingGroupMessages = {
  notFound: 'Diese Arbeitsgruppe gibt es nicht.',
} as const;

/** A member joins or leaves a working group, for themselves; doing it twice changes nothing. */
@Injectable()
export class ChangeWorkingGroupUseCase {
  constructor(
    private readonly members: MembersRepository,
    private readonly groups: WorkingGroupsRepository,
    private readonly events: OutboxEventFactory,
  ) {}

  join(workingGroupId: string, actor: Actor, correlationId?: string): Promise<MemberReply> {
    return this.change('join', workingGroupId, actor, correlationId);
  }

  leave(workingGroupId: string, actor: Actor, correlationId?: string): Promise<MemberReply> {
    return this.change('leave', workingGroupId, actor, correlationId);
  }

  private async change(
    change: 'join' | 'leave',
    workingGroupId: string,
    actor: Actor,
    correlationId?: string,
  ): Promise<MemberReply> {
    requireMember(actor);
    if (!(await this.groups.findById(workingGroupId))) throw new NotFoundError(WorkingGroupMessages.notFound);
    const member = await retryOnConcurrentChange(async () => {
      const current = await this.members.findById(actor.subject);
      if (!current) throw new NotFoundError(MemberMessages.notFound);
      if (!isActive(current)) throw new RuleViolationError(MemberMessages.ownMembershipEnded);
      const isIn = current.workingGroups.includes(workingGroupId);
      if ((change === 'join') === isIn) return current;
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
