import {
  MemberActivated,
  MemberActivatedEvent,
  MemberDeactivated,
  MemberDeactivatedEvent,
  MemberProfileUpdated,
  MemberProfileUpdatedEvent,
} from '@ic/contracts';
import { KafkaEventContext } from '@ic/messaging';
import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { KnownMembersRepository, ReplicaWrite } from './known-members.repository';

/**
 * Keeps the replica of members (ic.membership.v1) that eligibility and the participant lists read,
 * so that registering works while the membership service is down. The transport has checked each
 * event against its contract and handles it effectively once.
 */
@Controller()
export class MembershipEventsController {
  private readonly logger = new Logger(MembershipEventsController.name);

  constructor(private readonly members: KnownMembersRepository) {}

  @EventPattern(MemberActivatedEvent.type)
  async memberActivated(@Payload() data: MemberActivated, @Ctx() context: KafkaEventContext): Promise<void> {
    const { event } = context.delivery;
    this.note(
      event.type,
      data.memberId,
      await this.members.recordActive(data.memberId, data.profile, new Date(event.time)),
    );
  }

  @EventPattern(MemberProfileUpdatedEvent.type)
  async memberProfileUpdated(
    @Payload() data: MemberProfileUpdated,
    @Ctx() context: KafkaEventContext,
  ): Promise<void> {
    const { event } = context.delivery;
    this.note(
      event.type,
      data.memberId,
      await this.members.recordProfile(data.memberId, data.profile, new Date(event.time)),
    );
  }

  @EventPattern(MemberDeactivatedEvent.type)
  async memberDeactivated(
    @Payload() data: MemberDeactivated,
    @Ctx() context: KafkaEventContext,
  ): Promise<void> {
    const { event } = context.delivery;
    this.note(
      event.type,
      data.memberId,
      await this.members.recordDeactivated(data.memberId, new Date(event.time)),
    );
  }

  private note(type: string, memberId: string, outcome: ReplicaWrite): void {
    if (outcome === 'stale')
      this.logger.log(`${type} for ${memberId} is older than the member we hold; kept ours`);
    if (outcome === 'unknown') this.logger.warn(`${type} for unknown member ${memberId}; nothing to change`);
  }
}
