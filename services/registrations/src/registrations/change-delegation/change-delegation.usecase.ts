import { Actor, ChangeDelegationRequest, RegistrationReply } from '@ic/contracts';
import { Clock } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { KnownMembersRepository } from '../../replicas/known-members.repository';
import { EventSeatsRepository } from '../../seats/event-seats.repository';
import { seatCountsOf } from '../../seats/seat-claims';
import { seatPlanOf } from '../../seats/seat-plan';
import { assertMayAccess } from '../registration-access';
import { RegistrationUpdates } from '../registration-updates';

/**
 * Replaces a municipality's delegation: people named with their personId stay (their details may
 * change), others are new, those left out leave. Within the event's limit; by the registrant until
 * registration closes, by the office at any time before the event is held. One conditional write
 * of the registration (over the revision it was decided on), with its event.
 */
@Injectable()
export class ChangeDelegationUseCase {
  constructor(
    private readonly updates: RegistrationUpdates,
    private readonly members: KnownMembersRepository,
    private readonly seats: EventSeatsRepository,
    private readonly clock: Clock,
  ) {}

  async execute(
    registrationId: string,
    request: ChangeDelegationRequest,
    actor: Actor,
    correlationId?: string,
  ): Promise<RegistrationReply> {
    const actorMember = actor.role === 'member' ? await this.members.findById(actor.subject) : null;
    const newIds = request.people.map(() => randomUUID());
    return this.updates.change(
      registrationId,
      async (registration, event) => {
        assertMayAccess(registration.view, actor, actorMember);
        const { counters } = await this.seats.read(event.eventId);
        const seats = seatCountsOf(counters, seatPlanOf(event));
        registration.changeDelegation(event, request.people, newIds, seats, actor, this.clock.now());
      },
      correlationId,
    );
  }
}
