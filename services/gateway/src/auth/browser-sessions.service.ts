import { BrowserSessionReply, MembershipRequests } from '@ic/contracts';
import { RpcClient, SendOptions } from '@ic/messaging/client';
import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { GatewayRequest } from '../http/gateway-request';
import { SignedInSession, signedInSession, SignedOutSession } from './browser-session.shapes';
import { BrowserSessionCookie, hashSessionSecret, newSessionSecret } from './browser-session-cookie';
import { CsrfProtection } from './csrf-protection';
import { SessionCheck } from './session-check.service';

/** A browser session about to start: the cookie's secret, and the hash the membership service keeps. */
export interface NewBrowserSession {
  readonly secret: string;
  readonly sessionSecretHash: string;
}

const SIGNED_OUT: SignedOutSession = { signedIn: false };

/**
 * The browser's side of signing in and out: the gateway makes each session's secret, puts it only
 * into the httpOnly cookie, and sends the membership service its hash. The CSRF token the page
 * needs for writes is derived from the secret (see CsrfProtection).
 */
@Injectable()
export class BrowserSessions {
  constructor(
    private readonly rpc: RpcClient,
    private readonly sessions: SessionCheck,
    private readonly cookie: BrowserSessionCookie,
    private readonly csrf: CsrfProtection,
  ) {}

  /**
   * A new secret for a session about to start. A request from a page of another site is refused
   * first (403), so that no other site can sign a browser in to an account of its choosing.
   */
  prepare(request: GatewayRequest): NewBrowserSession {
    this.csrf.assertSameOrigin(request);
    const secret = newSessionSecret();
    return { secret, sessionSecretHash: hashSessionSecret(secret) };
  }

  /** Sets the cookie of a session the membership service started, and answers as GET /auth/session. */
  started(response: Response, session: NewBrowserSession, reply: BrowserSessionReply): SignedInSession {
    this.cookie.set(response, session.secret, reply.expiresAt);
    return signedInSession(reply, this.csrf.tokenFor(session.secret));
  }

  /** The session of the request's cookie; a cookie whose session ended is dropped. */
  async current(request: GatewayRequest, response: Response): Promise<SignedInSession | SignedOutSession> {
    const secret = this.cookie.secretOf(request);
    if (secret === undefined) return SIGNED_OUT;
    const session = await this.sessions.resolveBrowserSession(hashSessionSecret(secret));
    if (!session.active) {
      this.cookie.clear(response);
      return SIGNED_OUT;
    }
    if (session.renewed) this.cookie.set(response, secret, session.expiresAt);
    return signedInSession(session, this.csrf.tokenFor(secret));
  }

  /**
   * "Abmelden": ends the cookie's session at the membership service at once (also when it is gone
   * already) and drops the cookie. With a cookie this is a write like any other: same origin and
   * the CSRF token, else 403.
   */
  async end(request: GatewayRequest, response: Response, call: SendOptions): Promise<void> {
    const secret = this.cookie.secretOf(request);
    if (secret !== undefined) {
      this.csrf.assertWriteAllowed(request, secret);
      const sessionSecretHash = hashSessionSecret(secret);
      await this.rpc.send(MembershipRequests.endBrowserSession, { sessionSecretHash }, call);
      this.sessions.browserSessionEnded(sessionSecretHash);
    }
    this.cookie.clear(response);
  }
}
