import { TooManyRequestsError, waitInGerman } from '@ic/platform';
import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Request } from 'express';
import { catchError, Observable, tap, throwError } from 'rxjs';
import { GatewayEnv } from '../gateway.env';
import { clientAddressOf, networkForLog } from './client-address';
import { SlidingWindowThrottle } from './sliding-window.throttle';

/** What a client of the office's password sign-in must expect (both routes, token and browser). */
export const STAFF_SIGN_IN_LIMITS =
  'Ab dem zweiten Fehlversuch in Folge für eine Adresse wartet der nächste Versuch 1, 2, 4 … höchstens ' +
  '60 Sekunden nach dem letzten Fehlversuch (eine erfolgreiche Anmeldung setzt das zurück); vorher ist die ' +
  'Antwort 429 mit `Retry-After`. Pro Verbindung (IP-Adresse) sind 10 Fehlversuche in 15 Minuten möglich.';

export const staffSignInThrottledMessage = (seconds: number) =>
  `Von Ihrer Verbindung kamen zu viele fehlgeschlagene Anmeldeversuche. Bitte versuchen Sie es in ${waitInGerman(seconds)} erneut.`;

/**
 * Limits the office's password sign-ins that fail per client address (429 with Retry-After), over
 * every address tried, so that one client cannot guess across accounts. Each attempt counts from
 * its start (so parallel attempts count too) and is given back when it signs in. The membership
 * service slows down each account after failures in a row, shared by all gateway instances.
 */
@Injectable()
export class StaffSignInThrottleInterceptor implements NestInterceptor {
  private readonly logger = new Logger(StaffSignInThrottleInterceptor.name);
  private readonly failures: SlidingWindowThrottle;
  private readonly windowMinutes: number;

  constructor(config: ConfigService<GatewayEnv, true>) {
    const windowSeconds = config.get('STAFF_SIGN_IN_WINDOW_SECONDS', { infer: true });
    this.windowMinutes = Math.ceil(windowSeconds / 60);
    this.failures = new SlidingWindowThrottle({
      limit: config.get('STAFF_SIGN_IN_FAILURES_PER_IP', { infer: true }),
      windowMs: windowSeconds * 1000,
    });
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const client = clientAddressOf(context.switchToHttp().getRequest<Request>());
    const at = Date.now();
    const decision = this.failures.take(client, at);
    if (!decision.allowed)
      throw new TooManyRequestsError(
        staffSignInThrottledMessage(decision.retryAfterSeconds),
        decision.retryAfterSeconds,
      );
    return next.handle().pipe(
      tap(() => this.failures.giveBack(client, at)),
      catchError((error: unknown) => {
        if (decision.remaining === 0)
          this.logger.warn(
            `Staff sign-in from ${networkForLog(client)}: failed attempts reached the limit for ${this.windowMinutes} minutes; further attempts get 429`,
          );
        return throwError(() => error);
      }),
    );
  }
}
