import {
  ANONYMOUS,
  BrowserSessionResolution,
  MembershipRequests,
  RequestPattern,
  SessionActivity,
  SESSIONS_PER_QUESTION,
} from '@ic/contracts';
import { RpcClient } from '@ic/messaging/client';
import { BoundedMap, RemoteProblemError, ServiceUnavailableError, UpstreamTimeoutError } from '@ic/platform';
import { Injectable, Logger } from '@nestjs/common';
import { AccessTokenRejectedError, rolesOf, SignedInCaller } from './access-token.verifier';
import { BatchedQuestions, BatchedQuestionsOptions } from './batched-questions';

/**
 * How long one answer about a session counts at most. Sessions that end early are forgotten at once
 * on their event (SessionEventsConsumer); this bounds what a lost event could keep alive.
 */
export const SESSION_CACHE_MS = 10_000;
/**
 * How long the session check waits for the membership service before it refuses with 503: the
 * gateway's usual request timeout. At 2 s, the first requests of 300 members registering at once on
 * a busy machine were refused although membership answered a moment later.
 */
export const SESSION_CHECK_TIMEOUT_MS = 5_000;
/** Bounds the memory of each cache; the oldest entries go first. */
export const MAX_CACHED_SESSIONS = 10_000;

export const SESSION_CHECK_UNAVAILABLE =
  'Ihre Anmeldung kann gerade nicht geprüft werden. Bitte versuchen Sie es in einer Minute erneut.';

const INACTIVE: BrowserSessionResolution = { active: false };

interface CachedAnswer<T> {
  readonly answer: Promise<T>;
  readonly until: number;
  /** Whom the session signs in, once the answer is there. */
  subject?: string;
}

/**
 * Answers per key for at most SESSION_CACHE_MS. Concurrent requests of one session share one
 * question (the promise is cached at once); a failed question is not remembered, so the next
 * request asks again.
 */
class AnswerCache<T extends { active: boolean; subject?: string }> {
  private readonly entries = new BoundedMap<string, CachedAnswer<T>>(MAX_CACHED_SESSIONS);

  /** `remember`: false asks every time (and forgets nothing it knew). */
  get(key: string, ask: () => Promise<T>, remember: boolean): Promise<T> {
    const cached = this.entries.get(key);
    if (cached && cached.until > Date.now()) return cached.answer;
    const answer = ask();
    if (!remember) return answer;
    const entry = this.remember(key, answer);
    answer.then(
      (settled) => {
        if (settled.active) entry.subject = settled.subject;
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return answer;
  }

  remember(key: string, answer: Promise<T>): CachedAnswer<T> {
    const entry: CachedAnswer<T> = { answer, until: Date.now() + SESSION_CACHE_MS };
    this.entries.set(key, entry);
    return entry;
  }

  /**
   * Drops the answers about the subject's sessions, and the questions still open: one of those may
   * have been answered before the session ended.
   */
  forgetSubject(subject: string): void {
    for (const [key, entry] of this.entries) {
      if (entry.subject === subject || entry.subject === undefined) this.entries.delete(key);
    }
  }

  clear(): void {
    this.entries.clear();
  }
}

/**
 * Asks the membership service whether a session still counts (not logged out, membership not
 * ended, data not erased) and whom it signs in: for an access token by its session id, for the
 * browser's session cookie by the hash of the cookie's secret.
 *
 * Each gateway instance remembers an answer for at most 10 seconds, and only while it follows the
 * session events (SessionEnded, MemberDeactivated, MemberErased on the membership topic): each
 * drops what it remembers about that subject, so an ended session counts nowhere from the next
 * request on. Without the events (the broker is gone, the consumer restarts) every request asks.
 *
 * Fails closed: without an answer (timeout, unavailable, a server error) a request is refused with
 * 503 and a German text, never let through. A token counts only for the subject and role of its
 * session: a validly signed token that claims another (a leaked signing key) is refused.
 */
@Injectable()
export class SessionCheck {
  private readonly logger = new Logger(SessionCheck.name);
  private readonly tokenSessions = new AnswerCache<SessionActivity>();
  private readonly browserSessions = new AnswerCache<BrowserSessionResolution>();
  /** Sessions ended through this instance, by id: their cookies are refused here at once too. */
  private readonly endedHere = new Map<string, number>();
  private remembering = false;
  private readonly tokenQuestions = new BatchedQuestions<SessionActivity>(
    async (sessionIds) => (await this.ask(MembershipRequests.sessionsActive, { sessionIds })).sessions,
    this.questionOptions(MembershipRequests.sessionsActive),
  );
  private readonly browserQuestions = new BatchedQuestions<BrowserSessionResolution>(
    async (sessionSecretHashes) =>
      (await this.ask(MembershipRequests.resolveBrowserSessions, { sessionSecretHashes })).resolutions,
    this.questionOptions(MembershipRequests.resolveBrowserSessions),
  );

  constructor(private readonly rpc: RpcClient) {}

  /**
   * Called by SessionEventsConsumer: answers are remembered only while the events that end sessions
   * reach this instance; when they stop, everything remembered is dropped.
   */
  followingSessionEvents(following: boolean): void {
    this.remembering = following;
    if (!following) {
      this.tokenSessions.clear();
      this.browserSessions.clear();
    }
  }

  /** A session of the subject ended (logout, membership ended, data erased): ask afresh next time. */
  sessionsEndedOf(subject: string): void {
    this.tokenSessions.forgetSubject(subject);
    this.browserSessions.forgetSubject(subject);
  }

  /** Whether the token's session counts; refuses a token whose claims differ from its session. */
  async isActive(caller: SignedInCaller): Promise<boolean> {
    if (this.wasEndedHere(caller.sessionId)) return false;
    const session = await this.tokenSessions.get(
      caller.sessionId,
      () => this.tokenQuestions.ask(caller.sessionId),
      this.remembering,
    );
    if (!session.active) return false;
    const claimed = rolesOf(session.role, session.operations === true);
    if (
      session.subject !== caller.subject ||
      caller.roles.length !== claimed.length ||
      !caller.roles.every((role) => claimed.includes(role))
    ) {
      this.logger.error(
        `A validly signed token claims ${caller.roles.join(',')} ${caller.subject} for session ${caller.sessionId} ` +
          `of ${session.role} ${session.subject}: refused. Is JWT_SECRET known outside the platform?`,
      );
      throw new AccessTokenRejectedError('invalid');
    }
    return true;
  }

  /** Who the session cookie with this secret hash signs in, if anyone. */
  async resolveBrowserSession(sessionSecretHash: string): Promise<BrowserSessionResolution> {
    const resolution = await this.browserSessions.get(
      sessionSecretHash,
      () => this.browserQuestions.ask(sessionSecretHash),
      this.remembering,
    );
    if (resolution.active && this.wasEndedHere(resolution.sessionId)) return INACTIVE;
    return resolution;
  }

  /** After a logout through this instance its session is refused here at once. */
  ended(sessionId: string): void {
    if (this.endedHere.size >= MAX_CACHED_SESSIONS) this.endedHere.clear();
    this.endedHere.set(sessionId, Date.now() + SESSION_CACHE_MS);
  }

  /** After the browser's "Abmelden" through this instance its cookie is refused here at once. */
  browserSessionEnded(sessionSecretHash: string): void {
    this.browserSessions.remember(sessionSecretHash, Promise.resolve(INACTIVE));
  }

  private wasEndedHere(sessionId: string): boolean {
    return (this.endedHere.get(sessionId) ?? 0) > Date.now();
  }

  /** Each check gets its answer within SESSION_CHECK_TIMEOUT_MS of the request, or a 503. */
  private questionOptions(pattern: RequestPattern<unknown, unknown>): BatchedQuestionsOptions {
    return {
      spanName: `ask ${pattern.name}`,
      perRequest: SESSIONS_PER_QUESTION,
      answerWithinMs: SESSION_CHECK_TIMEOUT_MS,
      unanswered: () => {
        this.logger.warn(
          `Session check (${pattern.name}) got no answer within ${SESSION_CHECK_TIMEOUT_MS} ms; refusing the request with 503`,
        );
        return new ServiceUnavailableError(SESSION_CHECK_UNAVAILABLE);
      },
    };
  }

  /** Asks for the sessions of several requests: under no caller's identity, in no request's correlation. */
  private async ask<TRequest, TReply>(
    pattern: RequestPattern<TRequest, TReply>,
    payload: TRequest,
  ): Promise<TReply> {
    try {
      return await this.rpc.send(pattern, payload, {
        identity: ANONYMOUS,
        timeoutMs: SESSION_CHECK_TIMEOUT_MS,
      });
    } catch (error) {
      if (!didNotAnswer(error)) throw error;
      this.logger.warn(
        `Session check (${pattern.name}) got no answer (${error.message}); refusing the request with 503`,
      );
      throw new ServiceUnavailableError(SESSION_CHECK_UNAVAILABLE);
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
