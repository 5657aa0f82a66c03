import {
  EndMembershipRequest,
  EraseMemberDataRequest,
  MemberErasureReply,
  memberErasureReplySchema,
  MemberReply,
  memberReplySchema,
  MembershipRequests,
  pickShape,
  UpdateOwnProfileRequest,
} from '@ic/contracts';
import { RpcClient, SendOptions } from '@ic/messaging/client';
import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiReply } from '../http/api-replies';
import { Roles } from '../auth/auth.decorators';
import { SessionCheck } from '../auth/session-check.service';
import { ApiIdempotencyKey, ApiProblems, ApiRequestExamples, ApiUpstreamProblems } from '../http/api-docs';
import { CallContext } from '../http/call-context';
import { WorkingGroupIdParam } from '../http/path-params';
import { ownMemberView } from './member-views';

/** The signed-in member's own record. Registered before MembersController, so `me` is never taken for an id. */
@ApiTags('Mein Profil')
@Roles('member')
@ApiUpstreamProblems()
@Controller('members/me')
export class OwnMembershipController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly sessions: SessionCheck,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Das eigene Profil' })
  @ApiReply(200, 'MemberResponse', memberReplySchema)
  async get(@CallContext() call: SendOptions): Promise<MemberReply> {
    const member = await this.rpc.send(
      MembershipRequests.getMember,
      { memberId: call.identity.subject },
      call,
    );
    return ownMemberView(member);
  }

  @Patch()
  @ApiOperation({
    summary: 'Das eigene Profil ändern',
    description:
      'Nur die Felder, die ein Mitglied selbst pflegt; Name, Adresse und Organisation ändert die Geschäftsstelle. ' +
      '`announcementsOptOut: true` bestellt die Ankündigungen neuer Veranstaltungen ab, `false` schaltet sie wieder ein.',
  })
  @ApiReply(200, 'MemberResponse', memberReplySchema)
  // One field: an example with every field would overwrite the whole profile with sample values.
  @ApiRequestExamples(UpdateOwnProfileRequest, {
    phone: { summary: 'Nur die Telefonnummer ändern', value: { phone: '+49 5264 644-0' } },
  })
  @ApiIdempotencyKey()
  @ApiProblems(422)
  async update(
    @Body() body: UpdateOwnProfileRequest,
    @CallContext() call: SendOptions,
  ): Promise<MemberReply> {
    return pickShape(memberReplySchema, await this.rpc.send(MembershipRequests.updateOwnProfile, body, call));
  }

  @Post('leave')
  @HttpCode(200)
  @ApiOperation({ summary: 'Aus dem Club austreten' })
  @ApiReply(200, 'MemberResponse', memberReplySchema)
  @ApiIdempotencyKey()
  @ApiProblems(409, 422)
  async leave(@Body() body: EndMembershipRequest, @CallContext() call: SendOptions): Promise<MemberReply> {
    const left = await this.rpc.send(MembershipRequests.leave, body, call);
    // Every session of the member ended; this instance asks afresh at once, the others on MemberDeactivated.
    this.sessions.sessionsEndedOf(call.identity.subject);
    return pickShape(memberReplySchema, left);
  }

  @Post('erasure')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Die eigenen Daten löschen',
    description:
      'Löscht alle personenbezogenen Daten (DSGVO Art. 17) unwiderruflich: Profil, Einladung, Verlauf, Arbeitsgruppen; eine aktive Mitgliedschaft endet. Es bleibt nur die pseudonyme Kennung für die Statistik. ' +
      'Anmeldungen zu kommenden Veranstaltungen werden storniert (der Platz geht an die Warteliste), die anderen Dienste ' +
      'vergessen das Mitglied, und es gehen keine E-Mails mehr an die Adresse, die wieder eingeladen werden kann. ' +
      'Der Körper muss `{"confirm": true}` sein. Danach gilt das Zugriffstoken nicht mehr.',
  })
  @ApiReply(200, 'MemberErasureResponse', memberErasureReplySchema)
  @ApiIdempotencyKey()
  @ApiProblems(400)
  async erase(
    @Body() body: EraseMemberDataRequest,
    @CallContext() call: SendOptions,
  ): Promise<MemberErasureReply> {
    const erased = await this.rpc.send(MembershipRequests.eraseOwnData, body, call);
    // Every session of the member is revoked; this instance asks afresh at once, the others on MemberErased.
    this.sessions.sessionsEndedOf(call.identity.subject);
    return pickShape(memberErasureReplySchema, erased);
  }

  @Put('working-groups/:id')
  @ApiOperation({ summary: 'Einer Arbeitsgruppe beitreten' })
  @ApiReply(200, 'MemberResponse', memberReplySchema)
  @ApiIdempotencyKey()
  @ApiProblems(404, 422)
  async joinWorkingGroup(
    @WorkingGroupIdParam('id') id: string,
    @CallContext() call: SendOptions,
  ): Promise<MemberReply> {
    return pickShape(
      memberReplySchema,
      await this.rpc.send(MembershipRequests.joinWorkingGroup, { workingGroupId: id }, call),
    );
  }

  @Delete('working-groups/:id')
  @ApiOperation({ summary: 'Eine Arbeitsgruppe verlassen' })
  @ApiReply(200, 'MemberResponse', memberReplySchema)
  @ApiIdempotencyKey()
  @ApiProblems(404, 422)
  async leaveWorkingGroup(
    @WorkingGroupIdParam('id') id: string,
    @CallContext() call: SendOptions,
  ): Promise<MemberReply> {
    return pickShape(
      memberReplySchema,
      await this.rpc.send(MembershipRequests.leaveWorkingGroup, { workingGroupId: id }, call),
    );
  }
}
