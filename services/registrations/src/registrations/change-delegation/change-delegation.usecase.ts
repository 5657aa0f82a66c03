import { Actor, ChangeDelegationRequest, RegistrationReply } from '@ic/contracts';
import { Clock, ConflictError, NotFoundError } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { KnownEventsRepository } from '../../replicas/known-events.repository';
import { KnownMembersRepository } from '../../replicas/known-members.repository';
import { EventSeatsRepository } from '../../seats/event-seats.repository';
import { seatCountsOf } from '../../seats/seat-claims';
import { seatPlanOf } from '../../seats/seat-plan';
import { assertMayAccess } from '../registration-access';
import { RegistrationChanges } from '../registration-changes';
import { RegistrationReplies } from '../registration-replies';
import { RegistrationViews } from '../registration-views';
import { RegistrationMessages } from '../registration.messages';
import { RegistrationsRepository } from '../registrations.repository';

const ATTEMPTS = 10;

/**
 * Replaces a municipality's delegation: people named with their personId stay (their details may
 * change), others are new, those left out leave. Within the event's limit; by the registrant until
 * registration closes, by the office at any time before the event is held. One conditional write
 * of the registration (over the revision it was decided on), with its event.
 */
@Injectable()
export class ChangeDelegationUseCase {
  constructor(
    private readonly registrations: RegistrationsRepository,
    private readonly events: KnownEventsRepository,
    private readonly members: KnownMembersRepository,
    private readonly seats: EventSeatsRepository,
    private readonly views: RegistrationViews,
    private readonly changes: RegistrationChanges,
    private readonly replies: RegistrationReplies,
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
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const registration = await this.views.load(registrationId);
      const event = registration && (await this.events.findById(registration.state.eventId));
      if (!registration || !event) throw new NotFoundError(RegistrationMessages.registrationNotFound);
      assertMayAccess(registration.view, actor, actorMember);
      const { counters } = await this.seats.read(event.eventId);
      const seats = seatCountsOf(counters, seatPlanOf(event));
      registration.changeDelegation(event, request.people, newIds, seats, actor, this.clock.now());
      if (!registration.hasChanges) return this.replies.of(registration.view, event);
      const events = this.changes.entriesOf(registration.takeFacts(), event, correlationId);
      if (await this.registrations.update(registration.state, registration.loadedRevision, events))
        return this.replies.of(registration.view, event);
    }
    throw new ConflictError(RegistrationMessages.changedMeanwhile);
  }
}
