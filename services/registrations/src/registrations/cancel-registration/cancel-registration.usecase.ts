import { Actor, RegistrationReply } from '@ic/contracts';
import { NotFoundError } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { refusedBy } from '../../seats/seat-book';
import { SeatDesk } from '../../seats/seat-desk';
import { seatPlanOf } from '../../seats/seat-plan';
import { cancellationRefusal, endsWithErasure } from '../eligibility.rules';
import { assertMayAccess } from '../registration-access';
import { RegistrationLocator } from '../registration-locator';
import { RegistrationReplies } from '../registration-replies';
import { RegistrationMessages } from '../registration.messages';

/**
 * Cancels a registration: the registrant until registration closes, the office at any time before
 * the event is held, and a member's erasure for events still to come. The seat goes at once, in the same write, to the first on the waiting list
 * (and each workshop seat to the first waiting for it). Cancelling again changes nothing.
 */
@Injectable()
export class CancelRegistrationUseCase {
  constructor(
    private readonly locator: RegistrationLocator,
    private readonly desk: SeatDesk,
    private readonly replies: RegistrationReplies,
  ) {}

  async execute(registrationId: string, actor: Actor, correlationId?: string): Promise<RegistrationReply> {
    const { eventId, actorMember } = await this.locator.locate(registrationId, actor);
    const { view, event } = await this.desk.submit(
      eventId,
      (book, event, now) => {
        const current = book.find(registrationId);
        if (!event || !current) throw new NotFoundError(RegistrationMessages.registrationNotFound);
        assertMayAccess(current, actor, actorMember);
        if (current.entry.status === 'cancelled') return { view: current, event };
        const refusal = cancellationRefusal(event, actor, now);
        if (refusal) throw refusedBy(refusal);
        const cause = actor.role === 'staff' ? 'staff' : 'registrant';
        return { view: book.cancel(registrationId, cause, actor, seatPlanOf(event), now), event };
      },
      correlationId,
    );
    return this.replies.of(view, event);
  }

  /**
   * The registrant had their data erased (`erasedBy` acted): their registration for an event still
   * to come is cancelled like any other, so its seat goes to the first on the waiting list in the
   * same write; one for an event that has taken place stays, under the pseudonymous member id.
   * Returns whether it was cancelled now (false also when it had been before).
   */
  async cancelForErasedMember(
    registrationId: string,
    erasedBy: Actor,
    correlationId?: string,
  ): Promise<boolean> {
    const { eventId } = await this.locator.locate(registrationId, erasedBy);
    return this.desk.submit(
      eventId,
      (book, event, now) => {
        const current = book.find(registrationId);
        if (!event || !current || current.entry.status === 'cancelled') return false;
        if (!endsWithErasure(event, now)) return false;
        book.cancel(registrationId, 'member-erased', erasedBy, seatPlanOf(event), now);
        return true;
      },
      correlationId,
    );
  }
}
