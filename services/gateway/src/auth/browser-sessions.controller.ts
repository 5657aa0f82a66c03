import { LinkTokenRequest, MembershipRequests, StaffLoginRequest } from '@ic/contracts';
import { RpcClient, SendOptions } from '@ic/messaging/client';
import { Body, Controller, Delete, Get, HttpCode, Post, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiReply, ApiSchemaParts, componentRef } from '../http/api-replies';
import { ApiIdempotencyKey, ApiProblems, ApiUpstreamProblems } from '../http/api-docs';
import { CallContext } from '../http/call-context';
import { GatewayRequest } from '../http/gateway-request';
import { Public } from './auth.decorators';
import {
  SignedInSession,
  signedInSessionSchema,
  SignedOutSession,
  signedOutSessionSchema,
} from './browser-session.shapes';
import { BrowserSessions } from './browser-sessions.service';
import { STAFF_SIGN_IN_LIMITS, StaffSignInThrottleInterceptor } from './staff-sign-in-throttle.interceptor';

const SET_COOKIE = {
  'Set-Cookie': {
    description:
      'Das Sitzungs-Cookie: `ic_session` (über HTTPS `__Host-ic_session` mit `Secure`), `HttpOnly`, ' +
      '`SameSite=Lax`, `Path=/`, `Max-Age` bis zum Ende der Sitzung.',
    schema: { type: 'string' },
  },
};

/**
 * Signing in and out in a browser: the session lives in an httpOnly cookie, not in a token the page
 * could read. API clients keep using access tokens (AuthController).
 */
@ApiTags('Anmeldung')
@ApiUpstreamProblems()
@ApiSchemaParts({
  SignedInSessionResponse: signedInSessionSchema,
  SignedOutSessionResponse: signedOutSessionSchema,
})
@Controller('auth')
export class BrowserSessionsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly browser: BrowserSessions,
  ) {}

  @Public()
  @Get('session')
  @ApiOperation({
    summary: 'Anmeldung im Browser abfragen',
    description:
      'Sagt, ob das Sitzungs-Cookie eine gültige Sitzung trägt, und nennt dann den `csrfToken` für ' +
      'schreibende Anfragen. Ein Cookie, dessen Sitzung beendet ist, wird gelöscht.',
  })
  @ApiOkResponse({
    headers: SET_COOKIE,
    schema: {
      oneOf: [componentRef('SignedInSessionResponse'), componentRef('SignedOutSessionResponse')],
    },
  })
  current(
    @Req() request: GatewayRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SignedInSession | SignedOutSession> {
    return this.browser.current(request, response);
  }

  @Public()
  @Post('session')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Mit dem Anmeldelink im Browser anmelden',
    description:
      'Löst den Schlüssel aus dem Link der E-Mail ein (jeder Link gilt einmal und nur kurz) und setzt das ' +
      'Sitzungs-Cookie. Mitglieder bleiben 30 Tage ab der letzten Nutzung angemeldet.',
  })
  @ApiReply(200, 'SignedInSessionResponse', signedInSessionSchema, { headers: SET_COOKIE })
  @ApiIdempotencyKey()
  @ApiProblems(401, 403)
  async signIn(
    @Body() body: LinkTokenRequest,
    @CallContext() call: SendOptions,
    @Req() request: GatewayRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SignedInSession> {
    const session = this.browser.prepare(request);
    const reply = await this.rpc.send(
      MembershipRequests.startMemberBrowserSession,
      { token: body.token, sessionSecretHash: session.sessionSecretHash },
      call,
    );
    return this.browser.started(response, session, reply);
  }

  @Public()
  @UseInterceptors(StaffSignInThrottleInterceptor)
  @Post('staff/session')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Anmeldung der Geschäftsstelle im Browser mit E-Mail und Passwort',
    description: `Setzt das Sitzungs-Cookie; die Sitzung endet 10 Stunden nach der Anmeldung. ${STAFF_SIGN_IN_LIMITS}`,
  })
  @ApiReply(200, 'SignedInSessionResponse', signedInSessionSchema, { headers: SET_COOKIE })
  @ApiIdempotencyKey()
  @ApiProblems(401, 403, 429)
  async staffSignIn(
    @Body() body: StaffLoginRequest,
    @CallContext() call: SendOptions,
    @Req() request: GatewayRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SignedInSession> {
    const session = this.browser.prepare(request);
    const reply = await this.rpc.send(
      MembershipRequests.startStaffBrowserSession,
      { email: body.email, password: body.password, sessionSecretHash: session.sessionSecretHash },
      call,
    );
    return this.browser.started(response, session, reply);
  }

  @Public()
  @Delete('session')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Im Browser abmelden',
    description:
      'Beendet die Sitzung des Cookies sofort und löscht das Cookie, auch wenn die Sitzung schon beendet ' +
      'war. Mit Cookie ist der Header `X-CSRF-Token` nötig.',
  })
  @ApiNoContentResponse({ description: 'Abgemeldet.', headers: SET_COOKIE })
  @ApiIdempotencyKey()
  @ApiProblems(403)
  signOut(
    @CallContext() call: SendOptions,
    @Req() request: GatewayRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    return this.browser.end(request, response, call);
  }
}
