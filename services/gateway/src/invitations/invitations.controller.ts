import {
  AcceptInvitationRequest,
  DeclineInvitationRequest,
  InvitationListQuery,
  InvitationMailPreviewRequest,
  InvitationMailPreviewReply,
  InvitationMailPreviewRequests,
  invitationMailPreviewReplySchema,
  invitationPageReplySchema,
  InvitationReply,
  invitationReplySchema,
  InviteMemberRequest,
  letterSalutation,
  MembershipRequests,
  municipalityRequestSchema,
  Page,
  pickShape,
  Shape,
} from '@ic/contracts';
import { RpcClient, SendOptions } from '@ic/messaging/client';
import { Body, Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiReply, ApiSchemaParts } from '../http/api-replies';
import type { Response } from 'express';
import { Public, Roles } from '../auth/auth.decorators';
import { BrowserSessions } from '../auth/browser-sessions.service';
import { ApiIdempotencyKey, ApiProblems, ApiUpstreamProblems } from '../http/api-docs';
import { CallContext } from '../http/call-context';
import { GatewayRequest } from '../http/gateway-request';
import { LinkTokenParam, UuidParam } from '../http/path-params';
import { API_PREFIX } from '../openapi';
import {
  invitationAcceptedSchema,
  invitationDeclinedSchema,
  invitationPreviewSchema,
} from './invitation.shapes';

@ApiTags('Einladungen (Berufung)')
@ApiUpstreamProblems()
@ApiSchemaParts({ MunicipalityDto: municipalityRequestSchema })
@Controller('invitations')
export class InvitationsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly browser: BrowserSessions,
  ) {}

  @Roles('staff')
  @Post()
  @ApiOperation({
    summary: 'Eine Person in den Club berufen',
    description:
      'Legt die Einladung an; die Person erhält eine E-Mail mit einem Link zum Zusagen oder Absagen.',
  })
  @ApiReply(201, 'InvitationResponse', invitationReplySchema, {
    description: 'Location nennt die neue Einladung.',
  })
  @ApiIdempotencyKey()
  @ApiProblems(409, 422)
  async invite(
    @Body() body: InviteMemberRequest,
    @CallContext() call: SendOptions,
    @Res({ passthrough: true }) response: Response,
  ): Promise<InvitationReply> {
    const invitation = await this.rpc.send(MembershipRequests.invite, body, call);
    response.location(`/${API_PREFIX}/invitations/${invitation.id}`);
    return pickShape(invitationReplySchema, invitation);
  }

  @Roles('staff')
  @Post('mail-preview')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Die Einladungs-E-Mail vor dem Versand lesen',
    description:
      'Gibt Betreff und Text der E-Mail zurück, wie sie mit dieser Anrede und diesen persönlichen Worten ' +
      'verschickt würde (dieselbe Vorlage); der persönliche Link und die Frist stehen als Platzhalter darin. ' +
      'Es wird nichts gespeichert und nichts verschickt.',
  })
  @ApiReply(200, 'InvitationMailPreviewResponse', invitationMailPreviewReplySchema)
  @ApiIdempotencyKey()
  @ApiProblems(400)
  async previewMail(
    @Body() body: InvitationMailPreviewRequest,
    @CallContext() call: SendOptions,
  ): Promise<InvitationMailPreviewReply> {
    const preview = await this.rpc.send(InvitationMailPreviewRequests.previewInvitationMail, body, call);
    return pickShape(invitationMailPreviewReplySchema, preview);
  }

  @Roles('staff')
  @Get()
  @ApiOperation({ summary: 'Einladungen, neueste zuerst, nach Stand gefiltert' })
  @ApiReply(200, 'InvitationPageResponse', invitationPageReplySchema)
  @ApiProblems(400, 422)
  async list(
    @Query() query: InvitationListQuery,
    @CallContext() call: SendOptions,
  ): Promise<Page<InvitationReply>> {
    return pickShape(
      invitationPageReplySchema,
      await this.rpc.send(MembershipRequests.listInvitations, query, call),
    );
  }

  @Public()
  @Get('by-token/:token')
  @ApiOperation({
    summary: 'Vorschau einer Einladung für die eingeladene Person',
    description: 'Mit dem Schlüssel aus dem Link der E-Mail; zeigt nur, was die Person selbst sehen soll.',
  })
  @ApiReply(200, 'InvitationPreviewResponse', invitationPreviewSchema)
  @ApiProblems(400, 404)
  async preview(
    @LinkTokenParam('token') token: string,
    @CallContext() call: SendOptions,
  ): Promise<Shape<typeof invitationPreviewSchema>> {
    const invitation = await this.rpc.send(MembershipRequests.previewInvitation, { token }, call);
    return pickShape(invitationPreviewSchema, { ...invitation, greeting: letterSalutation(invitation) });
  }

  @Public()
  @Post('accept')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Einladung annehmen (zusagen): macht die Person zum aktiven Mitglied',
    description:
      'Mit `signIn: true` ist die Person danach im Browser angemeldet (Sitzungs-Cookie, wie nach ' +
      '`POST /api/v1/auth/session`); der Schlüssel der Einladung weist sie aus.',
  })
  @ApiReply(200, 'InvitationAcceptedResponse', invitationAcceptedSchema, {
    headers: {
      'Set-Cookie': {
        description: 'Nur mit `signIn: true`: das Sitzungs-Cookie.',
        schema: { type: 'string' },
      },
    },
  })
  @ApiIdempotencyKey()
  @ApiProblems(403, 404, 409, 422)
  async accept(
    @Body() body: AcceptInvitationRequest,
    @CallContext() call: SendOptions,
    @Req() request: GatewayRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Shape<typeof invitationAcceptedSchema>> {
    const session = body.signIn === true ? this.browser.prepare(request) : undefined;
    const accepted = await this.rpc.send(
      MembershipRequests.acceptInvitation,
      { token: body.token, ...(session ? { sessionSecretHash: session.sessionSecretHash } : {}) },
      call,
    );
    return {
      memberId: accepted.memberId,
      ...(session && accepted.session
        ? { session: this.browser.started(response, session, accepted.session) }
        : {}),
    };
  }

  @Public()
  @Post('decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'Einladung ablehnen (absagen), optional mit Grund' })
  @ApiReply(200, 'InvitationDeclinedResponse', invitationDeclinedSchema)
  @ApiIdempotencyKey()
  @ApiProblems(404, 409, 422)
  async decline(
    @Body() body: DeclineInvitationRequest,
    @CallContext() call: SendOptions,
  ): Promise<Shape<typeof invitationDeclinedSchema>> {
    await this.rpc.send(MembershipRequests.declineInvitation, body, call);
    return { declined: true };
  }

  @Roles('staff')
  @Get(':id')
  @ApiOperation({ summary: 'Eine Einladung mit ihrem Stand' })
  @ApiReply(200, 'InvitationResponse', invitationReplySchema)
  @ApiProblems(400, 404)
  async get(@UuidParam('id') id: string, @CallContext() call: SendOptions): Promise<InvitationReply> {
    return pickShape(
      invitationReplySchema,
      await this.rpc.send(MembershipRequests.getInvitation, { invitationId: id }, call),
    );
  }

  @Roles('staff')
  @Post(':id/resend')
  @HttpCode(200)
  @ApiOperation({ summary: 'Einladungs-E-Mail erneut senden, mit neuem Link und neuer Frist' })
  @ApiReply(200, 'InvitationResponse', invitationReplySchema)
  @ApiIdempotencyKey()
  @ApiProblems(404, 409, 422)
  async resend(@UuidParam('id') id: string, @CallContext() call: SendOptions): Promise<InvitationReply> {
    return pickShape(
      invitationReplySchema,
      await this.rpc.send(MembershipRequests.resendInvitation, { invitationId: id }, call),
    );
  }

  @Roles('staff')
  @Post(':id/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Einladung zurückziehen: der Link gilt nicht mehr' })
  @ApiReply(200, 'InvitationResponse', invitationReplySchema)
  @ApiIdempotencyKey()
  @ApiProblems(404, 409, 422)
  async revoke(@UuidParam('id') id: string, @CallContext() call: SendOptions): Promise<InvitationReply> {
    return pickShape(
      invitationReplySchema,
      await this.rpc.send(MembershipRequests.revokeInvitation, { invitationId: id }, call),
    );
  }
}
