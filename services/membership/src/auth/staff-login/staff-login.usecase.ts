import { AccessTokenReply, StaffLoginRequest } from '@ic/contracts';
import {
  Clock,
  hashPassword,
  TooManyRequestsError,
  UnauthenticatedError,
  verifyPassword,
} from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AccessTokensService } from '../access-tokens.service';
import { SessionsRepository } from '../sessions.repository';
import { StaffAccountsRepository } from '../staff-accounts.repository';

export const StaffLoginMessages = {
  wrongCredentials: 'E-Mail-Adresse oder Passwort ist falsch.',
  throttled:
    'Zu viele fehlgeschlagene Anmeldeversuche für diese E-Mail-Adresse. Bitte versuchen Sie es in 15 Minuten erneut.',
} as const;

export const FAILED_LOGINS_ALLOWED = 10;
export const FAILED_LOGIN_WINDOW_MS = 15 * 60 * 1000;

/**
 * The office signs in with e-mail and password. An unknown address costs the same scrypt work as a
 * wrong password and gets the same answer; ten failures per address in 15 minutes lock it for a while.
 */
@Injectable()
export class StaffLoginUseCase {
  private decoyHash?: Promise<string>;

  constructor(
    private readonly accounts: StaffAccountsRepository,
    private readonly sessions: SessionsRepository,
    private readonly tokens: AccessTokensService,
    private readonly clock: Clock,
  ) {}

  async execute(request: StaffLoginRequest): Promise<AccessTokenReply> {
    return this.tokens.issue(await this.authenticate(request), 'staff');
  }

  /**
   * Checks the address and password under the lockout and returns the account's subject; the
   * browser session (StartBrowserSessionUseCase) signs in with the same rules.
   */
  async authenticate(request: StaffLoginRequest): Promise<string> {
    const now = this.clock.now();
    const failures = await this.sessions.countFailedLoginsSince(
      request.email,
      new Date(now.getTime() - FAILED_LOGIN_WINDOW_MS),
    );
    if (failures >= FAILED_LOGINS_ALLOWED) throw new TooManyRequestsError(StaffLoginMessages.throttled);

    const account = await this.accounts.findByEmail(request.email);
    const valid = await verifyPassword(request.password, account?.passwordHash ?? (await this.decoy()));
    if (!account || !valid) {
      await this.sessions.recordFailedLogin(request.email, now);
      throw new UnauthenticatedError(StaffLoginMessages.wrongCredentials);
    }
    return account.subject;
  }

  /** A hash of a random password with the real cost, so that unknown addresses take as long. */
  private decoy(): Promise<string> {
    this.decoyHash ??= hashPassword(randomBytes(24).toString('base64url'));
    return this.decoyHash;
  }
}
