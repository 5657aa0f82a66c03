import { mongo } from 'mongoose';

/** The database could not be reached or was closed under the operation: nothing about the event. */
const UNREACHABLE_DATABASE = [
  mongo.MongoNetworkError,
  mongo.MongoServerSelectionError,
  mongo.MongoNotConnectedError,
  mongo.MongoTopologyClosedError,
  mongo.MongoClientClosedError,
  mongo.MongoServerClosedError,
];

/** FerretDB on SQLite answers a write that met another writer's lock so; the same write succeeds later. */
const DATABASE_BUSY = /SQLITE_BUSY|database is locked/;

/**
 * Whether a handler failed because of the infrastructure rather than the event: such a failure is
 * no reason to give up on the event (dead-letter it), only to try again once the database answers.
 */
export function isInfrastructureFailure(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if (UNREACHABLE_DATABASE.some((type) => cause instanceof type)) return true;
    if (DATABASE_BUSY.test(cause.message)) return true;
  }
  return false;
}
