import { Actor, RegistrationReply } from '@ic/contracts';
import { Injectable } from '@nestjs/common';
import { KnownMembersRepository } from '../../replicas/known-members.repository';
import { SeatSteps } from '../seat-steps/seat-steps';
import { cancellationRefusal, endsWithErasure } from '../eligibility.rules';
import { refusedBy } from '../registration';
import { assertMayAccess } from '../registration-access';
import { viewOf } from '../registration-places';
import { RegistrationReplies } from '../registration-replies';

/**
 * Cancels a registration: the registrant until registration closes, the office at any time before
 * the event is held, and a member's erasure for events still to come. The seat goes at once to the
 * first on the waiting list (and each workshop seat to the first waiting for it). Cancelling again
 * changes nothing.
 */
@Injectable()
export class CancelRegistrationUseCase {
  constructor(
    private readonly steps: SeatSteps,
    private readonly members: KnownMembersRepository,
    private readonly replies: RegistrationReplies,
  ) {}

  async execute(registrationId: string, actor: Actor, correlationId?: string): Promise<RegistrationReply> {
    const actorMember = actor.role === 'member' ? await this.members.findById(actor.subject) : null;
    const cause = actor.role === 'staff' ? 'staff' : 'registrant';
    const outcome = await this.steps.cancel(
      registrationId,
      cause,
      actor,
      (entry, event, now) => {
        assertMayAccess(viewOf(entry), actor, actorMember);
        const refusal = entry.status === 'cancelled' ? undefined : cancellationRefusal(event, actor, now);
        if (refusal) throw refusedBy(refusal);
        return true;
      },
      correlationId,
    );
    if (!outcome) throw new Error('a cancellation the check let through has an outcome');
    return this.replies.of(outcome.view, outcome.event);
  }

  /**
   * The registrant had their data erased (`erasedBy` acted): their registration for an event still
   * to come is cancelled like any other, so its seat goes to the first on the waiting list; one for
   * an event that has taken place stays, under the pseudonymous member id. Returns whether it was
   * cancelled now (false also when it had been before).
   */
  async cancelForErasedMember(
    registrationId: string,
    erasedBy: Actor,
    correlationId?: string,
  ): Promise<boolean> {
    const outcome = await this.steps.cancel(
      registrationId,
      'member-erased',
      erasedBy,
      (entry, event, now) => entry.status !== 'cancelled' && endsWithErasure(event, now),
      correlationId,
    );
    return outcome?.cancelledNow ?? false;
  }
}
