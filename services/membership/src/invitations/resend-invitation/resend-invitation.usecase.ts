import { Actor, InvitationReply, InvitationResentEvent } from '@ic/contracts';
import { OutboxEventFactory } from '@ic/messaging';
import { retryOnConcurrentChange } from '@ic/persistence';
import { Clock, hashLinkToken, newLinkToken, NotFoundError, requireStaff, SecretBox } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EmailClaimsService } from '../../members/email-claims/email-claims.service';
import { MembershipEnv } from '../../membership.env';
import { toInvitationReply } from '../invitation.mapper';
import {
  expiryAfter,
  invitationStatusAt,
  InvitationMessages,
  officeActionProblem,
} from '../invitation.rules';
import { InvitationsRepository } from '../invitations.repository';

/**
 * Sends an open invitation again with a new link and a new expiry; the previous link stops working.
 * An expired invitation may be resent too, as long as no one else has claimed the address since.
 */
@Injectable()
export class ResendInvitationUseCase {
  constructor(
    private readonly invitations: InvitationsRepository,
    private readonly claims: EmailClaimsService,
    private readonly events: OutboxEventFactory,
    private readonly sealer: SecretBox,
    private readonly config: ConfigService<MembershipEnv, true>,
    private readonly clock: Clock,
  ) {}

  async execute(invitationId: string, actor: Actor, correlationId?: string): Promise<InvitationReply> {
    requireStaff(actor);
    return retryOnConcurrentChange(async () => {
      const invitation = await this.invitations.findById(invitationId);
      if (!invitation) throw new NotFoundError(InvitationMessages.notFound);
      const problem = officeActionProblem(invitation, await this.invitations.outcomeOf(invitationId));
      if (problem) throw problem;
      const now = this.clock.now();
      const token = newLinkToken();
      const expiresAt = expiryAfter(now, this.config.get('INVITATION_VALIDITY_DAYS', { infer: true }));
      const resent = this.events.create(
        InvitationResentEvent,
        invitation.id,
        {
          memberId: invitation.id,
          invitationId: invitation.id,
          resentBy: actor,
          expiresAt: expiresAt.toISOString(),
          invitationToken: this.sealer.seal(token),
        },
        correlationId,
      );
      // Claimed again only once the event is made: a refused resend claims nothing.
      if (invitationStatusAt(invitation, now) === 'expired') {
        await this.claims.claim(invitation.profile.email, invitation.id);
      }
      const updated = await this.invitations.update(
        invitation,
        {
          ...invitation,
          tokenHash: hashLinkToken(token),
          expiresAt,
          sentCount: invitation.sentCount + 1,
          lastSentAt: now,
        },
        [resent],
      );
      return toInvitationReply(updated, now);
    });
  }
}
