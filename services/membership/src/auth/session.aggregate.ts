import { SessionEndedEvent } from '@ic/contracts';
import { Aggregate } from '@ic/platform';
import { Session } from './session';

/**
 * A session behind an access token or a cookie: decides its early end and records SessionEnded, on
 * which every gateway instance forgets what it remembered about the subject's sessions.
 */
export class SessionAggregate extends Aggregate<Session> {
  private constructor(session: Session) {
    super(session);
  }

  static of(session: Session): SessionAggregate {
    return new SessionAggregate(session);
  }

  get id(): string {
    return this.state.id;
  }

  /** Ends the session now with SessionEnded; a session ended already stays as it was. */
  end(at: Date): void {
    const { id: sessionId, subject, role, revokedAt } = this.state;
    if (revokedAt) return;
    this.change({ ...this.state, revokedAt: at });
    this.record(SessionEndedEvent, { sessionId, subject, role, endedAt: at.toISOString() });
  }
}
