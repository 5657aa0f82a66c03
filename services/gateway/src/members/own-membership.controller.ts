import { EndMembershipRequest, MembershipRequests, UpdateOwnProfileRequest } from '@ic/contracts';
import { RpcClient, SendOptions } from '@ic/messaging';
import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { ApiIdempotencyKey, ApiProblems, ApiUpstreamProblems } from '../http/api-docs';
import { CallContext } from '../http/call-context';
import { WorkingGroupIdParam } from '../http/path-params';
import { MemberResponse, toMemberResponse, toOwnMemberResponse } from './member.responses';

/** The signed-in member's own record. Registered before MembersController, so `me` is never taken for an id. */
@ApiTags('Mein Profil')
@Roles('member')
@ApiUpstreamProblems()
@Controller('members/me')
export class OwnMembershipController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'Das eigene Profil' })
  @ApiOkResponse({ type: MemberResponse })
  async get(@CallContext() call: SendOptions): Promise<MemberResponse> {
    const member = await this.rpc.send(
      MembershipRequests.getMember,
      { memberId: call.identity.subject },
      call,
    );
    return toOwnMemberResponse(member);
  }

  @Patch()
  @ApiOperation({
    summary: 'Das eigene Profil ändern',
    description:
      'Nur die Felder, die ein Mitglied selbst pflegt; Name, Adresse und Organisation ändert die Geschäftsstelle. ' +
      '`announcementsOptOut: true` bestellt die Ankündigungen neuer Veranstaltungen ab, `false` schaltet sie wieder ein.',
  })
  @ApiOkResponse({ type: MemberResponse })
  @ApiIdempotencyKey()
  @ApiProblems(422)
  async update(
    @Body() body: UpdateOwnProfileRequest,
    @CallContext() call: SendOptions,
  ): Promise<MemberResponse> {
    return toMemberResponse(await this.rpc.send(MembershipRequests.updateOwnProfile, body, call));
  }

  @Post('leave')
  @HttpCode(200)
  @ApiOperation({ summary: 'Aus dem Club austreten' })
  @ApiOkResponse({ type: MemberResponse })
  @ApiIdempotencyKey()
  @ApiProblems(409, 422)
  async leave(@Body() body: EndMembershipRequest, @CallContext() call: SendOptions): Promise<MemberResponse> {
    return toMemberResponse(await this.rpc.send(MembershipRequests.leave, body, call));
  }

  @Put('working-groups/:id')
  @ApiOperation({ summary: 'Einer Arbeitsgruppe beitreten' })
  @ApiOkResponse({ type: MemberResponse })
  @ApiIdempotencyKey()
  @ApiProblems(404, 422)
  async joinWorkingGroup(
    @WorkingGroupIdParam('id') id: string,
    @CallContext() call: SendOptions,
  ): Promise<MemberResponse> {
    return toMemberResponse(
      await this.rpc.send(MembershipRequests.joinWorkingGroup, { workingGroupId: id }, call),
    );
  }

  @Delete('working-groups/:id')
  @ApiOperation({ summary: 'Eine Arbeitsgruppe verlassen' })
  @ApiOkResponse({ type: MemberResponse })
  @ApiIdempotencyKey()
  @ApiProblems(404, 422)
  async leaveWorkingGroup(
    @WorkingGroupIdParam('id') id: string,
    @CallContext() call: SendOptions,
  ): Promise<MemberResponse> {
    return toMemberResponse(
      await this.rpc.send(MembershipRequests.leaveWorkingGroup, { workingGroupId: id }, call),
    );
  }
}
