import { mongo } from 'mongoose';

/** The database could not be reached or was closed under the operation. */
const UNREACHABLE_DATABASE = [
  mongo.MongoNetworkError,
  mongo.MongoServerSelectionError,
  mongo.MongoNotConnectedError,
  mongo.MongoTopologyClosedError,
  mongo.MongoClientClosedError,
  mongo.MongoServerClosedError,
  // The server died while it answered: the reply was cut off.
  mongo.MongoUnexpectedServerResponseError,
];

/** The server is shutting down or was interrupted by its shutdown (ShutdownInProgress, InterruptedAtShutdown). */
const SHUTTING_DOWN = [91, 11600];

/** WriteConflict: the server gave up on a write that met another one; the same write succeeds later. */
const WRITE_CONFLICT = 112;

/**
 * Whether the error says that the database failed the operation for now (unreachable, closed,
 * a write conflict, a write the server marks as retryable), not that the operation was wrong.
 */
export function isTransientDatabaseError(error: unknown): boolean {
  if (UNREACHABLE_DATABASE.some((type) => error instanceof type)) return true;
  if (!(error instanceof mongo.MongoError)) return false;
  return (
    error.code === WRITE_CONFLICT ||
    SHUTTING_DOWN.includes(Number(error.code)) ||
    error.hasErrorLabel('RetryableWriteError') ||
    error.hasErrorLabel('TransientTransactionError')
  );
}
