import { CreateWorkingGroupRequest, MembershipRequests } from '@ic/contracts';
import { RpcClient, SendOptions } from '@ic/messaging';
import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { ApiIdempotencyKey, ApiProblems, ApiUpstreamProblems } from '../http/api-docs';
import { CallContext } from '../http/call-context';
import { toWorkingGroupResponse, WorkingGroupResponse } from './working-group.responses';

@ApiTags('Arbeitsgruppen')
@ApiUpstreamProblems()
@Controller('working-groups')
export class WorkingGroupsController {
  constructor(private readonly rpc: RpcClient) {}

  @Roles('staff', 'member')
  @Get()
  @ApiOperation({ summary: 'Die Arbeitsgruppen des Clubs mit ihrer Mitgliederzahl' })
  @ApiOkResponse({ type: [WorkingGroupResponse] })
  async list(@CallContext() call: SendOptions): Promise<WorkingGroupResponse[]> {
    const groups = await this.rpc.send(MembershipRequests.listWorkingGroups, {}, call);
    return groups.map(toWorkingGroupResponse);
  }

  @Roles('staff')
  @Post()
  @ApiOperation({ summary: 'Eine Arbeitsgruppe anlegen (Geschäftsstelle)' })
  @ApiCreatedResponse({ type: WorkingGroupResponse })
  @ApiIdempotencyKey()
  @ApiProblems(409)
  async create(
    @Body() body: CreateWorkingGroupRequest,
    @CallContext() call: SendOptions,
  ): Promise<WorkingGroupResponse> {
    return toWorkingGroupResponse(await this.rpc.send(MembershipRequests.createWorkingGroup, body, call));
  }
}
