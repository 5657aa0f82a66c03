import {
  CreateWorkingGroupRequest,
  MembershipRequests,
  ReplyOf,
  WorkingGroupIdRequest,
  WorkingGroupMemberRequest,
} from '@ic/contracts';
import { KafkaRequestContext } from '@ic/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import { actorOf } from '@ic/platform';
import { ChangeWorkingGroupUseCase } from './change-working-group/change-working-group.usecase';
import { CreateWorkingGroupUseCase } from './create-working-group/create-working-group.usecase';
import { WorkingGroupsQueries } from './working-groups.queries';

type Requests = typeof MembershipRequests;

@Controller()
export class WorkingGroupsController {
  constructor(
    private readonly queries: WorkingGroupsQueries,
    private readonly createWorkingGroup: CreateWorkingGroupUseCase,
    private readonly changeWorkingGroup: ChangeWorkingGroupUseCase,
  ) {}

  /** For anyone signed in (anonymous callers get a 401). The request has no fields. */
  @MessagePattern(MembershipRequests.listWorkingGroups.name)
  list(@Ctx() context: KafkaRequestContext): Promise<ReplyOf<Requests['listWorkingGroups']>> {
    actorOf(context.identity);
    return this.queries.list();
  }

  @MessagePattern(MembershipRequests.createWorkingGroup.name)
  create(
    @Payload() request: CreateWorkingGroupRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['createWorkingGroup']>> {
    return this.createWorkingGroup.execute(request, actorOf(context.identity), context.correlationId);
  }

  @MessagePattern(MembershipRequests.joinWorkingGroup.name)
  join(
    @Payload() request: WorkingGroupIdRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['joinWorkingGroup']>> {
    return this.changeWorkingGroup.join(
      request.workingGroupId,
      actorOf(context.identity),
      context.correlationId,
    );
  }

  @MessagePattern(MembershipRequests.leaveWorkingGroup.name)
  leave(
    @Payload() request: WorkingGroupIdRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['leaveWorkingGroup']>> {
    return this.changeWorkingGroup.leave(
      request.workingGroupId,
      actorOf(context.identity),
      context.correlationId,
    );
  }

  @MessagePattern(MembershipRequests.addToWorkingGroup.name)
  add(
    @Payload() request: WorkingGroupMemberRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['addToWorkingGroup']>> {
    return this.changeWorkingGroup.add(
      request.workingGroupId,
      request.memberId,
      actorOf(context.identity),
      context.correlationId,
    );
  }

  @MessagePattern(MembershipRequests.removeFromWorkingGroup.name)
  remove(
    @Payload() request: WorkingGroupMemberRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['removeFromWorkingGroup']>> {
    return this.changeWorkingGroup.remove(
      request.workingGroupId,
      request.memberId,
      actorOf(context.identity),
      context.correlationId,
    );
  }
}
