import { mongo } from 'mongoose';
import { isInfrastructureFailure } from './infrastructure-failure';

describe(isInfrastructureFailure.name, () => {
  it('counts an unreachable or closed database', () => {
    expect(isInfrastructureFailure(new mongo.MongoNetworkError('connection reset'))).toBe(true);
    expect(isInfrastructureFailure(new mongo.MongoClientClosedError())).toBe(true);
  });

  it("counts FerretDB's busy SQLite database, also as the cause of another error", () => {
    const busy = new mongo.MongoServerError({
      message:
        '[collection.go:177 sqlite.(*collection).UpdateAll.func1] database is locked (5) (SQLITE_BUSY)',
    });
    expect(isInfrastructureFailure(busy)).toBe(true);
    expect(isInfrastructureFailure(new Error('Ankündigung unvollständig', { cause: busy }))).toBe(true);
  });

  it('does not count what is wrong with the event or the handler', () => {
    expect(isInfrastructureFailure(new mongo.MongoServerError({ message: 'E11000 duplicate key' }))).toBe(
      false,
    );
    expect(
      isInfrastructureFailure(new TypeError("Cannot read properties of undefined (reading 'email')")),
    ).toBe(false);
    expect(isInfrastructureFailure('SQLITE_BUSY')).toBe(false);
  });
});
