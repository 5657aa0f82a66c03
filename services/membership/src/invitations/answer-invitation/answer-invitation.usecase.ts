import {
  DeclineInvitationRequest,
  InvitationAcceptanceRequest,
  InvitationAcceptedReply,
} from '@ic/contracts';
import { retryOnConcurrentChange } from '@ic/persistence';
import { Clock, hashLinkToken, NotFoundError } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { BrowserSessionsService } from '../../auth/browser-sessions.service';
import { ActivateMemberUseCase } from '../../members/activate-member/activate-member.usecase';
import { EmailClaimsService } from '../../members/email-claims/email-claims.service';
import { MembersRepository } from '../../members/members.repository';
import { Invitation } from '../invitation';
import { InvitationAggregate } from '../invitation.aggregate';
import { InvitationOutcomesService } from '../invitation-outcomes.service';
import { answerProblem, invitationStatusAt, InvitationMessages } from '../invitation.rules';
import { InvitationsRepository } from '../invitations.repository';

/**
 * The invited person answers with the link from the mail, without an account: accepting ("sagt
 * zu") makes them an active member, declining closes the invitation. One answer per invitation.
 */
@Injectable()
export class AnswerInvitationUseCase {
  constructor(
    private readonly invitations: InvitationsRepository,
    private readonly outcomes: InvitationOutcomesService,
    private readonly members: MembersRepository,
    private readonly activateMember: ActivateMemberUseCase,
    private readonly claims: EmailClaimsService,
    private readonly browserSessions: BrowserSessionsService,
    private readonly clock: Clock,
  ) {}

  /**
   * With `sessionSecretHash` the new member is signed in at once (a browser session, the cookie's
   * secret hashed by the gateway): the invitation's token proves the person as a sign-in link would.
   */
  async accept(
    request: InvitationAcceptanceRequest,
    correlationId?: string,
  ): Promise<InvitationAcceptedReply> {
    const invitation = await this.invitationWithToken(request.token);
    const outcome = await this.outcomes.settle(invitation, 'accepted', {
      problemOf: (existing) => answerProblem(invitation, existing, this.clock.now()),
      effectsComplete: async () =>
        invitation.status !== 'open' && (await this.members.findById(invitation.id)) !== null,
    });
    await this.activateMember.execute({
      memberId: invitation.id,
      profile: invitation.profile,
      joinedAt: outcome.at,
      correlationId,
    });
    await this.answer(invitation.id, (current) => current.accept(outcome));
    if (!request.sessionSecretHash) return { memberId: invitation.id };
    const session = await this.browserSessions.open(invitation.id, 'member', request.sessionSecretHash);
    return { memberId: invitation.id, session };
  }

  async decline(request: DeclineInvitationRequest, correlationId?: string): Promise<{ declined: true }> {
    const invitation = await this.invitationWithToken(request.token);
    const outcome = await this.outcomes.settle(invitation, 'declined', {
      problemOf: (existing) => answerProblem(invitation, existing, this.clock.now()),
      effectsComplete: () => Promise.resolve(invitation.status !== 'open'),
    });
    const declined = await this.answer(
      invitation.id,
      (current) => current.decline(outcome, request.reason),
      correlationId,
    );
    await this.claims.release(declined.profile.email, declined.id);
    return { declined: true };
  }

  private async invitationWithToken(token: string): Promise<Invitation> {
    const invitation = await this.invitations.findByTokenHash(hashLinkToken(token));
    if (!invitation) throw new NotFoundError(InvitationMessages.notFound);
    if (invitation.status === 'open' && invitationStatusAt(invitation, this.clock.now()) === 'expired') {
      // An expired invitation no longer holds its address; a new one may be sent to it.
      await this.claims.release(invitation.profile.email, invitation.id);
    }
    return invitation;
  }

  /** Writes the settled answer into the invitation (status, time, events) unless it is there already. */
  private answer(
    invitationId: string,
    act: (invitation: InvitationAggregate) => void,
    correlationId?: string,
  ): Promise<Invitation> {
    return retryOnConcurrentChange(async () => {
      const invitation = await this.invitations.load(invitationId);
      if (!invitation) throw new NotFoundError(InvitationMessages.notFound);
      act(invitation);
      return this.invitations.save(invitation, { correlationId });
    });
  }
}
