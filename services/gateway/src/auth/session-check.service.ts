import { ANONYMOUS, BrowserSessionResolution, MembershipRequests } from '@ic/contracts';
import { RpcClient } from '@ic/messaging/client';
import { RemoteProblemError, ServiceUnavailableError, UpstreamTimeoutError } from '@ic/platform';
import { Injectable, Logger } from '@nestjs/common';
import { SignedInCaller } from './access-token.verifier';

/** How long one answer about a session counts; a logout reaches other gateway instances within this. */
export const SESSION_CACHE_MS = 10_000;
/** The session check must not hold a request up for long when the membership service is slow. */
export const SESSION_CHECK_TIMEOUT_MS = 2_000;
/** Bounds the memory of each cache; the oldest entries go first. */
export const MAX_CACHED_SESSIONS = 10_000;

const INACTIVE: BrowserSessionResolution = { active: false };

interface CachedAnswer<T> {
  readonly answer: Promise<T>;
  readonly until: number;
}

/**
 * Answers per key for at most SESSION_CACHE_MS. Concurrent requests of one session share one
 * question (the promise is cached at once); a failed question is not remembered, so the next
 * request asks again.
 */
class AnswerCache<T> {
  private readonly entries = new Map<string, CachedAnswer<T>>();

  get(key: string, ask: () => Promise<T>): Promise<T> {
    const cached = this.entries.get(key);
    if (cached && cached.until > Date.now()) return cached.answer;
    const answer = ask();
    this.remember(key, answer);
    void answer.catch(() => {
      if (this.entries.get(key)?.answer === answer) this.entries.delete(key);
    });
    return answer;
  }

  /** Whether an answer for the key still counts. */
  has(key: string): boolean {
    return (this.entries.get(key)?.until ?? 0) > Date.now();
  }

  remember(key: string, answer: Promise<T>): void {
    this.entries.delete(key);
    if (this.entries.size >= MAX_CACHED_SESSIONS) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { answer, until: Date.now() + SESSION_CACHE_MS });
  }
}

/**
 * Asks the membership service whether a session still counts (not logged out, membership not
 * ended), and remembers each answer for at most 10 seconds per session: for an access token by its
 * session id, for the browser's session cookie by the hash of the cookie's secret.
 *
 * Trade-off for access tokens, on purpose: when the membership service does not answer (timeout,
 * unavailable, or a server error), the token is accepted and a warning is logged. A token is
 * short-lived (15 minutes by default) and its signature, issuer, audience and expiry are still
 * checked, so the worst case is that a token whose session was just ended keeps working until the
 * membership service answers again or the token expires. Failing closed instead would sign every
 * member and staff out of all services (events, registrations, notifications) whenever the
 * membership service is down. A reply the service does give (including a 4xx problem) is never
 * overridden. A cookie says nothing by itself (not even who it signs in), so without an answer its
 * request fails (503/504) and is not remembered.
 */
@Injectable()
export class SessionCheck {
  private readonly logger = new Logger(SessionCheck.name);
  private readonly tokenSessions = new AnswerCache<boolean>();
  private readonly browserSessions = new AnswerCache<BrowserSessionResolution>();
  /** Sessions ended through this instance, by id: their cookies are refused here at once too. */
  private readonly endedHere = new AnswerCache<true>();

  constructor(private readonly rpc: RpcClient) {}

  isActive(caller: SignedInCaller, correlationId?: string): Promise<boolean> {
    return this.tokenSessions.get(caller.sessionId, () => this.ask(caller, correlationId));
  }

  /** Who the session cookie with this secret hash signs in, if anyone. */
  async resolveBrowserSession(
    sessionSecretHash: string,
    correlationId?: string,
  ): Promise<BrowserSessionResolution> {
    const resolution = await this.browserSessions.get(sessionSecretHash, () =>
      this.rpc.send(
        MembershipRequests.resolveBrowserSession,
        { sessionSecretHash },
        {
          identity: ANONYMOUS,
          timeoutMs: SESSION_CHECK_TIMEOUT_MS,
          ...(correlationId ? { correlationId } : {}),
        },
      ),
    );
    if (resolution.active && this.endedHere.has(resolution.sessionId)) return INACTIVE;
    return resolution;
  }

  /** After a logout through this instance its session is refused here at once. */
  ended(sessionId: string): void {
    this.tokenSessions.remember(sessionId, Promise.resolve(false));
    this.endedHere.remember(sessionId, Promise.resolve(true));
  }

  /** After the browser's "Abmelden" through this instance its cookie is refused here at once. */
  browserSessionEnded(sessionSecretHash: string): void {
    this.browserSessions.remember(sessionSecretHash, Promise.resolve(INACTIVE));
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
