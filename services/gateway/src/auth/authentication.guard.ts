import { ANONYMOUS, Role } from '@ic/contracts';
import { ForbiddenError, HealthController, MetricsController } from '@ic/platform';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { GatewayRequest } from '../http/gateway-request';
import {
  AccessTokenRejectedError,
  AccessTokenVerifier,
  rolesOf,
  SignedInCaller,
} from './access-token.verifier';
import { IDENTIFY_IF_SIGNED_IN, IS_PUBLIC, REQUIRED_ROLES } from './auth.decorators';
import { BrowserSessionCookie, hashSessionSecret } from './browser-session-cookie';
import { CsrfProtection, isUnsafeMethod } from './csrf-protection';
import { SessionCheck } from './session-check.service';

/**
 * Probes of the platform (health from libs/platform) need no access token; the metrics check their
 * own (METRICS_TOKEN), which Prometheus sends where a person's token would go.
 */
const PUBLIC_CONTROLLERS: readonly unknown[] = [HealthController, MetricsController];

const ROLE_NAMES: Readonly<Record<Role, string>> = {
  staff: 'der Geschäftsstelle',
  member: 'Mitgliedern',
  operations: 'dem Betrieb der Plattform',
};

/**
 * The gateway's one authentication and authorisation check, on every route (APP_GUARD). A route is
 * protected unless it says @Public(): it needs `Authorization: Bearer <access token>` with a valid
 * token of an active session, or (without an Authorization header) the browser's session cookie of
 * an active session, and, with @Roles(...), one of those roles. A @PublicOrSignedIn() route lets
 * anyone in and checks only a caller who brings a token or the cookie. The caller's identity is put
 * on the request for the controllers, which pass it with every request to a service.
 *
 * A write (POST, PUT, PATCH, DELETE) made with the cookie must come from our own pages: a foreign
 * `Origin` or a missing or wrong `X-CSRF-Token` is refused with 403 before any service is asked.
 * When the membership service renewed the cookie's session, the cookie is set again.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: AccessTokenVerifier,
    private readonly sessions: SessionCheck,
    private readonly cookie: BrowserSessionCookie,
    private readonly csrf: CsrfProtection,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<GatewayRequest>();
    const targets = [context.getHandler(), context.getClass()];
    const open = this.reflector.getAllAndOverride<boolean | typeof IDENTIFY_IF_SIGNED_IN | undefined>(
      IS_PUBLIC,
      targets,
    );
    if (
      PUBLIC_CONTROLLERS.includes(context.getClass()) ||
      open === true ||
      (open === IDENTIFY_IF_SIGNED_IN && !this.bringsCredentials(request))
    ) {
      request.identity = ANONYMOUS;
      return true;
    }
    const response = context.switchToHttp().getResponse<Response>();
    const caller = await this.authenticate(request, response);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !caller.roles.some((role) => roles.includes(role))) {
      throw new ForbiddenError(
        `Diese Funktion steht nur ${roles.map((role) => ROLE_NAMES[role]).join(' und ')} zur Verfügung.`,
      );
    }
    request.identity = caller;
    return true;
  }

  /** An Authorization header or the session cookie: someone who means to be signed in. */
  private bringsCredentials(request: GatewayRequest): boolean {
    return request.headers.authorization !== undefined || this.cookie.secretOf(request) !== undefined;
  }

  private async authenticate(request: GatewayRequest, response: Response): Promise<SignedInCaller> {
    const secret = request.headers.authorization === undefined ? this.cookie.secretOf(request) : undefined;
    return secret === undefined
      ? this.authenticateBearer(request, response)
      : this.authenticateBrowser(request, response, secret);
  }

  private async authenticateBrowser(
    request: GatewayRequest,
    response: Response,
    secret: string,
  ): Promise<SignedInCaller> {
    if (isUnsafeMethod(request.method)) this.csrf.assertWriteAllowed(request, secret);
    const session = await this.sessions.resolveBrowserSession(hashSessionSecret(secret));
    if (!session.active) {
      this.cookie.clear(response);
      response.setHeader('WWW-Authenticate', 'Bearer');
      throw new AccessTokenRejectedError('ended');
    }
    if (session.renewed) this.cookie.set(response, secret, session.expiresAt);
    return {
      subject: session.subject,
      roles: rolesOf(session.role, session.operations === true),
      sessionId: session.sessionId,
    };
  }

  private async authenticateBearer(request: GatewayRequest, response: Response): Promise<SignedInCaller> {
    try {
      const caller = await this.verifier.verify(bearerTokenOf(request.headers.authorization));
      if (!(await this.sessions.isActive(caller))) {
        throw new AccessTokenRejectedError('ended');
      }
      return caller;
    } catch (error) {
      if (error instanceof AccessTokenRejectedError) {
        // RFC 6750: tell the client how to authenticate, and why the token did not do.
        response.setHeader(
          'WWW-Authenticate',
          error.reason === 'missing' ? 'Bearer' : `Bearer error="invalid_token"`,
        );
      }
      throw error;
    }
  }
}

function bearerTokenOf(header: string | undefined): string {
  const match = header?.match(/^Bearer +([A-Za-z0-9_.-]{1,4096})\s*$/i);
  if (!match?.[1]) throw new AccessTokenRejectedError('missing');
  return match[1];
}
