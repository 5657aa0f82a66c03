import {
  actorSchema,
  DirectoryEntryReply,
  directoryEntryReplySchema,
  directoryPageReplySchema,
  HistoryEntryReply,
  historyEntryReplySchema,
  historyPageReplySchema,
  MemberErasureReply,
  memberErasureReplySchema,
  MemberReply,
  memberReplySchema,
  municipalityReplySchema,
  Page,
  pickShape,
  DirectoryQuery,
  EndMembershipRequest,
  EraseMemberDataRequest,
  MembershipRequests,
  MemberHistoryQuery,
  UpdateMemberRequest,
} from '@ic/contracts';
import { RpcClient, SendOptions } from '@ic/messaging/client';
import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiReply, ApiSchemaParts, componentRef } from '../http/api-replies';
import { Roles } from '../auth/auth.decorators';
import { SessionCheck } from '../auth/session-check.service';
import { ApiIdempotencyKey, ApiProblems, ApiUpstreamProblems } from '../http/api-docs';
import { CallContext } from '../http/call-context';
import { UuidParam } from '../http/path-params';
import { memberView } from './member-views';

@ApiTags('Mitglieder')
@ApiSchemaParts({
  MemberResponse: memberReplySchema,
  DirectoryEntryResponse: directoryEntryReplySchema,
  MunicipalityResponse: municipalityReplySchema,
  ActorResponse: actorSchema,
  HistoryEntryResponse: historyEntryReplySchema,
})
@ApiUpstreamProblems()
@Controller('members')
export class MembersController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly sessions: SessionCheck,
  ) {}

  @Roles('staff', 'member')
  @Get()
  @ApiOperation({
    summary: 'Mitgliederverzeichnis',
    description:
      'Gefiltert nach Land, Sektor, Arbeitsgruppe und Themenfeld, durchsuchbar nach Name, Organisation und Kommune, seitenweise. ' +
      'Mitglieder sehen Verzeichniseinträge (ohne E-Mail, Telefon, Einwohnerzahl), die Geschäftsstelle alles.',
  })
  @ApiReply(200, 'DirectoryPageResponse', directoryPageReplySchema)
  @ApiProblems(400, 422)
  async directory(
    @Query() query: DirectoryQuery,
    @CallContext() call: SendOptions,
  ): Promise<Page<MemberReply | DirectoryEntryReply>> {
    const page = await this.rpc.send(MembershipRequests.directory, query, call);
    return { items: page.items.map((item) => memberView(item, call.identity)), nextCursor: page.nextCursor };
  }

  @Roles('staff', 'member')
  @Get(':id')
  @ApiOperation({ summary: 'Ein Mitglied (für Mitglieder: der Verzeichniseintrag)' })
  // anyOf, not oneOf: a full member has every field of an entry, so it matches both.
  @ApiOkResponse({
    schema: { anyOf: [componentRef('MemberResponse'), componentRef('DirectoryEntryResponse')] },
  })
  @ApiProblems(400, 404)
  async get(
    @UuidParam('id') id: string,
    @CallContext() call: SendOptions,
  ): Promise<MemberReply | DirectoryEntryReply> {
    return memberView(
      await this.rpc.send(MembershipRequests.getMember, { memberId: id }, call),
      call.identity,
    );
  }

  @Roles('staff')
  @Patch(':id')
  @ApiOperation({ summary: 'Das Profil eines Mitglieds ändern (Geschäftsstelle)' })
  @ApiReply(200, 'MemberResponse', memberReplySchema)
  @ApiIdempotencyKey()
  @ApiProblems(404, 409, 422)
  async update(
    @UuidParam('id') id: string,
    @Body() body: UpdateMemberRequest,
    @CallContext() call: SendOptions,
  ): Promise<MemberReply> {
    return pickShape(
      memberReplySchema,
      await this.rpc.send(MembershipRequests.updateMember, { ...body, memberId: id }, call),
    );
  }

  @Roles('staff')
  @Post(':id/end')
  @HttpCode(200)
  @ApiOperation({ summary: 'Die Mitgliedschaft beenden (Geschäftsstelle), optional mit Vermerk' })
  @ApiReply(200, 'MemberResponse', memberReplySchema)
  @ApiIdempotencyKey()
  @ApiProblems(404, 409, 422)
  async end(
    @UuidParam('id') id: string,
    @Body() body: EndMembershipRequest,
    @CallContext() call: SendOptions,
  ): Promise<MemberReply> {
    const ended = await this.rpc.send(MembershipRequests.endMembership, { ...body, memberId: id }, call);
    // The member's sessions ended with the membership; this instance asks afresh at once, the
    // others on MemberDeactivated.
    this.sessions.sessionsEndedOf(id);
    return pickShape(memberReplySchema, ended);
  }

  @Roles('staff')
  @Post(':id/erasure')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Die Daten eines Mitglieds löschen (Geschäftsstelle)',
    description:
      'Löscht alle personenbezogenen Daten (DSGVO Art. 17) unwiderruflich: Profil, Einladung, Verlauf, Arbeitsgruppen; eine aktive Mitgliedschaft endet. Es bleibt nur die pseudonyme Kennung für die Statistik. ' +
      'Anmeldungen zu kommenden Veranstaltungen werden storniert (der Platz geht an die Warteliste), die anderen Dienste ' +
      'vergessen das Mitglied, und es gehen keine E-Mails mehr an die Adresse, die wieder eingeladen werden kann. ' +
      'Der Körper muss `{"confirm": true}` sein. Erneut aufgerufen, antwortet es wie beim ersten Mal.',
  })
  @ApiReply(200, 'MemberErasureResponse', memberErasureReplySchema)
  @ApiIdempotencyKey()
  @ApiProblems(400, 404)
  async erase(
    @UuidParam('id') id: string,
    @Body() body: EraseMemberDataRequest,
    @CallContext() call: SendOptions,
  ): Promise<MemberErasureReply> {
    const erased = await this.rpc.send(MembershipRequests.eraseMemberData, { ...body, memberId: id }, call);
    this.sessions.sessionsEndedOf(id);
    return pickShape(memberErasureReplySchema, erased);
  }

  @Roles('staff')
  @Get(':id/history')
  @ApiOperation({ summary: 'Verlauf eines Mitglieds: jede Änderung mit wer, wann, was' })
  @ApiReply(200, 'HistoryPageResponse', historyPageReplySchema)
  @ApiProblems(400, 404, 422)
  async history(
    @UuidParam('id') id: string,
    @Query() query: MemberHistoryQuery,
    @CallContext() call: SendOptions,
  ): Promise<Page<HistoryEntryReply>> {
    return pickShape(
      historyPageReplySchema,
      await this.rpc.send(MembershipRequests.history, { ...query, memberId: id }, call),
    );
  }
}
