import { Actor, InvitationReply } from '@ic/contracts';
import { retryOnConcurrentChange } from '@ic/persistence';
import { Clock, newSealedLinkToken, NotFoundError, requireStaff, SecretBox } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EmailClaimsService } from '../../members/email-claims/email-claims.service';
import { MembershipEnv } from '../../membership.env';
import { toInvitationReply } from '../invitation.mapper';
import { expiryAfter, invitationStatusAt, InvitationMessages } from '../invitation.rules';
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
    private readonly sealer: SecretBox,
    private readonly config: ConfigService<MembershipEnv, true>,
    private readonly clock: Clock,
  ) {}

  async execute(invitationId: string, actor: Actor, correlationId?: string): Promise<InvitationReply> {
    requireStaff(actor);
    return retryOnConcurrentChange(async () => {
      const invitation = await this.invitations.load(invitationId);
      if (!invitation) throw new NotFoundError(InvitationMessages.notFound);
      const outcome = await this.invitations.outcomeOf(invitationId);
      const now = this.clock.now();
      // An expired invitation no longer holds its address: resent, it claims it again.
      const expired = invitationStatusAt(invitation.state, now) === 'expired';
      const expiresAt = expiryAfter(now, this.config.get('INVITATION_VALIDITY_DAYS', { infer: true }));
      invitation.resend(actor, outcome, now, expiresAt, newSealedLinkToken(this.sealer));
      const { email } = invitation.state.profile;
      const updated = await this.invitations.save(invitation, {
        correlationId,
        // Claimed again only once the event is made: a refused resend claims nothing.
        ...(expired ? { beforeWrite: () => this.claims.claim(email, invitation.id) } : {}),
      });
      return toInvitationReply(updated, now);
    });
  }
}
