import { BrowserSessionReply } from '@ic/contracts';
import { Clock } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { BrowserSessionLifetimes, newBrowserSession, toBrowserSessionReply } from './browser-session.rules';
import { SessionsRepository } from './sessions.repository';

/**
 * Opens the sessions behind the portal's cookie (SessionsService ends them). The cookie's secret
 * never reaches this service: the gateway sends its SHA-256, from which the session's id follows.
 */
@Injectable()
export class BrowserSessionsService {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly lifetimes: BrowserSessionLifetimes,
    private readonly clock: Clock,
  ) {}

  /** A new session for someone whose identity the caller has just proven (link, password, invitation). */
  async open(
    subject: string,
    role: BrowserSessionReply['role'],
    sessionSecretHash: string,
    operations = false,
  ): Promise<BrowserSessionReply> {
    const session = newBrowserSession(
      subject,
      role,
      sessionSecretHash,
      this.clock.now(),
      this.lifetimes,
      operations,
    );
    await this.sessions.insert(session);
    return toBrowserSessionReply(session);
  }
}
