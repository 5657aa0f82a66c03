import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { signTestToken, TEST_JWT_SECRET } from '../testing/gateway-test-app';
import {
  AccessTokenRejectedError,
  AccessTokenVerifier,
  SIGN_IN_EXPIRED,
  SIGN_IN_REQUIRED,
} from './access-token.verifier';

function newVerifier(): AccessTokenVerifier {
  return new AccessTokenVerifier(new ConfigService({ JWT_SECRET: TEST_JWT_SECRET }));
}

describe(AccessTokenVerifier.name, () => {
  const sut = newVerifier();

  it('turns a valid token into the caller identity', async () => {
    const token = signTestToken({ sub: 'staff-1', role: 'staff', sid: 'session-1' });
    await expect(sut.verify(token)).resolves.toEqual({
      subject: 'staff-1',
      roles: ['staff'],
      sessionId: 'session-1',
    });
  });

  it('refuses an expired token with its own message', async () => {
    const token = signTestToken({}, { expiresInSeconds: -60 });
    await expect(sut.verify(token)).rejects.toMatchObject({
      reason: 'expired',
      detail: SIGN_IN_EXPIRED,
      status: 401,
    });
  });

  it.each([
    ['another secret', signTestToken({}, { secret: 'another-secret-that-is-long-enough-0123456789' })],
    ['another audience', signTestToken({}, { audience: 'ic-other' })],
    ['another issuer', signTestToken({}, { issuer: 'ic-somebody' })],
    ['another algorithm (HS512)', signTestToken({}, { algorithm: 'HS512' })],
    ['an unknown role', signTestToken({ role: 'admin' })],
    [
      'no session id',
      new JwtService().sign(
        { sub: 'm-1', role: 'member' },
        {
          secret: TEST_JWT_SECRET,
          issuer: 'ic-membership',
          audience: 'ic-platform',
          expiresIn: 60,
        },
      ),
    ],
    [
      'no expiry',
      new JwtService().sign(
        { sub: 'm-1', role: 'member', sid: 'session-1' },
        { secret: TEST_JWT_SECRET, issuer: 'ic-membership', audience: 'ic-platform' },
      ),
    ],
    ['no signature (alg none)', unsignedToken()],
    ['garbage', 'not-a-token'],
  ])('refuses a token with %s', async (_case, token) => {
    await expect(sut.verify(token)).rejects.toThrow(AccessTokenRejectedError);
    await expect(sut.verify(token)).rejects.toMatchObject({ reason: 'invalid', detail: SIGN_IN_REQUIRED });
  });
});

function unsignedToken(): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode({
    sub: 'm-1',
    role: 'staff',
    sid: 's-1',
    iss: 'ic-membership',
    aud: 'ic-platform',
    iat: now,
    exp: now + 600,
  })}.`;
}
