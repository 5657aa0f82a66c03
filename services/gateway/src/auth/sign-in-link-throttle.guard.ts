import { TooManyRequestsError } from '@ic/platform';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Request, Response } from 'express';
import { GatewayEnv } from '../gateway.env';
import { SlidingWindowThrottle } from './sliding-window.throttle';

/**
 * Limits requests for sign-in links per client IP address (429 with Retry-After), so that nobody
 * can use the gateway to flood mailboxes or probe many addresses quickly. The answer to an allowed
 * request stays the same whether or not the address is known.
 *
 * The address is the socket's peer (Express `request.ip`); behind a reverse proxy, Express's
 * "trust proxy" must name that proxy, or all clients share the proxy's address.
 */
@Injectable()
export class SignInLinkThrottleGuard implements CanActivate {
  private readonly throttle: SlidingWindowThrottle;

  constructor(config: ConfigService<GatewayEnv, true>) {
    this.throttle = new SlidingWindowThrottle({
      limit: config.get('SIGN_IN_LINK_REQUESTS_PER_IP', { infer: true }),
      windowMs: config.get('SIGN_IN_LINK_WINDOW_SECONDS', { infer: true }) * 1000,
    });
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const decision = this.throttle.take(request.ip ?? request.socket.remoteAddress ?? 'unknown');
    if (decision.allowed) return true;
    context
      .switchToHttp()
      .getResponse<Response>()
      .setHeader('Retry-After', String(decision.retryAfterSeconds));
    const minutes = Math.ceil(decision.retryAfterSeconds / 60);
    throw new TooManyRequestsError(
      `Von Ihrer Verbindung kamen zu viele Anfragen nach Anmeldelinks. Bitte versuchen Sie es in ${minutes} ${minutes === 1 ? 'Minute' : 'Minuten'} erneut.`,
    );
  }
}
