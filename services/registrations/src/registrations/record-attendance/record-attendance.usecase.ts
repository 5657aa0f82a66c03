import { Actor, RecordAttendanceRequest, RegistrationReply } from '@ic/contracts';
import { Clock, requireStaff } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { RegistrationUpdates } from '../registration-updates';

/**
 * The check-in: the office marks that a person came (one request per person, for a Kommunalzirkel per
 * module; the same mark again changes nothing and publishes nothing), or takes a mark back; only on
 * the event's (the module's) days.
 */
@Injectable()
export class RecordAttendanceUseCase {
  constructor(
    private readonly updates: RegistrationUpdates,
    private readonly clock: Clock,
  ) {}

  async execute(
    registrationId: string,
    request: RecordAttendanceRequest,
    actor: Actor,
    correlationId?: string,
  ): Promise<RegistrationReply> {
    requireStaff(actor);
    return this.updates.change(
      registrationId,
      (registration, event) => registration.recordAttendance(event, request, actor, this.clock.now()),
      correlationId,
    );
  }
}
