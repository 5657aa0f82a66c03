import {
  AccessTokenReply,
  accessTokenReplySchema,
  LinkTokenRequest,
  MembershipRequests,
  pickShape,
  SignInLinkRequest,
  StaffLoginRequest,
} from '@ic/contracts';
import { RpcClient, SendOptions } from '@ic/messaging/client';
import { Body, Controller, HttpCode, Post, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiReply } from '../http/api-replies';
import { ApiIdempotencyKey, ApiProblems, ApiUpstreamProblems } from '../http/api-docs';
import { CallContext } from '../http/call-context';
import { SIGN_IN_REQUIRED } from './access-token.verifier';
import { SIGN_IN_LINK_ACCEPTED, signInLinkAcceptedSchema } from './browser-session.shapes';
import { Public, Roles } from './auth.decorators';
import { SessionCheck } from './session-check.service';
import { SignInLinkThrottleGuard } from './sign-in-link-throttle.guard';
import { STAFF_SIGN_IN_LIMITS, StaffSignInThrottleInterceptor } from './staff-sign-in-throttle.interceptor';
import { UnauthenticatedError } from '@ic/platform';

@ApiTags('Anmeldung')
@ApiIdempotencyKey()
@ApiUpstreamProblems()
@Controller('auth')
export class AuthController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly sessions: SessionCheck,
  ) {}

  @Public()
  @UseInterceptors(StaffSignInThrottleInterceptor)
  @Post('staff/login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Anmeldung der Geschäftsstelle mit E-Mail und Passwort',
    description: STAFF_SIGN_IN_LIMITS,
  })
  @ApiReply(200, 'AccessTokenResponse', accessTokenReplySchema)
  @ApiProblems(401, 429)
  async staffLogin(
    @Body() body: StaffLoginRequest,
    @CallContext() call: SendOptions,
  ): Promise<AccessTokenReply> {
    return pickShape(accessTokenReplySchema, await this.rpc.send(MembershipRequests.staffLogin, body, call));
  }

  @Roles('staff', 'member')
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Abmelden: das Token gilt danach nicht mehr' })
  @ApiNoContentResponse({ description: 'Abgemeldet.' })
  async logout(@CallContext() call: SendOptions): Promise<void> {
    const sessionId = call.identity.sessionId;
    if (!sessionId) throw new UnauthenticatedError(SIGN_IN_REQUIRED);
    await this.rpc.send(MembershipRequests.logout, { sessionId }, call);
    this.sessions.ended(sessionId);
  }

  @Public()
  @UseGuards(SignInLinkThrottleGuard)
  @Post('sign-in-links')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Anmeldelink per E-Mail anfordern (Mitglieder, ohne Passwort)',
    description:
      'Die Antwort ist immer dieselbe, ob die Adresse bekannt ist oder nicht. Pro Verbindung (IP-Adresse) ' +
      'sind 100 Anfragen in 10 Minuten möglich, danach 429 mit `Retry-After`; ein Mitglied bekommt höchstens ' +
      '5 Links in der Stunde.',
  })
  @ApiReply(202, 'SignInLinkAcceptedResponse', signInLinkAcceptedSchema)
  @ApiProblems(429)
  async requestSignInLink(
    @Body() body: SignInLinkRequest,
    @CallContext() call: SendOptions,
  ): Promise<{ message: string }> {
    await this.rpc.send(MembershipRequests.requestSignInLink, body, call);
    return { message: SIGN_IN_LINK_ACCEPTED };
  }

  @Public()
  @Post('sign-in-links/redeem')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Anmeldelink einlösen',
    description:
      'Tauscht den Schlüssel aus dem Link gegen ein Zugangstoken. Jeder Link gilt einmal und nur kurz.',
  })
  @ApiReply(200, 'AccessTokenResponse', accessTokenReplySchema)
  @ApiProblems(401, 404, 422)
  async redeemSignInLink(
    @Body() body: LinkTokenRequest,
    @CallContext() call: SendOptions,
  ): Promise<AccessTokenReply> {
    return pickShape(
      accessTokenReplySchema,
      await this.rpc.send(MembershipRequests.redeemSignInLink, body, call),
    );
  }
}
