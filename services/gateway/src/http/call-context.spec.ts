import { ANONYMOUS } from '@ic/contracts';
import { InvalidInputError } from '@ic/platform';
import { callContextOf, idempotencyKeyFrom } from './call-context';

function newRequest(
  method: string,
  headers: Record<string, string | string[]> = {},
): Parameters<typeof callContextOf>[0] {
  return { method, headers, identity: ANONYMOUS, correlationId: 'corr-1' };
}

describe(idempotencyKeyFrom.name, () => {
  it.each(['abcdefgh', 'A1_b2-C3'.repeat(12), '3f1c2b8a-0f6f-4d7e-9a51-5b0f7a523c1e'])(
    'keeps the client key %s',
    (key) => {
      expect(idempotencyKeyFrom(key)).toBe(key);
    },
  );

  it('makes a fresh key for each request without the header', () => {
    const first = idempotencyKeyFrom(undefined);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(idempotencyKeyFrom(undefined)).not.toBe(first);
  });

  it.each([
    ['too short', 'abc1234'],
    ['too long', 'a'.repeat(101)],
    ['with spaces', 'abc def ghi'],
    ['with other characters', 'schlüssel-123'],
    ['an operator', '{"$gt":""}'],
  ])('refuses a key that is %s, naming the header', (_case, key) => {
    expect(() => idempotencyKeyFrom(key)).toThrow(InvalidInputError);
    try {
      idempotencyKeyFrom(key);
    } catch (error) {
      expect((error as InvalidInputError).errors).toEqual([
        { field: 'Idempotency-Key', message: expect.stringContaining('Idempotency-Key') },
      ]);
    }
  });

  it('refuses the header given twice', () => {
    expect(() => idempotencyKeyFrom(['abcdefgh', 'ijklmnop'])).toThrow(InvalidInputError);
  });
});

describe(callContextOf.name, () => {
  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])('gives a %s an idempotency key', (method) => {
    expect(callContextOf(newRequest(method, { 'idempotency-key': 'client-key-1' }))).toEqual({
      identity: ANONYMOUS,
      correlationId: 'corr-1',
      idempotencyKey: 'client-key-1',
    });
  });

  it('gives a read none', () => {
    expect(callContextOf(newRequest('GET'))).toEqual({ identity: ANONYMOUS, correlationId: 'corr-1' });
  });

  it('refuses to build a context without the identity the guard sets', () => {
    const request = { ...newRequest('GET'), identity: undefined };
    expect(() => callContextOf(request)).toThrow('AuthenticationGuard');
  });
});
