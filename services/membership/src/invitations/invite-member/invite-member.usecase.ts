import { Actor, InvitationReply, InviteMemberRequest } from '@ic/contracts';
import { Clock, newSealedLinkToken, requireStaff, SecretBox } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { randomUUID } from 'node:crypto';
import { EmailClaimsService } from '../../members/email-claims/email-claims.service';
import { MembershipEnv } from '../../membership.env';
import { InvitationAggregate } from '../invitation.aggregate';
import { profileFromInvitation, toInvitationReply } from '../invitation.mapper';
import { expiryAfter } from '../invitation.rules';
import { InvitationsRepository } from '../invitations.repository';

/**
 * The office appoints a person (Berufung): one open invitation or membership per address, a link
 * token stored only as its hash, and MemberInvited with the sealed token for the invitation mail.
 */
@Injectable()
export class InviteMemberUseCase {
  constructor(
    private readonly invitations: InvitationsRepository,
    private readonly claims: EmailClaimsService,
    private readonly sealer: SecretBox,
    private readonly config: ConfigService<MembershipEnv, true>,
    private readonly clock: Clock,
  ) {}

  async execute(
    request: InviteMemberRequest,
    actor: Actor,
    correlationId?: string,
  ): Promise<InvitationReply> {
    requireStaff(actor);
    const now = this.clock.now();
    const invitation = InvitationAggregate.invite({
      id: randomUUID(),
      profile: profileFromInvitation(request),
      personalMessage: request.personalMessage,
      invitedBy: actor,
      at: now,
      expiresAt: expiryAfter(now, this.config.get('INVITATION_VALIDITY_DAYS', { infer: true })),
      link: newSealedLinkToken(this.sealer),
    });
    const { id, profile } = invitation.state;
    try {
      await this.invitations.insert(invitation, {
        correlationId,
        // Claimed only once the event is made (and checked against its contract): a refused request claims nothing.
        beforeWrite: () => this.claims.claim(profile.email, id),
      });
    } catch (error) {
      // Frees the address if it was claimed (a release by another holder than the claim's changes nothing).
      await this.claims.release(profile.email, id);
      throw error;
    }
    return toInvitationReply(invitation.state, now);
  }
}
