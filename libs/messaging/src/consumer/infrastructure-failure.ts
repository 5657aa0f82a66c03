import { isTransientDatabaseError } from '@ic/persistence';

/**
 * Whether a handler failed because of the infrastructure rather than the event (also as the cause
 * of another error): such a failure is no reason to give up on the event (dead-letter it), only to
 * try again once the database answers.
 */
export function isInfrastructureFailure(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if (isTransientDatabaseError(cause)) return true;
  }
  return false;
}
