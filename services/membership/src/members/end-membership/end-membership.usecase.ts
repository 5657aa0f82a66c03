import { Actor, DeactivationReason, MemberReply } from '@ic/contracts';
import { retryOnConcurrentChange } from '@ic/persistence';
import { Clock, NotFoundError, requireMember, requireStaff } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { toMemberReply } from '../member.mapper';
import { MemberMessages } from '../member.messages';
import { MembersRepository } from '../members.repository';

/** active → inactive: the member leaves, or the office ends the membership; with date and reason. */
@Injectable()
export class EndMembershipUseCase {
  constructor(
    private readonly members: MembersRepository,
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
    const ended = await retryOnConcurrentChange(async () => {
      const member = await this.members.load(memberId);
      if (!member) throw new NotFoundError(MemberMessages.notFound);
      member.end(reason, note, actor, this.clock.now());
      return this.members.save(member, { correlationId });
    });
    return toMemberReply(ended);
  }
}
