import {
  DirectoryQuery,
  EndMembershipRequest,
  EraseMemberDataRequest,
  MembershipRequests,
  PageQuery,
  UpdateMemberRequest,
} from '@ic/contracts';
import { RpcClient, SendOptions } from '@ic/messaging/client';
import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { SessionCheck } from '../auth/session-check.service';
import { ApiIdempotencyKey, ApiProblems, ApiUpstreamProblems } from '../http/api-docs';
import { CallContext } from '../http/call-context';
import { UuidParam } from '../http/path-params';
import {
  DirectoryEntryResponse,
  DirectoryPageResponse,
  HistoryPageResponse,
  MEMBER_VIEW_SCHEMA,
  MemberErasureResponse,
  MemberResponse,
  toDirectoryPageResponse,
  toHistoryPageResponse,
  toMemberErasureResponse,
  toMemberResponse,
  toMemberViewResponse,
} from './member.responses';

@ApiTags('Mitglieder')
@ApiExtraModels(MemberResponse, DirectoryEntryResponse)
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
  @ApiOkResponse({ type: DirectoryPageResponse })
  @ApiProblems(400, 422)
  async directory(
    @Query() query: DirectoryQuery,
    @CallContext() call: SendOptions,
  ): Promise<DirectoryPageResponse> {
    return toDirectoryPageResponse(
      await this.rpc.send(MembershipRequests.directory, query, call),
      call.identity,
    );
  }

  @Roles('staff', 'member')
  @Get(':id')
  @ApiOperation({ summary: 'Ein Mitglied (für Mitglieder: der Verzeichniseintrag)' })
  @ApiOkResponse({ schema: MEMBER_VIEW_SCHEMA })
  @ApiProblems(400, 404)
  async get(
    @UuidParam('id') id: string,
    @CallContext() call: SendOptions,
  ): Promise<MemberResponse | DirectoryEntryResponse> {
    return toMemberViewResponse(
      await this.rpc.send(MembershipRequests.getMember, { memberId: id }, call),
      call.identity,
    );
  }

  @Roles('staff')
  @Patch(':id')
  @ApiOperation({ summary: 'Das Profil eines Mitglieds ändern (Geschäftsstelle)' })
  @ApiOkResponse({ type: MemberResponse })
  @ApiIdempotencyKey()
  @ApiProblems(404, 409, 422)
  async update(
    @UuidParam('id') id: string,
    @Body() body: UpdateMemberRequest,
    @CallContext() call: SendOptions,
  ): Promise<MemberResponse> {
    return toMemberResponse(
      await this.rpc.send(MembershipRequests.updateMember, { ...body, memberId: id }, call),
    );
  }

  @Roles('staff')
  @Post(':id/end')
  @HttpCode(200)
  @ApiOperation({ summary: 'Die Mitgliedschaft beenden (Geschäftsstelle), optional mit Vermerk' })
  @ApiOkResponse({ type: MemberResponse })
  @ApiIdempotencyKey()
  @ApiProblems(404, 409, 422)
  async end(
    @UuidParam('id') id: string,
    @Body() body: EndMembershipRequest,
    @CallContext() call: SendOptions,
  ): Promise<MemberResponse> {
    const ended = await this.rpc.send(MembershipRequests.endMembership, { ...body, memberId: id }, call);
    // The member's sessions ended with the membership; this instance asks afresh at once, the
    // others on MemberDeactivated.
    this.sessions.sessionsEndedOf(id);
    return toMemberResponse(ended);
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
  @ApiOkResponse({ type: MemberErasureResponse })
  @ApiIdempotencyKey()
  @ApiProblems(400, 404)
  async erase(
    @UuidParam('id') id: string,
    @Body() body: EraseMemberDataRequest,
    @CallContext() call: SendOptions,
  ): Promise<MemberErasureResponse> {
    const erased = await this.rpc.send(MembershipRequests.eraseMemberData, { ...body, memberId: id }, call);
    this.sessions.sessionsEndedOf(id);
    return toMemberErasureResponse(erased);
  }

  @Roles('staff')
  @Get(':id/history')
  @ApiOperation({ summary: 'Verlauf eines Mitglieds: jede Änderung mit wer, wann, was' })
  @ApiOkResponse({ type: HistoryPageResponse })
  @ApiProblems(400, 404, 422)
  async history(
    @UuidParam('id') id: string,
    @Query() query: PageQuery,
    @CallContext() call: SendOptions,
  ): Promise<HistoryPageResponse> {
    return toHistoryPageResponse(
      await this.rpc.send(MembershipRequests.history, { ...query, memberId: id }, call),
    );
  }
}
