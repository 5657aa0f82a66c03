import { Actor } from '@ic/contracts';
import { Clock, ForbiddenError, InvalidInputError } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { isActive } from '../members/member';
import { MembersRepository } from '../members/members.repository';
import { isOpenAt } from './browser-session.rules';
import { Session, SessionsRepository } from './sessions.repository';

/** Log out, and the gateway's question whether a token's (or a cookie's) session still counts. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly members: MembersRepository,
    private readonly clock: Clock,
  ) {}

  /** Ends one of the caller's own sessions (by default the one of the calling token). */
  async logout(sessionId: string | undefined, actor: Actor): Promise<{ loggedOut: true }> {
    if (!sessionId) {
      throw new InvalidInputError('Es ist keine Sitzung angegeben.', [
        { field: 'sessionId', message: 'sessionId fehlt und das Zugriffstoken nennt keine Sitzung' },
      ]);
    }
    const session = await this.sessions.findById(sessionId);
    if (session && session.subject !== actor.subject) {
      throw new ForbiddenError('Sie können nur Ihre eigene Sitzung beenden.');
    }
    if (session && !session.revokedAt) await this.sessions.revoke(sessionId, this.clock.now());
    return { loggedOut: true };
  }

  /** Active: known, not revoked, not expired, and for a member: the membership has not ended. */
  async isActive(sessionId: string): Promise<{ active: boolean }> {
    return { active: (await this.activeSession(sessionId)) !== null };
  }

  /**
   * The session if it is active (as isActive says), else null. An erased member's document reads as
   * null, so their sessions end with the erasure as with a membership that ended.
   */
  async activeSession(sessionId: string): Promise<Session | null> {
    const session = await this.sessions.findById(sessionId);
    if (!session || !isOpenAt(session, this.clock.now())) return null;
    if (session.role === 'member') {
      const member = await this.members.findById(session.subject);
      if (member === null || !isActive(member)) return null;
    }
    return session;
  }
}
