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

/**
 * Node's own report of a connection cut under a write (`EPIPE`: "This socket has been ended by the
 * other party"), which a bulk write can carry unwrapped when the database dies under it.
 */
const BROKEN_CONNECTION = ['EPIPE', 'ECONNRESET', 'ECONNREFUSED'];

function isBrokenConnection(failure: unknown): boolean {
  return failure instanceof Error && 'code' in failure && BROKEN_CONNECTION.includes(String(failure.code));
}

/** The server is shutting down or was interrupted by its shutdown (ShutdownInProgress, InterruptedAtShutdown). */
const SHUTTING_DOWN = [91, 11600];

/** WriteConflict: the server gave up on a write that met another one; the same write succeeds later. */
const WRITE_CONFLICT = 112;

/**
 * Whether the error says that the database failed the operation for now (unreachable, closed,
 * a write conflict, a write the server marks as retryable), not that the operation was wrong.
 */
export function isTransientDatabaseError(error: unknown): boolean {
  const failure = driverFailureBehind(error);
  if (failure !== error && isBrokenConnection(failure)) return true;
  if (UNREACHABLE_DATABASE.some((type) => failure instanceof type)) return true;
  if (!(failure instanceof mongo.MongoError)) return false;
  return (
    failure.code === WRITE_CONFLICT ||
    SHUTTING_DOWN.includes(Number(failure.code)) ||
    failure.hasErrorLabel('RetryableWriteError') ||
    failure.hasErrorLabel('TransientTransactionError')
  );
}

/**
 * The driver's own failure (the database away, the connection cut) behind a bulk write's error:
 * `insertMany` and `bulkWrite` wrap it in a MongoBulkWriteError with no write errors instead of
 * throwing it (an insert merged for concurrent callers answered 500 instead of 503 while the
 * database was away).
 */
export function driverFailureBehind(error: unknown): unknown {
  return error instanceof mongo.MongoBulkWriteError && error.errorResponse instanceof Error
    ? error.errorResponse
    : error;
}
