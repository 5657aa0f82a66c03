import {
  CreateWorkingGroupRequest,
  MemberReply,
  memberReplySchema,
  MembershipRequests,
  pickShape,
  WorkingGroupReply,
  workingGroupReplySchema,
} from '@ic/contracts';
import { RpcClient, SendOptions } from '@ic/messaging/client';
import { Body, Controller, Delete, Get, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { ApiReply } from '../http/api-replies';
import { ApiIdempotencyKey, ApiProblems, ApiUpstreamProblems } from '../http/api-docs';
import { CallContext } from '../http/call-context';
import { UuidParam, WorkingGroupIdParam } from '../http/path-params';

@ApiTags('Arbeitsgruppen')
@ApiUpstreamProblems()
@Controller('working-groups')
export class WorkingGroupsController {
  constructor(private readonly rpc: RpcClient) {}

  @Roles('staff', 'member')
  @Get()
  @ApiOperation({ summary: 'Die Arbeitsgruppen des Clubs mit ihrer Mitgliederzahl' })
  @ApiReply(200, 'WorkingGroupResponse', workingGroupReplySchema, { isArray: true })
  async list(@CallContext() call: SendOptions): Promise<WorkingGroupReply[]> {
    const groups = await this.rpc.send(MembershipRequests.listWorkingGroups, {}, call);
    return groups.map((group) => pickShape(workingGroupReplySchema, group));
  }

  @Roles('staff')
  @Post()
  @ApiOperation({ summary: 'Eine Arbeitsgruppe anlegen (Geschäftsstelle)' })
  @ApiReply(201, 'WorkingGroupResponse', workingGroupReplySchema)
  @ApiIdempotencyKey()
  @ApiProblems(409)
  async create(
    @Body() body: CreateWorkingGroupRequest,
    @CallContext() call: SendOptions,
  ): Promise<WorkingGroupReply> {
    return pickShape(
      workingGroupReplySchema,
      await this.rpc.send(MembershipRequests.createWorkingGroup, body, call),
    );
  }

  @Roles('staff')
  @Put(':id/members/:memberId')
  @ApiOperation({
    summary: 'Ein Mitglied in eine Arbeitsgruppe aufnehmen (Geschäftsstelle)',
    description: 'Nur aktive Mitglieder; ist es schon in der Gruppe, ändert sich nichts.',
  })
  @ApiReply(200, 'MemberResponse', memberReplySchema)
  @ApiIdempotencyKey()
  @ApiProblems(400, 404, 422)
  async addMember(
    @WorkingGroupIdParam('id') id: string,
    @UuidParam('memberId') memberId: string,
    @CallContext() call: SendOptions,
  ): Promise<MemberReply> {
    return pickShape(
      memberReplySchema,
      await this.rpc.send(MembershipRequests.addToWorkingGroup, { workingGroupId: id, memberId }, call),
    );
  }

  @Roles('staff')
  @Delete(':id/members/:memberId')
  @ApiOperation({
    summary: 'Ein Mitglied aus einer Arbeitsgruppe nehmen (Geschäftsstelle)',
    description: 'Ist es nicht in der Gruppe, ändert sich nichts.',
  })
  @ApiReply(200, 'MemberResponse', memberReplySchema)
  @ApiIdempotencyKey()
  @ApiProblems(400, 404)
  async removeMember(
    @WorkingGroupIdParam('id') id: string,
    @UuidParam('memberId') memberId: string,
    @CallContext() call: SendOptions,
  ): Promise<MemberReply> {
    return pickShape(
      memberReplySchema,
      await this.rpc.send(MembershipRequests.removeFromWorkingGroup, { workingGroupId: id, memberId }, call),
    );
  }
}
