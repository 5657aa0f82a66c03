/** The office's password sign-ins that failed in a row for one address. */
export interface FailedLoginStreak {
  readonly failures: number;
  readonly lastFailureAt: Date;
}

/** The longest wait a run of failures can impose: slows guessing down, never locks anyone out. */
export const MAX_WAIT_SECONDS = 60;

/**
 * Seconds the next attempt must wait after this many failures in a row: none after the first (a
 * typo corrected at once), then 1, 2, 4 … at most 60.
 */
export function waitAfterFailures(failures: number): number {
  return failures <= 1 ? 0 : Math.min(MAX_WAIT_SECONDS, 2 ** (failures - 2));
}

/** The moment from which the address may try again after its streak. */
export function nextAttemptAt(streak: FailedLoginStreak): Date {
  return new Date(streak.lastFailureAt.getTime() + waitAfterFailures(streak.failures) * 1000);
}

/** Seconds, rounded up, until the address may try again after its streak (0: at once). */
export function secondsUntilNextAttempt(streak: FailedLoginStreak | null, now: Date): number {
  if (!streak) return 0;
  return Math.max(0, Math.ceil((nextAttemptAt(streak).getTime() - now.getTime()) / 1000));
}
