import { RegistrationReply } from '@ic/contracts';
import { ConflictError, NotFoundError } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { KnownEvent } from '../replicas/known-event';
import { KnownEventsRepository } from '../replicas/known-events.repository';
import { RegistrationAggregate } from './registration.aggregate';
import { RegistrationChanges } from './registration-changes';
import { RegistrationReplies } from './registration-replies';
import { RegistrationViews } from './registration-views';
import { RegistrationMessages } from './registration.messages';
import { RegistrationsRepository } from './registrations.repository';

const ATTEMPTS = 10;

/**
 * A change of a stored registration that needs no seat: loaded with its event, decided by its
 * aggregate, saved with the facts' events in one write over the revision it was decided on. When
 * another write came first, it is loaded and decided again.
 */
@Injectable()
export class RegistrationUpdates {
  constructor(
    private readonly registrations: RegistrationsRepository,
    private readonly events: KnownEventsRepository,
    private readonly views: RegistrationViews,
    private readonly changes: RegistrationChanges,
    private readonly replies: RegistrationReplies,
  ) {}

  /** Runs `decide` on the registration and saves what it changed; the reply shows it as saved. */
  async change(
    registrationId: string,
    decide: (registration: RegistrationAggregate, event: KnownEvent) => Promise<void> | void,
    correlationId?: string,
  ): Promise<RegistrationReply> {
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const registration = await this.views.load(registrationId);
      const event = registration && (await this.events.findById(registration.state.eventId));
      if (!registration || !event) throw new NotFoundError(RegistrationMessages.registrationNotFound);
      await decide(registration, event);
      if (!registration.hasChanges) return this.replies.of(registration.view, event);
      const events = this.changes.entriesOf(registration.takeFacts(), event, correlationId);
      if (await this.registrations.update(registration.state, registration.loadedRevision, events))
        return this.replies.of(registration.view, event);
    }
    throw new ConflictError(RegistrationMessages.changedMeanwhile);
  }
}
