import { MemberErased } from '@ic/contracts';
import { MemberErasureFollowUp } from '@ic/messaging';
import { Injectable, Logger } from '@nestjs/common';
import { CancelRegistrationUseCase } from '../cancel-registration/cancel-registration.usecase';
import { RegistrationsRepository } from '../registrations.repository';

/**
 * A member had their data erased: each of their own registrations for an event still to come is
 * cancelled (see CancelRegistrationUseCase.cancelForErasedMember). Their municipality's delegation
 * registrations stay: they are the municipality's, not the member's. Run again after a failure, it
 * cancels only what is left.
 */
@Injectable()
export class CancelErasedMemberRegistrationsUseCase implements MemberErasureFollowUp {
  private readonly logger = new Logger(CancelErasedMemberRegistrationsUseCase.name);

  constructor(
    private readonly registrations: RegistrationsRepository,
    private readonly cancel: CancelRegistrationUseCase,
  ) {}

  async afterErasure(erased: MemberErased, correlationId?: string): Promise<void> {
    const own = (await this.registrations.findFor(erased.memberId, undefined)).filter(
      (entry) => entry.registrant.kind !== 'municipality',
    );
    let cancelled = 0;
    for (const { registrationId } of own) {
      if (await this.cancel.cancelForErasedMember(registrationId, erased.erasedBy, correlationId))
        cancelled++;
    }
    this.logger.log(
      `Member ${erased.memberId} erased: ${cancelled} of ${own.length} registrations cancelled, the others are past or cancelled already`,
    );
  }
}
