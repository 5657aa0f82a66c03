import { Actor, RecordAttendanceRequest, RegistrationReply } from '@ic/contracts';
import { Clock, ConflictError, NotFoundError, requireStaff } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { KnownEventsRepository } from '../../replicas/known-events.repository';
import { RegistrationChanges } from '../registration-changes';
import { RegistrationReplies } from '../registration-replies';
import { RegistrationViews } from '../registration-views';
import { RegistrationMessages } from '../registration.messages';
import { RegistrationsRepository } from '../registrations.repository';

const ATTEMPTS = 10;

/**
 * The check-in: the office marks that a person came (one request per person, for a Kommunalzirkel per
 * module; the same mark again changes nothing and publishes nothing), or takes a mark back; only on
 * the event's (the module's) days.
 */
@Injectable()
export class RecordAttendanceUseCase {
  constructor(
    private readonly registrations: RegistrationsRepository,
    private readonly events: KnownEventsRepository,
    private readonly views: RegistrationViews,
    private readonly changes: RegistrationChanges,
    private readonly replies: RegistrationReplies,
    private readonly clock: Clock,
  ) {}

  async execute(
    registrationId: string,
    request: RecordAttendanceRequest,
    actor: Actor,
    correlationId?: string,
  ): Promise<RegistrationReply> {
    requireStaff(actor);
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const registration = await this.views.load(registrationId);
      const event = registration && (await this.events.findById(registration.state.eventId));
      if (!registration || !event) throw new NotFoundError(RegistrationMessages.registrationNotFound);
      registration.recordAttendance(event, request, actor, this.clock.now());
      if (!registration.hasChanges) return this.replies.of(registration.view, event);
      const events = this.changes.entriesOf(registration.takeFacts(), event, correlationId);
      if (await this.registrations.update(registration.state, registration.loadedRevision, events))
        return this.replies.of(registration.view, event);
    }
    throw new ConflictError(RegistrationMessages.changedMeanwhile);
  }
}
