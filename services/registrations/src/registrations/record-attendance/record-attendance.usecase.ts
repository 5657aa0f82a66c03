import { Actor, RecordAttendanceRequest, RegistrationReply } from '@ic/contracts';
import { NotFoundError, requireStaff } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { refusedBy } from '../../seats/seat-book';
import { SeatDesk } from '../../seats/seat-desk';
import { attendanceRefusal } from '../eligibility.rules';
import { RegistrationLocator } from '../registration-locator';
import { RegistrationReplies } from '../registration-replies';
import { RegistrationMessages } from '../registration.messages';

/**
 * The check-in: the office marks that a person came (one request per person, for a Kommunalzirkel per
 * module; the same mark again changes nothing and publishes nothing), or takes a mark back; only on
 * the event's (the module's) days.
 */
@Injectable()
export class RecordAttendanceUseCase {
  constructor(
    private readonly locator: RegistrationLocator,
    private readonly desk: SeatDesk,
    private readonly replies: RegistrationReplies,
  ) {}

  async execute(
    registrationId: string,
    request: RecordAttendanceRequest,
    actor: Actor,
    correlationId?: string,
  ): Promise<RegistrationReply> {
    requireStaff(actor);
    const { eventId } = await this.locator.locate(registrationId, actor);
    const { view, event } = await this.desk.submit(
      eventId,
      (book, event, now) => {
        if (!event || !book.find(registrationId))
          throw new NotFoundError(RegistrationMessages.registrationNotFound);
        const refusal = attendanceRefusal(event, request.moduleId, now);
        if (refusal) throw refusedBy(refusal);
        return { view: book.recordAttendance(registrationId, request, actor), event };
      },
      correlationId,
    );
    return this.replies.of(view, event);
  }
}
