import { MembershipRequests } from '@ic/contracts';
import { UnauthenticatedError } from '@ic/platform';
import {
  fieldsOf,
  GatewayTestApp,
  signTestToken,
  startGatewayTestApp,
  TestResponse,
} from '../testing/gateway-test-app';
import { newAccessTokenReply } from '../testing/reply-factories';
import { SESSION_ENDED } from './access-token.verifier';
import { AuthController } from './auth.controller';
import { SIGN_IN_LINK_ACCEPTED } from './browser-session.shapes';

const WRONG_CREDENTIALS = 'E-Mail-Adresse oder Passwort ist falsch.';

describe(AuthController.name, () => {
  let sut: GatewayTestApp;

  /** The gateway with its default limits unless `env` says otherwise. */
  async function start(env: Record<string, unknown> = {}): Promise<GatewayTestApp> {
    const app = await startGatewayTestApp(env);
    app.rpc
      .answer(MembershipRequests.staffLogin, () => newAccessTokenReply({ role: 'staff' }))
      .answer(MembershipRequests.logout, () => ({ loggedOut: true }))
      .answer(MembershipRequests.requestSignInLink, () => ({ accepted: true }))
      .answer(MembershipRequests.redeemSignInLink, () => newAccessTokenReply());
    return app;
  }

  beforeEach(async () => {
    sut = await start();
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

    it('throttles failed sign-ins per client address, whatever the address tried: 429 with Retry-After, in German', async () => {
      sut.rpc.answer(MembershipRequests.staffLogin, () => {
        throw new UnauthenticatedError(WRONG_CREDENTIALS);
      });
      const statuses: number[] = [];
      let refused: TestResponse | undefined;
      for (let index = 1; index <= 12; index++) {
        refused = await sut.request('/api/v1/auth/staff/login', {
          method: 'POST',
          body: { email: `raten-${index}@innovators-club.example`, password: 'falsch' },
        });
        statuses.push(refused.status);
      }
      expect(statuses).toEqual([...Array<number>(10).fill(401), 429, 429]);
      expect(refused?.headers.get('content-type')).toContain('application/problem+json');
      expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
      expect(refused?.json).toMatchObject({
        status: 429,
        detail: expect.stringMatching(/zu viele fehlgeschlagene Anmeldeversuche.*in 15 Minuten erneut/),
        retryAfterSeconds: Number(refused?.headers.get('retry-after')),
      });
      expect(sut.rpc.sentTo(MembershipRequests.staffLogin)).toHaveLength(10);
    });

    it('counts the sign-ins in the browser against the same budget, and not the ones that succeed', async () => {
      sut.rpc
        .answer(MembershipRequests.staffLogin, ({ password }) => {
          if (password !== 'richtig') throw new UnauthenticatedError(WRONG_CREDENTIALS);
          return newAccessTokenReply({ role: 'staff' });
        })
        .answer(MembershipRequests.startStaffBrowserSession, () => {
          throw new UnauthenticatedError(WRONG_CREDENTIALS);
        });
      const login = (password: string) =>
        sut.request('/api/v1/auth/staff/login', {
          method: 'POST',
          body: { email: 'leitung@innovators-club.example', password },
        });
      for (let index = 0; index < 20; index++) expect((await login('richtig')).status).toBe(200);
      for (let index = 0; index < 5; index++) expect((await login('falsch')).status).toBe(401);
      for (let index = 0; index < 5; index++) {
        const browser = await sut.request('/api/v1/auth/staff/session', {
          method: 'POST',
          body: { email: 'leitung@innovators-club.example', password: 'falsch' },
        });
        expect(browser.status).toBe(401);
      }
      expect((await login('richtig')).status).toBe(429);
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

    it('lets a town hall of 50 people behind one address ask twice each, and throttles the next request', async () => {
      const ask = (email: string) =>
        sut.request('/api/v1/auth/sign-in-links', { method: 'POST', body: { email } });
      for (let person = 1; person <= 50; person++) {
        for (const time of [1, 2])
          expect([person, time, (await ask(`p${person}@kalletal.example`)).status]).toEqual([
            person,
            time,
            202,
          ]);
      }
      expect((await ask('p51@kalletal.example')).status).toBe(429);
    });

    it('throttles one client address: 429 with Retry-After, and no request reaches the service', async () => {
      await sut.close();
      sut = await start({ SIGN_IN_LINK_REQUESTS_PER_IP: 3 });
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

    it('has a limit for all clients together, a safety valve against many addresses at once', async () => {
      await sut.close();
      sut = await start({ SIGN_IN_LINK_REQUESTS_PER_IP: 1000, SIGN_IN_LINK_REQUESTS_OVERALL: 5 });
      const ask = () =>
        sut.request('/api/v1/auth/sign-in-links', { method: 'POST', body: { email: 'a@kalletal.example' } });
      for (let index = 0; index < 5; index++) expect((await ask()).status).toBe(202);
      const refused = await ask();
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(590);
      expect(refused.json).toMatchObject({
        detail: expect.stringMatching(/^Gerade werden sehr viele Anmeldelinks angefordert.*10 Minuten/),
      });
      expect(sut.rpc.sentTo(MembershipRequests.requestSignInLink)).toHaveLength(5);
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
    ])('refuses %s as returnTo, in German', async (_case, returnTo) => {
      const response = await sut.request('/api/v1/auth/sign-in-links', {
        method: 'POST',
        body: { email: 'a@kalletal.example', returnTo },
      });
      expect(response.status).toBe(400);
      expect(fieldsOf(response.json)).toEqual(['returnTo']);
      // The limit in the general words, which name it; every other refusal in the field's own.
      expect(JSON.stringify(response.json)).toMatch(/returnTo muss|Bitte höchstens 200 Zeichen/);
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
