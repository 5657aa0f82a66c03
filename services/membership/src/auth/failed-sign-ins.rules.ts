import { FailedSignInsOfAddress } from '@ic/contracts';
import { FailedLoginStreak, nextAttemptAt } from './staff-login/staff-login.rules';

/** How long the journal of failed sign-ins keeps an entry (removed when a newer one is written). */
export const FAILED_SIGN_INS_KEPT_DAYS = 30;
/** How many days back the office's overview looks. */
export const FAILED_SIGN_INS_SHOWN_DAYS = 7;
/** Addresses the overview lists at most: a short table; a flood of guesses shows as its count. */
export const FAILED_SIGN_IN_ADDRESSES_SHOWN = 50;

const DAY_MS = 24 * 60 * 60 * 1000;

/** One password sign-in that failed: no password, nothing but what the office needs to see. */
export interface FailedSignIn {
  readonly email: string;
  readonly officeAccount: boolean;
  readonly at: Date;
}

export function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

/**
 * The failures per address, newest first: how many, the last one, and until when the address must
 * wait now (its current streak's slowdown; null when it may try at once).
 */
export function failuresPerAddress(
  failures: readonly FailedSignIn[],
  streaks: ReadonlyMap<string, FailedLoginStreak>,
  now: Date,
): FailedSignInsOfAddress[] {
  const byAddress = new Map<string, { officeAccount: boolean; failures: number; last: Date }>();
  for (const failure of failures) {
    const seen = byAddress.get(failure.email);
    if (!seen) {
      byAddress.set(failure.email, { officeAccount: failure.officeAccount, failures: 1, last: failure.at });
      continue;
    }
    seen.failures += 1;
    if (failure.at > seen.last) {
      seen.last = failure.at;
      seen.officeAccount = failure.officeAccount;
    }
  }
  return [...byAddress]
    .map(([email, seen]) => {
      const streak = streaks.get(email);
      const waitUntil = streak ? nextAttemptAt(streak) : null;
      return {
        email,
        officeAccount: seen.officeAccount,
        failures: seen.failures,
        lastFailureAt: seen.last.toISOString(),
        nextAttemptAt: waitUntil && waitUntil > now ? waitUntil.toISOString() : null,
      };
    })
    .sort((a, b) => b.lastFailureAt.localeCompare(a.lastFailureAt) || a.email.localeCompare(b.email));
}
