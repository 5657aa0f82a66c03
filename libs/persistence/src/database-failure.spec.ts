import { mongo } from 'mongoose';
import { isTransientDatabaseError } from './database-failure';
import { isOnlyDuplicateKeyErrors } from './mongo-errors';

/** What `insertMany` and `bulkWrite` throw when the driver itself fails (the result does not matter here). */
function bulkErrorWrapping(failure: Error): mongo.MongoBulkWriteError {
  return new mongo.MongoBulkWriteError(failure, undefined as never);
}

describe(isTransientDatabaseError.name, () => {
  it('sees the database away behind the error of a bulk write', () => {
    const away = bulkErrorWrapping(new mongo.MongoNetworkError('connect ECONNREFUSED 127.0.0.1:13009'));

    expect(away.message).toBe('connect ECONNREFUSED 127.0.0.1:13009');
    expect(isTransientDatabaseError(away)).toBe(true);
  });

  it('sees a connection cut under a bulk write, as Node reports it to the driver', () => {
    const cut = Object.assign(new Error('This socket has been ended by the other party'), { code: 'EPIPE' });

    expect(isTransientDatabaseError(bulkErrorWrapping(cut))).toBe(true);
  });

  it('does not count a bulk write that the server refused for its documents', () => {
    const refused = new mongo.MongoBulkWriteError(
      { message: 'E11000 duplicate key', code: 11000, writeErrors: [] },
      undefined as never,
    );

    expect(isTransientDatabaseError(refused)).toBe(false);
  });
});

describe(isOnlyDuplicateKeyErrors.name, () => {
  it('does not take a bulk insert that failed as a whole for one of duplicates', () => {
    expect(isOnlyDuplicateKeyErrors(bulkErrorWrapping(new mongo.MongoNetworkError('connection reset')))).toBe(
      false,
    );
  });
});
