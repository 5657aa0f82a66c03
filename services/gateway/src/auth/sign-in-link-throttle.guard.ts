import { TooManyRequestsError, waitInGerman } from '@ic/platform';
import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Request } from 'express';
import { GatewayEnv } from '../gateway.env';
import { clientAddressOf } from './client-address';
import { SlidingWindowThrottle } from './sliding-window.throttle';

export const SignInLinkThrottleMessages = {
  client: (seconds: number) =>
    `Von Ihrer Verbindung kamen zu viele Anfragen nach Anmeldelinks. Bitte versuchen Sie es in ${waitInGerman(seconds)} erneut.`,
  overall: (seconds: number) =>
    `Gerade werden sehr viele Anmeldelinks angefordert. Bitte versuchen Sie es in ${waitInGerman(seconds)} erneut.`,
} as const;

const ALL_CLIENTS = 'all';

/**
 * Limits requests for sign-in links (429 with Retry-After) per client address, and for all clients
 * together as a safety valve against many addresses at once, so that nobody can use the gateway to
 * flood mailboxes or probe many addresses quickly. The membership service limits the mails per
 * member. The answer to an allowed request stays the same whether or not the address is known.
 */
@Injectable()
export class SignInLinkThrottleGuard implements CanActivate {
  private readonly logger = new Logger(SignInLinkThrottleGuard.name);
  private readonly perClient: SlidingWindowThrottle;
  private readonly overall: SlidingWindowThrottle;

  constructor(config: ConfigService<GatewayEnv, true>) {
    const windowMs = config.get('SIGN_IN_LINK_WINDOW_SECONDS', { infer: true }) * 1000;
    this.perClient = new SlidingWindowThrottle({
      limit: config.get('SIGN_IN_LINK_REQUESTS_PER_IP', { infer: true }),
      windowMs,
    });
    this.overall = new SlidingWindowThrottle({
      limit: config.get('SIGN_IN_LINK_REQUESTS_OVERALL', { infer: true }),
      windowMs,
    });
  }

  canActivate(context: ExecutionContext): boolean {
    const client = clientAddressOf(context.switchToHttp().getRequest<Request>());
    const now = Date.now();
    const perClient = this.perClient.take(client, now);
    if (!perClient.allowed)
      throw new TooManyRequestsError(
        SignInLinkThrottleMessages.client(perClient.retryAfterSeconds),
        perClient.retryAfterSeconds,
      );
    const overall = this.overall.take(ALL_CLIENTS, now);
    if (overall.allowed) return true;
    // Refused, so it does not count against the client either.
    this.perClient.giveBack(client, now);
    this.logger.warn('Sign-in links: the limit for all clients together is reached; requests get 429');
    throw new TooManyRequestsError(
      SignInLinkThrottleMessages.overall(overall.retryAfterSeconds),
      overall.retryAfterSeconds,
    );
  }
}
