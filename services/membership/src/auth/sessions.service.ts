import { Actor, SessionActivity } from '@ic/contracts';
import { Clock, ForbiddenError, InvalidInputError } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { isActive } from '../members/member';
import { MembersRepository } from '../members/members.repository';
import { browserSessionIdOf, isOpenAt } from './browser-session.rules';
import { Session } from './session';
import { SessionsRepository } from './sessions.repository';

/**
 * Log out (a token's session, or the cookie's with "Abmelden"), and the gateway's question whether
 * a token's (or a cookie's) session still counts. A session that ends early publishes SessionEnded,
 * on which every gateway instance forgets what it remembered about the subject's sessions.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly members: MembersRepository,
    private readonly clock: Clock,
  ) {}

  /** Ends one of the caller's own sessions (by default the one of the calling token). */
  async logout(
    sessionId: string | undefined,
    actor: Actor,
    correlationId?: string,
  ): Promise<{ loggedOut: true }> {
    if (!sessionId) {
      throw new InvalidInputError('Es ist keine Sitzung angegeben.', [
        { field: 'sessionId', message: 'sessionId fehlt und das Zugriffstoken nennt keine Sitzung' },
      ]);
    }
    const session = await this.sessions.load(sessionId);
    if (!session) return { loggedOut: true };
    if (session.state.subject !== actor.subject) {
      throw new ForbiddenError('Sie können nur Ihre eigene Sitzung beenden.');
    }
    session.end(this.clock.now());
    await this.sessions.save(session, correlationId);
    return { loggedOut: true };
  }

  /** Whoever holds the cookie may end its session; one that is gone or ended already stays so. */
  async endBrowserSession(sessionSecretHash: string, correlationId?: string): Promise<{ ended: true }> {
    const session = await this.sessions.load(browserSessionIdOf(sessionSecretHash));
    if (session?.state.kind !== 'browser') return { ended: true };
    session.end(this.clock.now());
    await this.sessions.save(session, correlationId);
    return { ended: true };
  }

  /**
   * Active: known, not revoked, not expired, and for a member: the membership has not ended. The
   * answers in the order of the ids.
   */
  async areActive(sessionIds: readonly string[]): Promise<SessionActivity[]> {
    const active = await this.activeSessions(sessionIds);
    return sessionIds.map((sessionId) => {
      const session = active.get(sessionId);
      return session
        ? {
            active: true,
            subject: session.subject,
            role: session.role,
            ...(session.operations ? { operations: true } : {}),
          }
        : { active: false };
    });
  }

  /**
   * The active ones of these sessions (as areActive says), by id; the gateway asks about many at
   * once in a rush, so they are read with two queries, not two each. An erased member's document
   * reads as none, so their sessions end with the erasure as with a membership that ended.
   */
  async activeSessions(sessionIds: readonly string[]): Promise<Map<string, Session>> {
    const now = this.clock.now();
    const open = (await this.sessions.findByIds([...new Set(sessionIds)])).filter((session) =>
      isOpenAt(session, now),
    );
    const members = await this.members.findByIds([
      ...new Set(open.filter((session) => session.role === 'member').map((session) => session.subject)),
    ]);
    const activeMembers = new Set(members.filter(isActive).map((member) => member.id));
    return new Map(
      open
        .filter((session) => session.role !== 'member' || activeMembers.has(session.subject))
        .map((session) => [session.id, session]),
    );
  }
}
