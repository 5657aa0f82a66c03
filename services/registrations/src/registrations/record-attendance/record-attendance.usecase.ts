import { Actor, RecordAttendanceRequest, RegistrationReply } from '@ic/contracts';
import { Clock, ConflictError, NotFoundError, requireStaff } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { KnownEventsRepository } from '../../replicas/known-events.repository';
import { attendanceRefusal } from '../eligibility.rules';
import { refusedBy } from '../registration';
import { RegistrationChanges } from '../registration-changes';
import { withAttendance } from '../registration-edits';
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
      const stored = await this.registrations.findById(registrationId);
      const event = stored && !stored.pending ? await this.events.findById(stored.entry.eventId) : null;
      if (!stored || !event) throw new NotFoundError(RegistrationMessages.registrationNotFound);
      const refusal = attendanceRefusal(event, request.moduleId, this.clock.now());
      if (refusal) throw refusedBy(refusal);
      const next = withAttendance(stored.entry, request);
      if (!next) return this.replies.of(await this.views.of(stored.entry), event);
      const view = await this.views.of(next);
      const events = this.changes.entriesOf(
        [
          {
            type: 'attendance-recorded',
            view,
            by: actor,
            ...(request.personId ? { personId: request.personId } : {}),
            ...(request.moduleId ? { moduleId: request.moduleId } : {}),
            attended: request.attended,
          },
        ],
        event,
        correlationId,
      );
      if (await this.registrations.update(next, stored.entry.revision, events))
        return this.replies.of(view, event);
    }
    throw new ConflictError(RegistrationMessages.changedMeanwhile);
  }
}
