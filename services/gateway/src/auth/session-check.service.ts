import { MembershipRequests } from '@ic/contracts';
import { RpcClient } from '@ic/messaging';
import { RemoteProblemError, ServiceUnavailableError, UpstreamTimeoutError } from '@ic/platform';
import { Injectable, Logger } from '@nestjs/common';
import { SignedInCaller } from './access-token.verifier';

/** How long one answer about a session counts; a logout reaches other gateway instances within this. */
export const SESSION_CACHE_MS = 10_000;
/** The session check must not hold a request up for long when the membership service is slow. */
export const SESSION_CHECK_TIMEOUT_MS = 2_000;
/** Bounds the memory of the cache; the oldest entries go first. */
export const MAX_CACHED_SESSIONS = 10_000;

interface CachedAnswer {
  readonly active: Promise<boolean>;
  readonly until: number;
}

/**
 * Asks the membership service whether an access token's session is still active (not logged out,
 * membership not ended), and remembers each answer for at most 10 seconds per session.
 *
 * Trade-off, on purpose: when the membership service does not answer (timeout, unavailable, or a
 * server error), the token is accepted and a warning is logged. A token is short-lived (15 minutes
 * by default) and its signature, issuer, audience and expiry are still checked, so the worst case
 * is that a token whose session was just ended keeps working until the membership service answers
 * again or the token expires. Failing closed instead would sign every member and staff out of all
 * services (events, registrations, notifications) whenever the membership service is down. A reply
 * the service does give (including a 4xx problem) is never overridden.
 */
@Injectable()
export class SessionCheck {
  private readonly logger = new Logger(SessionCheck.name);
  private readonly cache = new Map<string, CachedAnswer>();

  constructor(private readonly rpc: RpcClient) {}

  isActive(caller: SignedInCaller, correlationId?: string): Promise<boolean> {
    const cached = this.cache.get(caller.sessionId);
    if (cached && cached.until > Date.now()) return cached.active;
    // Concurrent requests of one session share one question (the promise is cached at once).
    const active = this.ask(caller, correlationId);
    this.remember(caller.sessionId, active);
    // A failed question is not remembered (the caller gets the error); the next request asks again.
    void active.catch(() => {
      if (this.cache.get(caller.sessionId)?.active === active) this.cache.delete(caller.sessionId);
    });
    return active;
  }

  /** After a logout through this instance its session is refused here at once. */
  ended(sessionId: string): void {
    this.remember(sessionId, Promise.resolve(false));
  }

  private remember(sessionId: string, active: Promise<boolean>): void {
    this.cache.delete(sessionId);
    if (this.cache.size >= MAX_CACHED_SESSIONS) {
      const oldest = this.cache.keys().next();
      if (!oldest.done) this.cache.delete(oldest.value);
    }
    this.cache.set(sessionId, { active, until: Date.now() + SESSION_CACHE_MS });
  }

  private async ask(caller: SignedInCaller, correlationId: string | undefined): Promise<boolean> {
    try {
      const reply = await this.rpc.send(
        MembershipRequests.sessionActive,
        { sessionId: caller.sessionId },
        {
          identity: caller,
          timeoutMs: SESSION_CHECK_TIMEOUT_MS,
          ...(correlationId ? { correlationId } : {}),
        },
      );
      return reply.active === true;
    } catch (error) {
      if (!didNotAnswer(error)) throw error;
      this.logger.warn(
        `Session check for ${caller.roles.join(',')} ${caller.subject} got no answer (${error.message}); ` +
          'accepting the signed token until the membership service answers again',
      );
      return true;
    }
  }
}

function didNotAnswer(
  error: unknown,
): error is UpstreamTimeoutError | ServiceUnavailableError | RemoteProblemError {
  return (
    error instanceof UpstreamTimeoutError ||
    error instanceof ServiceUnavailableError ||
    (error instanceof RemoteProblemError && error.problem.status >= 500)
  );
}
