import { Actor, ChangeDelegationRequest, RegistrationReply } from '@ic/contracts';
import { Clock, ConflictError, NotFoundError } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { KnownEventsRepository } from '../../replicas/known-events.repository';
import { KnownMembersRepository } from '../../replicas/known-members.repository';
import { EventSeatsRepository } from '../../seats/event-seats.repository';
import { seatCountsOf } from '../../seats/seat-claims';
import { seatPlanOf } from '../../seats/seat-plan';
import { delegationChangeRefusal, delegationRefusal } from '../eligibility.rules';
import { refusedBy, StoredPerson } from '../registration';
import { assertMayAccess } from '../registration-access';
import { RegistrationChanges } from '../registration-changes';
import { withDelegation } from '../registration-edits';
import { viewOf } from '../registration-places';
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
      const stored = await this.registrations.findById(registrationId);
      const event = stored && !stored.pending ? await this.events.findById(stored.entry.eventId) : null;
      if (!stored || !event) throw new NotFoundError(RegistrationMessages.registrationNotFound);
      const { entry } = stored;
      assertMayAccess(viewOf(entry), actor, actorMember);
      const refusal =
        delegationChangeRefusal(event, actor, this.clock.now()) ??
        delegationRefusal(
          event,
          request.people.map((person) => person.email),
        );
      if (refusal) throw refusedBy(refusal);
      const staying = new Set((entry.delegation ?? []).map((person) => person.personId));
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
      const changed = withDelegation(entry, people);
      if (!changed) return this.replies.of(await this.views.of(entry), event);
      const view = await this.views.of(changed.next);
      const { counters } = await this.seats.read(event.eventId);
      const events = this.changes.entriesOf(
        [
          {
            type: 'delegation-changed',
            view,
            seats: seatCountsOf(counters, seatPlanOf(event)),
            by: actor,
            added: changed.added,
            changed: changed.changed,
            removed: changed.removed,
          },
        ],
        event,
        correlationId,
      );
      if (await this.registrations.update(changed.next, entry.revision, events))
        return this.replies.of(view, event);
    }
    throw new ConflictError(RegistrationMessages.changedMeanwhile);
  }
}
