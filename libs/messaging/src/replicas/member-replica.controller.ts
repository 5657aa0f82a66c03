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
 * Logs a replica write that changed nothing: an event older than what the replica holds (the
 * newest wins), or one for a member the replica does not know. `held` names what the replica keeps.
 */
export function noteReplicaWrite(
  logger: Logger,
  type: string,
  memberId: string,
  outcome: ReplicaWrite,
  held = 'member',
): void {
  if (outcome === 'stale') logger.log(`${type} for ${memberId} is older than the ${held} we hold; kept ours`);
  if (outcome === 'unknown-member') logger.warn(`${type} for unknown member ${memberId}; nothing to change`);
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
    memberActivated(@Payload() data: MemberActivated, @Ctx() context: KafkaEventContext): Promise<void> {
      return this.record(context, data.memberId, (asOf) =>
        this.members.recordActive(data.memberId, data.profile, asOf),
      );
    }

    @EventPattern(MemberProfileUpdatedEvent.type)
    memberProfileUpdated(
      @Payload() data: MemberProfileUpdated,
      @Ctx() context: KafkaEventContext,
    ): Promise<void> {
      return this.record(context, data.memberId, (asOf) =>
        this.members.recordProfile(data.memberId, data.profile, asOf),
      );
    }

    @EventPattern(MemberDeactivatedEvent.type)
    memberDeactivated(@Payload() data: MemberDeactivated, @Ctx() context: KafkaEventContext): Promise<void> {
      return this.record(context, data.memberId, (asOf) =>
        this.members.recordDeactivated(data.memberId, asOf),
      );
    }

    @EventPattern(MemberErasedEvent.type)
    async memberErased(@Payload() data: MemberErased, @Ctx() context: KafkaEventContext): Promise<void> {
      await this.erasureFollowUp?.afterErasure(data, context.delivery.event.correlationId);
      await this.record(context, data.memberId, (asOf) => this.members.recordErased(data.memberId, asOf));
    }

    /** One replica write as of the event's time, and a log line when it changed nothing. */
    private async record(
      context: KafkaEventContext,
      memberId: string,
      write: (asOf: Date) => Promise<ReplicaWrite>,
    ): Promise<void> {
      const { time, type } = context.delivery.event;
      noteReplicaWrite(this.logger, type, memberId, await write(new Date(time)));
    }
  }
  return MemberReplicaController;
}
