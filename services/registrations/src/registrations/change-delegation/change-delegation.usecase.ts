import { Actor, ChangeDelegationRequest, RegistrationReply } from '@ic/contracts';
import { NotFoundError } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { refusedBy, StoredPerson } from '../../seats/seat-book';
import { SeatDesk } from '../../seats/seat-desk';
import { seatPlanOf } from '../../seats/seat-plan';
import { delegationChangeRefusal, delegationRefusal } from '../eligibility.rules';
import { assertMayAccess } from '../registration-access';
import { RegistrationLocator } from '../registration-locator';
import { RegistrationReplies } from '../registration-replies';
import { RegistrationMessages } from '../registration.messages';

/**
 * Replaces a municipality's delegation: people named with their personId stay (their details may
 * change), others are new, those left out leave. Within the event's limit; by the registrant until
 * registration closes, by the office at any time before the event is held.
 */
@Injectable()
export class ChangeDelegationUseCase {
  constructor(
    private readonly locator: RegistrationLocator,
    private readonly desk: SeatDesk,
    private readonly replies: RegistrationReplies,
  ) {}

  async execute(
    registrationId: string,
    request: ChangeDelegationRequest,
    actor: Actor,
    correlationId?: string,
  ): Promise<RegistrationReply> {
    const { eventId, actorMember } = await this.locator.locate(registrationId, actor);
    const newIds = request.people.map(() => randomUUID());
    const { view, event } = await this.desk.submit(
      eventId,
      (book, event, now) => {
        const current = book.find(registrationId);
        if (!event || !current) throw new NotFoundError(RegistrationMessages.registrationNotFound);
        assertMayAccess(current, actor, actorMember);
        const refusal =
          delegationChangeRefusal(event, actor, now) ??
          delegationRefusal(
            event,
            request.people.map((person) => person.email),
          );
        if (refusal) throw refusedBy(refusal);
        const staying = new Set((current.entry.delegation ?? []).map((person) => person.personId));
        const people = request.people.map((person, index): StoredPerson => {
          if (person.personId && !staying.has(person.personId)) {
            throw new NotFoundError(RegistrationMessages.personNotFound);
          }
          return {
            personId: person.personId ?? newIds[index],
            salutation: person.salutation ?? 'keine',
            firstName: person.firstName,
            lastName: person.lastName,
            role: person.role,
            email: person.email,
          };
        });
        return { view: book.changeDelegation(registrationId, people, actor, seatPlanOf(event)), event };
      },
      correlationId,
    );
    return this.replies.of(view, event);
  }
}
