import { Actor } from '@ic/contracts';
import { Clock, ForbiddenError, InvalidInputError } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { isActive } from '../members/member';
import { MembersRepository } from '../members/members.repository';
import { SessionsRepository } from './sessions.repository';

/** Log out, and the gateway's question whether a token's session still counts. */
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
    const session = await this.sessions.findById(sessionId);
    if (!session || session.revokedAt || session.expiresAt.getTime() <= this.clock.now().getTime()) {
      return { active: false };
    }
    if (session.role === 'member') {
      const member = await this.members.findById(session.subject);
      return { active: member !== null && isActive(member) };
    }
    return { active: true };
  }
}
