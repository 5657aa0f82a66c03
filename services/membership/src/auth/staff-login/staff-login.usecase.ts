import { AccessTokenReply, StaffLoginRequest } from '@ic/contracts';
import { Clock, TooManyRequestsError, UnauthenticatedError, waitInGerman } from '@ic/platform';
import { Injectable, Logger } from '@nestjs/common';
import { AccessTokensService } from '../access-tokens.service';
import { OperationsStaff } from '../operations-staff';
import { FailedSignInsRepository } from '../failed-sign-ins.repository';
import { daysBefore, FAILED_SIGN_INS_KEPT_DAYS } from '../failed-sign-ins.rules';
import { SessionsRepository } from '../sessions.repository';
import { StaffAccountsRepository } from '../staff-accounts.repository';
import { StaffPasswords } from '../staff-passwords';
import { secondsUntilNextAttempt, waitAfterFailures } from './staff-login.rules';

export const StaffLoginMessages = {
  wrongCredentials: 'E-Mail-Adresse oder Passwort ist falsch.',
  waitBeforeNextAttempt: (seconds: number) =>
    `Wegen fehlgeschlagener Anmeldeversuche ist die nächste Anmeldung mit dieser E-Mail-Adresse erst in ${waitInGerman(seconds)} möglich. Bitte versuchen Sie es dann erneut.`,
} as const;

/**
 * The office signs in with e-mail and password. An unknown address costs the same scrypt work as a
 * wrong password and gets the same answer. From the second failure in a row on, the next attempt for
 * the address waits longer each time (1 s, 2 s, 4 s … 60 s; OWASP: slow down rather than lock,
 * which a stranger could use to lock the office out); an attempt during the wait is refused
 * unchecked and does not count. A sign-in that succeeds ends the streak. Each failure goes into the
 * journal the office sees (FailedSignInsQueries).
 */
@Injectable()
export class StaffLoginUseCase {
  private readonly logger = new Logger(StaffLoginUseCase.name);
  constructor(
    private readonly accounts: StaffAccountsRepository,
    private readonly sessions: SessionsRepository,
    private readonly journal: FailedSignInsRepository,
    private readonly tokens: AccessTokensService,
    private readonly clock: Clock,
    private readonly operationsStaff: OperationsStaff,
    private readonly passwords: StaffPasswords,
  ) {}

  async execute(request: StaffLoginRequest): Promise<AccessTokenReply> {
    const subject = await this.authenticate(request);
    return this.tokens.issue(subject, 'staff', this.operationsStaff.grants(request.email));
  }

  /** Whether the account signing in with this address also holds the operations role. */
  holdsOperations(email: string): boolean {
    return this.operationsStaff.grants(email);
  }

  /**
   * Checks the address and password under the slowdown and returns the account's subject; the
   * browser session (StartBrowserSessionUseCase) signs in with the same rules.
   */
  async authenticate(request: StaffLoginRequest): Promise<string> {
    const now = this.clock.now();
    const streak = await this.sessions.failedLoginStreakOf(request.email);
    const wait = secondsUntilNextAttempt(streak, now);
    if (wait > 0) throw new TooManyRequestsError(StaffLoginMessages.waitBeforeNextAttempt(wait), wait);

    const account = await this.accounts.findByEmail(request.email);
    const valid = await this.passwords.matches(request.password, account?.passwordHash);
    if (!account || !valid) {
      // The wait runs from the answer, not from the start of the check: on a busy machine the scrypt
      // work alone can outlast the first wait.
      const at = this.clock.now();
      const [failed] = await Promise.all([
        this.sessions.recordFailedLogin(request.email, at),
        this.journal.record(
          { email: request.email, officeAccount: account !== null, at },
          daysBefore(at, FAILED_SIGN_INS_KEPT_DAYS),
        ),
      ]);
      // The account's id, never the address: logs carry no personal data (the office sees the
      // addresses on its console, from the journal of failed sign-ins).
      this.logger.warn(
        `Staff sign-in failed for ${account ? account.subject : 'an address without an account'} (${account ? 'wrong password' : 'no such account'}): ` +
          `${failed.failures} in a row, the next attempt waits ${waitAfterFailures(failed.failures)} s`,
      );
      throw new UnauthenticatedError(StaffLoginMessages.wrongCredentials);
    }
    if (streak) {
      await this.sessions.clearFailedLogins(request.email);
      this.logger.warn(
        `Staff sign-in for ${account.subject} after ${streak.failures} failed attempts in a row`,
      );
    }
    return account.subject;
  }
}
