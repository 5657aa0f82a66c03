import { Actor, EraseMemberDataRequest, MemberErasureReply } from '@ic/contracts';
import { RequestIdempotency } from '@ic/messaging';
import { retryOnConcurrentChange } from '@ic/persistence';
import {
  Clock,
  InvalidInputError,
  NotFoundError,
  requireMember,
  requireStaff,
  ServiceUnavailableError,
} from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { SessionsRepository } from '../../auth/sessions.repository';
import { InvitationsRepository } from '../../invitations/invitations.repository';
import { EmailClaimsService } from '../email-claims/email-claims.service';
import { MemberMessages } from '../member.messages';
import { MembersRepository, MemberTombstone } from '../members.repository';

/**
 * Erases a member's personal data (DSGVO Art. 17): the member themselves, or the office. In one
 * write the member document becomes a tombstone (id, `erased`, erasedAt) whose journal is the
 * erasure's events (see MemberAggregate.erase); then their invitation (profile, personal message) is
 * removed, their e-mail addresses are freed for new invitations, their sessions are revoked and the
 * replies kept for retried requests (which show the profile) are forgotten.
 * The other services forget the member when MemberErased reaches them.
 *
 * Erasing an erased member again answers as the first time and finishes those later steps, should
 * the first erasure have stopped in between.
 */
@Injectable()
export class EraseMemberDataUseCase {
  constructor(
    private readonly members: MembersRepository,
    private readonly invitations: InvitationsRepository,
    private readonly claims: EmailClaimsService,
    private readonly sessions: SessionsRepository,
    private readonly storedReplies: RequestIdempotency,
    private readonly clock: Clock,
  ) {}

  async eraseOwn(
    request: EraseMemberDataRequest,
    actor: Actor,
    correlationId?: string,
  ): Promise<MemberErasureReply> {
    requireMember(actor);
    return this.erase(actor.subject, request, actor, correlationId);
  }

  async eraseByStaff(
    memberId: string,
    request: EraseMemberDataRequest,
    actor: Actor,
    correlationId?: string,
  ): Promise<MemberErasureReply> {
    requireStaff(actor);
    return this.erase(memberId, request, actor, correlationId);
  }

  private async erase(
    memberId: string,
    request: EraseMemberDataRequest,
    actor: Actor,
    correlationId?: string,
  ): Promise<MemberErasureReply> {
    if (request.confirm !== true) {
      throw new InvalidInputError(MemberMessages.erasureNotConfirmed, [
        { field: 'confirm', message: 'confirm muss true sein' },
      ]);
    }
    const tombstone = await retryOnConcurrentChange(async () => {
      const member = await this.members.load(memberId);
      if (!member) {
        const erased = await this.members.findTombstone(memberId);
        if (!erased) throw new NotFoundError(MemberMessages.notFound);
        return erased;
      }
      // The journal and the invitation are dropped: whatever they hold must be on Kafka first.
      const published = await Promise.all([
        this.members.allPublished(memberId),
        this.invitations.allPublished(memberId),
      ]);
      if (published.includes(false)) throw new ServiceUnavailableError(MemberMessages.erasureBusy);
      member.erase(actor, this.clock.now());
      return this.members.saveErasure(member, correlationId);
    });
    await this.forgetElsewhere(tombstone);
    return {
      memberId: tombstone.id,
      erasedAt: tombstone.erasedAt.toISOString(),
      message: MemberMessages.erasureDone,
    };
  }

  /** Idempotent, so that erasing again completes an erasure that stopped after its first write. */
  private async forgetElsewhere(tombstone: MemberTombstone): Promise<void> {
    await this.invitations.remove(tombstone.id);
    await this.claims.forgetHolder(tombstone.id);
    await this.sessions.revokeAllOf(tombstone.id, tombstone.erasedAt);
    await this.storedReplies.forgetRepliesAbout(tombstone.id);
  }
}
