import { MembershipRequests } from '@ic/contracts';
import {
  activeSessionOfCaller,
  fieldsOf,
  GatewayTestApp,
  signTestToken,
  startGatewayTestApp,
} from '../testing/gateway-test-app';
import { newAccessTokenReply } from '../testing/reply-factories';
import { SESSION_ENDED } from './access-token.verifier';
import { AuthController } from './auth.controller';
import { SIGN_IN_LINK_ACCEPTED } from './auth.responses';

describe(AuthController.name, () => {
  let sut: GatewayTestApp;

  beforeEach(async () => {
    sut = await startGatewayTestApp({ SIGN_IN_LINK_REQUESTS_PER_IP: 3 });
    sut.rpc
      .answer(MembershipRequests.sessionActive, activeSessionOfCaller)
      .answer(MembershipRequests.staffLogin, () => newAccessTokenReply({ role: 'staff' }))
      .answer(MembershipRequests.logout, () => ({ loggedOut: true }))
      .answer(MembershipRequests.requestSignInLink, () => ({ accepted: true }))
      .answer(MembershipRequests.redeemSignInLink, () => newAccessTokenReply());
  });

  afterEach(() => sut.close());

  describe('staffLogin', () => {
    it('answers 200 with the token, sending the normalised login with a key', async () => {
      const response = await sut.request('/api/v1/auth/staff/login', {
        method: 'POST',
        body: { email: ' Leitung@Innovators-Club.example ', password: 'geheim' },
      });
      expect(response.status).toBe(200);
      expect(response.json).toMatchObject({ tokenType: 'Bearer', role: 'staff' });
      const [sent] = sut.rpc.sentTo(MembershipRequests.staffLogin);
      expect(sent?.payload).toEqual({ email: 'leitung@innovators-club.example', password: 'geheim' });
      expect(sent?.options.idempotencyKey).toEqual(expect.any(String));
    });

    it('refuses an operator object instead of a password', async () => {
      const response = await sut.request('/api/v1/auth/staff/login', {
        method: 'POST',
        body: { email: 'leitung@innovators-club.example', password: { $gt: '' } },
      });
      expect(response.status).toBe(400);
      expect(fieldsOf(response.json)).toEqual(['password']);
      expect(sut.rpc.sentTo(MembershipRequests.staffLogin)).toHaveLength(0);
    });
  });

  describe('logout', () => {
    it('ends the session: 204, and the same token is refused at once', async () => {
      const token = signTestToken({ role: 'member', sid: 'session-9' });
      const response = await sut.request('/api/v1/auth/logout', { method: 'POST', token });
      expect(response.status).toBe(204);
      expect(sut.rpc.sentTo(MembershipRequests.logout)[0]?.payload).toEqual({ sessionId: 'session-9' });

      const again = await sut.request('/api/v1/auth/logout', { method: 'POST', token });
      expect(again.status).toBe(401);
      expect(again.json).toMatchObject({ detail: SESSION_ENDED });
    });
  });

  describe('requestSignInLink', () => {
    it('answers 202 with the same message whatever the address', async () => {
      const response = await sut.request('/api/v1/auth/sign-in-links', {
        method: 'POST',
        body: { email: 'wer@auch-immer.example' },
      });
      expect(response.status).toBe(202);
      expect(response.json).toEqual({ message: SIGN_IN_LINK_ACCEPTED });
    });

    it('throttles one client address: 429 with Retry-After, and no request reaches the service', async () => {
      const ask = () =>
        sut.request('/api/v1/auth/sign-in-links', { method: 'POST', body: { email: 'a@kalletal.example' } });
      for (let index = 0; index < 3; index++) expect((await ask()).status).toBe(202);
      const refused = await ask();
      expect(refused.status).toBe(429);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(590);
      expect(refused.json).toMatchObject({ status: 429, detail: expect.stringContaining('10 Minuten') });
      expect(sut.rpc.sentTo(MembershipRequests.requestSignInLink)).toHaveLength(3);
    });

    it('passes the page to go on to after signing in on to the membership service', async () => {
      const returnTo = '/veranstaltungen/5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10?ansicht=anmeldung';
      const response = await sut.request('/api/v1/auth/sign-in-links', {
        method: 'POST',
        body: { email: 'a@kalletal.example', returnTo },
      });
      expect(response.status).toBe(202);
      expect(sut.rpc.sentTo(MembershipRequests.requestSignInLink)[0]?.payload).toEqual({
        email: 'a@kalletal.example',
        returnTo,
      });
    });

    it.each([
      ['another site', '//boese.example/anmelden'],
      ['another site behind a backslash', '/\\boese.example'],
      ['a full address', 'https://boese.example/'],
      ['a relative path', 'veranstaltungen'],
      ['a double slash inside', '/veranstaltungen//x'],
      ['a space', '/veranstaltungen /x'],
      ['a line break', '/veranstaltungen\nSet-Cookie: x'],
      ['more than 200 characters', `/${'a'.repeat(200)}`],
      ['something other than text', 42],
    ])('refuses %s as returnTo, naming the field in German', async (_case, returnTo) => {
      const response = await sut.request('/api/v1/auth/sign-in-links', {
        method: 'POST',
        body: { email: 'a@kalletal.example', returnTo },
      });
      expect(response.status).toBe(400);
      expect(fieldsOf(response.json)).toEqual(['returnTo']);
      expect(JSON.stringify(response.json)).toMatch(/returnTo (muss|darf)/);
      expect(sut.rpc.sentTo(MembershipRequests.requestSignInLink)).toHaveLength(0);
    });

    it('takes a path of exactly 200 characters, and the start page', async () => {
      for (const returnTo of [`/${'a'.repeat(199)}`, '/']) {
        const response = await sut.request('/api/v1/auth/sign-in-links', {
          method: 'POST',
          body: { email: 'a@kalletal.example', returnTo },
        });
        expect(response.status).toBe(202);
      }
    });

    it('refuses an address that is none, naming the field', async () => {
      const response = await sut.request('/api/v1/auth/sign-in-links', {
        method: 'POST',
        body: { email: 'keine-adresse' },
      });
      expect(response.status).toBe(400);
      expect(fieldsOf(response.json)).toEqual(['email']);
    });
  });

  describe('redeemSignInLink', () => {
    it('exchanges the link token for an access token', async () => {
      const token = 'A'.repeat(43);
      const response = await sut.request('/api/v1/auth/sign-in-links/redeem', {
        method: 'POST',
        body: { token },
      });
      expect(response.status).toBe(200);
      expect(response.json).toMatchObject({ tokenType: 'Bearer', role: 'member' });
      expect(sut.rpc.sentTo(MembershipRequests.redeemSignInLink)[0]?.payload).toEqual({ token });
    });
  });
});
