import { Actor, InvitationReply, InvitationRevokedEvent } from '@ic/contracts';
import { OutboxEventFactory } from '@ic/messaging';
import { retryOnConcurrentChange } from '@ic/persistence';
import { Clock, NotFoundError, requireStaff } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { EmailClaimsService } from '../../members/email-claims/email-claims.service';
import { InvitationOutcomesService } from '../invitation-outcomes.service';
import { toInvitationReply } from '../invitation.mapper';
import { InvitationMessages, officeActionProblem } from '../invitation.rules';
import { InvitationsRepository } from '../invitations.repository';

/** The office withdraws an open (or expired) invitation: its link stops working, the address is free. */
@Injectable()
export class RevokeInvitationUseCase {
  constructor(
    private readonly invitations: InvitationsRepository,
    private readonly outcomes: InvitationOutcomesService,
    private readonly claims: EmailClaimsService,
    private readonly events: OutboxEventFactory,
    private readonly clock: Clock,
  ) {}

  async execute(invitationId: string, actor: Actor, correlationId?: string): Promise<InvitationReply> {
    requireStaff(actor);
    const found = await this.invitations.findById(invitationId);
    if (!found) throw new NotFoundError(InvitationMessages.notFound);
    const outcome = await this.outcomes.settle(found, 'revoked', {
      problemOf: (existing) => officeActionProblem(found, existing),
      effectsComplete: () => Promise.resolve(found.status !== 'open'),
    });
    const revoked = await retryOnConcurrentChange(async () => {
      const invitation = await this.invitations.findById(invitationId);
      if (!invitation) throw new NotFoundError(InvitationMessages.notFound);
      if (invitation.status !== 'open') return invitation;
      const event = this.events.create(
        InvitationRevokedEvent,
        invitation.id,
        { memberId: invitation.id, invitationId: invitation.id, revokedBy: actor },
        correlationId,
      );
      return this.invitations.update(
        invitation,
        { ...invitation, status: 'revoked', answeredAt: outcome.at },
        [event],
      );
    });
    await this.claims.release(revoked.profile.email, revoked.id);
    return toInvitationReply(revoked, this.clock.now());
  }
}
