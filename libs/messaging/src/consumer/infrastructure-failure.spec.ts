import { mongo } from 'mongoose';
import { isInfrastructureFailure } from './infrastructure-failure';

describe(isInfrastructureFailure.name, () => {
  it('counts an unreachable or closed database', () => {
    expect(isInfrastructureFailure(new mongo.MongoNetworkError('connection reset'))).toBe(true);
    expect(isInfrastructureFailure(new mongo.MongoClientClosedError())).toBe(true);
  });

  it('counts a database that dies under the operation: an answer cut off, a server shutting down', () => {
    expect(
      isInfrastructureFailure(new mongo.MongoUnexpectedServerResponseError('invalid message size')),
    ).toBe(true);
    expect(
      isInfrastructureFailure(new mongo.MongoServerError({ message: 'shutdown in progress', code: 91 })),
    ).toBe(true);
    expect(
      isInfrastructureFailure(
        new mongo.MongoServerError({ message: 'interrupted at shutdown', code: 11600 }),
      ),
    ).toBe(true);
  });

  it('counts a write conflict, also as the cause of another error', () => {
    const conflict = new mongo.MongoServerError({ message: 'WriteConflict', code: 112 });
    expect(isInfrastructureFailure(conflict)).toBe(true);
    expect(isInfrastructureFailure(new Error('Ankündigung unvollständig', { cause: conflict }))).toBe(true);
  });

  it('does not count what is wrong with the event or the handler', () => {
    expect(
      isInfrastructureFailure(new mongo.MongoServerError({ message: 'E11000 duplicate key', code: 11000 })),
    ).toBe(false);
    expect(
      isInfrastructureFailure(new TypeError("Cannot read properties of undefined (reading 'email')")),
    ).toBe(false);
    expect(isInfrastructureFailure('connection reset')).toBe(false);
  });
});
