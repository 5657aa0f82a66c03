import {
  MemberActivated,
  MemberActivatedEvent,
  MemberDeactivated,
  MemberDeactivatedEvent,
  MemberErased,
  MemberErasedEvent,
  MemberProfile,
  MemberProfileUpdated,
  MemberProfileUpdatedEvent,
} from '@ic/contracts';
import { ReplicaWrite } from '@ic/persistence';
import { Controller, Inject, Logger, Optional, Type } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { KafkaEventContext } from '../rpc/event-context';

/** A service's local copy of members, fed by the membership events; `asOf` is the event's time. */
export interface MemberReplica {
  recordActive(memberId: string, profile: MemberProfile, asOf: Date): Promise<ReplicaWrite>;
  recordProfile(memberId: string, profile: MemberProfile, asOf: Date): Promise<ReplicaWrite>;
  recordDeactivated(memberId: string, asOf: Date): Promise<ReplicaWrite>;
  /** The member had their data erased: the replica keeps nothing of them. */
  recordErased(memberId: string, asOf: Date): Promise<ReplicaWrite>;
}

/**
 * What a service does about a member's erasure besides forgetting them in its replica (the
 * registrations service cancels their coming registrations). Provide it under this token; it runs
 * before the replica forgets the member and must be idempotent (a failed handler runs again).
 */
export const MEMBER_ERASURE_FOLLOW_UP = Symbol('MemberErasureFollowUp');
export interface MemberErasureFollowUp {
  afterErasure(erased: MemberErased, correlationId?: string): Promise<void>;
}

/**
 * The consumer that keeps a service's member replica (event-carried state transfer from
 * ic.membership.v1). The transport has checked each event against its contract and handles it
 * effectively once; the replica keeps the newest state by the events' times.
 */
export function memberReplicaControllerFor(replica: Type<MemberReplica>): Type<unknown> {
  @Controller()
  class MemberReplicaController {
    private readonly logger = new Logger(`MemberReplica:${replica.name}`);

    constructor(
      @Inject(replica) private readonly members: MemberReplica,
      @Optional()
      @Inject(MEMBER_ERASURE_FOLLOW_UP)
      private readonly erasureFollowUp?: MemberErasureFollowUp,
    ) {}

    @EventPattern(MemberActivatedEvent.type)
    async memberActivated(
      @Payload() data: MemberActivated,
      @Ctx() context: KafkaEventContext,
    ): Promise<void> {
      const { time, type } = context.delivery.event;
      this.note(
        type,
        data.memberId,
        await this.members.recordActive(data.memberId, data.profile, new Date(time)),
      );
    }

    @EventPattern(MemberProfileUpdatedEvent.type)
    async memberProfileUpdated(
      @Payload() data: MemberProfileUpdated,
      @Ctx() context: KafkaEventContext,
    ): Promise<void> {
      const { time, type } = context.delivery.event;
      this.note(
        type,
        data.memberId,
        await this.members.recordProfile(data.memberId, data.profile, new Date(time)),
      );
    }

    @EventPattern(MemberDeactivatedEvent.type)
    async memberDeactivated(
      @Payload() data: MemberDeactivated,
      @Ctx() context: KafkaEventContext,
    ): Promise<void> {
      const { time, type } = context.delivery.event;
      this.note(type, data.memberId, await this.members.recordDeactivated(data.memberId, new Date(time)));
    }

    @EventPattern(MemberErasedEvent.type)
    async memberErased(@Payload() data: MemberErased, @Ctx() context: KafkaEventContext): Promise<void> {
      const { time, type, correlationId } = context.delivery.event;
      await this.erasureFollowUp?.afterErasure(data, correlationId);
      this.note(type, data.memberId, await this.members.recordErased(data.memberId, new Date(time)));
    }

    private note(type: string, memberId: string, outcome: ReplicaWrite): void {
      if (outcome === 'stale')
        this.logger.log(`${type} for ${memberId} is older than the member we hold; kept ours`);
      if (outcome === 'unknown-member')
        this.logger.warn(`${type} for unknown member ${memberId}; nothing to change`);
    }
  }
  return MemberReplicaController;
}
