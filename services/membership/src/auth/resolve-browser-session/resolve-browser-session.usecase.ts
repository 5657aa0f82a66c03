import { BrowserSessionResolution } from '@ic/contracts';
import { Clock } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import {
  browserSessionIdOf,
  BrowserSessionLifetimes,
  renewedExpiry,
  toBrowserSessionReply,
} from '../browser-session.rules';
import { SessionsRepository } from '../sessions.repository';
import { SessionsService } from '../sessions.service';

/**
 * The gateway asks who a cookie signs in: its session by the hash of the cookie's secret, if it is
 * active (not ended, not expired, the membership not ended, the data not erased). A member's use
 * moves the expiry on by a full lifetime, at most once a day; `renewed` tells the gateway to set
 * the cookie again with the new lifetime.
 */
@Injectable()
export class ResolveBrowserSessionUseCase {
  constructor(
    private readonly sessions: SessionsService,
    private readonly repository: SessionsRepository,
    private readonly lifetimes: BrowserSessionLifetimes,
    private readonly clock: Clock,
  ) {}

  /** The answers in the order of the hashes; the gateway asks about many cookies at once in a rush. */
  async execute(sessionSecretHashes: readonly string[]): Promise<BrowserSessionResolution[]> {
    const active = await this.sessions.activeSessions(sessionSecretHashes.map(browserSessionIdOf));
    const now = this.clock.now();
    const resolutions = new Map<string, Promise<BrowserSessionResolution>>();
    const resolve = async (sessionSecretHash: string): Promise<BrowserSessionResolution> => {
      const session = active.get(browserSessionIdOf(sessionSecretHash));
      if (!session || session.kind !== 'browser') return { active: false };
      const expiresAt = renewedExpiry(session, now, this.lifetimes);
      if (expiresAt) await this.repository.renew(session.id, expiresAt, now);
      return {
        active: true,
        ...toBrowserSessionReply({ ...session, expiresAt: expiresAt ?? session.expiresAt }),
        renewed: expiresAt !== undefined,
      };
    };
    // A cookie asked about twice is renewed once, and both answers say so.
    for (const hash of sessionSecretHashes) if (!resolutions.has(hash)) resolutions.set(hash, resolve(hash));
    return Promise.all(sessionSecretHashes.map((hash) => resolutions.get(hash)!));
  }
}
