import { Actor, FailedSignInsReply } from '@ic/contracts';
import { Clock, requireStaff } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { FailedSignInsRepository } from './failed-sign-ins.repository';
import {
  daysBefore,
  FAILED_SIGN_IN_ADDRESSES_SHOWN,
  FAILED_SIGN_INS_SHOWN_DAYS,
  failuresPerAddress,
} from './failed-sign-ins.rules';
import { SessionsRepository } from './sessions.repository';

@Injectable()
export class FailedSignInsQueries {
  constructor(
    private readonly journal: FailedSignInsRepository,
    private readonly sessions: SessionsRepository,
    private readonly clock: Clock,
  ) {}

  /** For the office: the failed password sign-ins of the last 7 days, per address tried. */
  async list(actor: Actor): Promise<FailedSignInsReply> {
    requireStaff(actor);
    const now = this.clock.now();
    const failures = await this.journal.findSince(daysBefore(now, FAILED_SIGN_INS_SHOWN_DAYS));
    const addresses = [...new Set(failures.map((failure) => failure.email))];
    const perAddress = failuresPerAddress(failures, await this.sessions.failedLoginStreaksOf(addresses), now);
    return {
      days: FAILED_SIGN_INS_SHOWN_DAYS,
      addresses: perAddress.slice(0, FAILED_SIGN_IN_ADDRESSES_SHOWN),
      addressCount: perAddress.length,
    };
  }
}
