import { Actor, InvitationReply, InviteMemberRequest, MemberInvitedEvent } from '@ic/contracts';
import { OutboxEventFactory } from '@ic/messaging';
import { Clock, hashLinkToken, newLinkToken, requireStaff, SecretBox } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { randomUUID } from 'node:crypto';
import { EmailClaimsService } from '../../members/email-claims/email-claims.service';
import { assertValidProfile } from '../../members/profile.rules';
import { MembershipEnv } from '../../membership.env';
import { InvitationState } from '../invitation';
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
    private readonly events: OutboxEventFactory,
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
    const invitationId = randomUUID();
    const profile = profileFromInvitation(request);
    assertValidProfile(profile);

    const now = this.clock.now();
    const token = newLinkToken();
    const expiresAt = expiryAfter(now, this.config.get('INVITATION_VALIDITY_DAYS', { infer: true }));
    const personalMessage = request.personalMessage || undefined;
    const state: InvitationState = {
      profile,
      ...(personalMessage ? { personalMessage } : {}),
      invitedBy: actor,
      createdAt: now,
      expiresAt,
      tokenHash: hashLinkToken(token),
      sentCount: 1,
      lastSentAt: now,
      status: 'open',
    };
    const invited = this.events.create(
      MemberInvitedEvent,
      invitationId,
      {
        memberId: invitationId,
        invitationId,
        invitedBy: actor,
        profile,
        ...(personalMessage ? { personalMessage } : {}),
        expiresAt: expiresAt.toISOString(),
        invitationToken: this.sealer.seal(token),
      },
      correlationId,
    );
    // Claimed only once the event is made (and checked against its contract): a refused request claims nothing.
    await this.claims.claim(profile.email, invitationId);
    try {
      await this.invitations.insert(invitationId, state, [invited]);
    } catch (error) {
      await this.claims.release(profile.email, invitationId);
      throw error;
    }
    return toInvitationReply({ ...state, id: invitationId, revision: 0 }, now);
  }
}
