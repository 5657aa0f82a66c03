import { Actor, InvitationReply } from '@ic/contracts';
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
      const invitation = await this.invitations.load(invitationId);
      if (!invitation) throw new NotFoundError(InvitationMessages.notFound);
      invitation.revoke(outcome, actor);
      return this.invitations.save(invitation, { correlationId });
    });
    await this.claims.release(revoked.profile.email, revoked.id);
    return toInvitationReply(revoked, this.clock.now());
  }
}
