import { MemberErased } from '@ic/contracts';
import { MemberErasureFollowUp } from '@ic/messaging';
import { Injectable } from '@nestjs/common';
import { DeliveriesRepository } from '../deliveries/deliveries.repository';
import { KnownInterestsRepository } from '../replicas/known-interests.repository';

/**
 * Besides the contact, which becomes a tombstone (no more mail) in the member replica, an erased
 * member's address leaves the delivery log and their declared interests are forgotten. Idempotent:
 * a failed handler runs again.
 */
@Injectable()
export class ForgetErasedMember implements MemberErasureFollowUp {
  constructor(
    private readonly deliveries: DeliveriesRepository,
    private readonly interests: KnownInterestsRepository,
  ) {}

  async afterErasure(erased: MemberErased): Promise<void> {
    await this.deliveries.forgetRecipientOf(erased.memberId);
    await this.interests.forgetMember(erased.memberId);
  }
}
