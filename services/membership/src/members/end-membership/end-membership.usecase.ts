import { Actor, DeactivationReason, MemberDeactivatedEvent, MemberReply } from '@ic/contracts';
import { OutboxEventFactory } from '@ic/messaging';
import { retryOnConcurrentChange } from '@ic/persistence';
import { Clock, NotFoundError, requireMember, requireStaff, RuleViolationError } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { isActive } from '../member';
import { toMemberReply } from '../member.mapper';
import { MemberMessages } from '../member.messages';
import { MembersRepository } from '../members.repository';

/** active → inactive: the member leaves, or the office ends the membership; with date and reason. */
@Injectable()
export class EndMembershipUseCase {
  constructor(
    private readonly members: MembersRepository,
    private readonly events: OutboxEventFactory,
    private readonly clock: Clock,
  ) {}

  async leave(note: string | undefined, actor: Actor, correlationId?: string): Promise<MemberReply> {
    requireMember(actor);
    return this.end(actor.subject, 'left', note, actor, correlationId);
  }

  async endByStaff(
    memberId: string,
    note: string | undefined,
    actor: Actor,
    correlationId?: string,
  ): Promise<MemberReply> {
    requireStaff(actor);
    return this.end(memberId, 'ended-by-staff', note, actor, correlationId);
  }

  private async end(
    memberId: string,
    reason: DeactivationReason,
    note: string | undefined,
    actor: Actor,
    correlationId?: string,
  ): Promise<MemberReply> {
    const leaveNote = note || undefined;
    const ended = await retryOnConcurrentChange(async () => {
      const member = await this.members.findById(memberId);
      if (!member) throw new NotFoundError(MemberMessages.notFound);
      if (!isActive(member)) {
        throw new RuleViolationError(
          actor.role === 'member' ? MemberMessages.ownMembershipEnded : MemberMessages.alreadyEnded,
        );
      }
      const leftAt = this.clock.now();
      const event = this.events.create(
        MemberDeactivatedEvent,
        member.id,
        {
          memberId: member.id,
          reason,
          ...(leaveNote ? { note: leaveNote } : {}),
          deactivatedBy: actor,
          leftAt: leftAt.toISOString(),
        },
        correlationId,
      );
      return this.members.update(
        member,
        { ...member, status: 'inactive', leftAt, leaveReason: reason, ...(leaveNote ? { leaveNote } : {}) },
        [event],
      );
    });
    return toMemberReply(ended);
  }
}
