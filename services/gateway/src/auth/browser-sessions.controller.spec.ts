import { BrowserSessionReply, MembershipRequests } from '@ic/contracts';
import { RemoteProblemError, TooManyRequestsError, UnauthenticatedError } from '@ic/platform';
import { createHash, createHmac, hkdfSync } from 'node:crypto';
import {
  activeBrowserSession,
  eachBrowserSession,
  GatewayTestApp,
  startGatewayTestApp,
  TEST_JWT_SECRET,
  TEST_LINK_BASE_URL,
} from '../testing/gateway-test-app';
import { BrowserSessionsController } from './browser-sessions.controller';
import { CSRF_REFUSED } from './csrf-protection';

const DAY_S = 24 * 60 * 60;
const linkToken = 'L'.repeat(43);
const secret = 'S'.repeat(43);
const hashOf = (value: string) => createHash('sha256').update(value).digest('hex');
/** The token as the issue defines it: HMAC-SHA256 of the secret under a key derived by HKDF from JWT_SECRET. */
const csrfTokenOf = (value: string) =>
  createHmac(
    'sha256',
    Buffer.from(hkdfSync('sha256', TEST_JWT_SECRET, 'ic-gateway', 'ic_session csrf v1', 32)),
  )
    .update(value)
    .digest('base64url');
const inDays = (days: number) => new Date(Date.now() + days * DAY_S * 1000).toISOString();

function sessionReply(overrides: Partial<BrowserSessionReply> = {}): BrowserSessionReply {
  return {
    sessionId: '0b7e1c52-3c1e-4d7e-9a51-0f6f1c2b8a10',
    subject: 'member-7',
    role: 'member',
    expiresAt: inDays(30),
    ...overrides,
  };
}

/** The cookie a Set-Cookie header sets: its value, its Max-Age in seconds and its other attributes. */
function cookieOf(setCookie: string | null) {
  const [pair = '', maxAge = '', ...attributes] = (setCookie ?? '').split('; ');
  const separator = pair.indexOf('=');
  return {
    name: pair.slice(0, separator),
    value: pair.slice(separator + 1),
    maxAge: Number(/^Max-Age=(\d+)$/.exec(maxAge)?.[1]),
    attributes,
  };
}

/** Max-Age counts from the moment the gateway answered, a moment after the test made the session. */
function expectMaxAgeAbout(cookie: { maxAge: number }, seconds: number): void {
  expect(cookie.maxAge).toBeLessThanOrEqual(seconds);
  expect(cookie.maxAge).toBeGreaterThan(seconds - 5);
}

describe(BrowserSessionsController.name, () => {
  let sut: GatewayTestApp;

  afterEach(() => sut.close());

  describe('over HTTPS (LINK_BASE_URL https://…)', () => {
    let memberSession: BrowserSessionReply;

    beforeEach(async () => {
      sut = await startGatewayTestApp();
      memberSession = sessionReply();
      sut.rpc
        .answer(MembershipRequests.startMemberBrowserSession, () => memberSession)
        .answer(MembershipRequests.startStaffBrowserSession, () =>
          sessionReply({
            role: 'staff',
            subject: 'staff-1',
            expiresAt: new Date(Date.now() + 36_000_000).toISOString(),
          }),
        )
        .answer(
          MembershipRequests.resolveBrowserSessions,
          eachBrowserSession(() => activeBrowserSession(sessionReply())),
        )
        .answer(MembershipRequests.endBrowserSession, () => ({ ended: true }));
    });

    describe('signIn', () => {
      it('redeems the link into a session whose secret only the cookie holds, and answers like GET', async () => {
        const response = await sut.request('/api/v1/auth/session', {
          method: 'POST',
          body: { token: linkToken },
        });

        expect(response.status).toBe(200);
        const cookie = cookieOf(response.headers.get('set-cookie'));
        expect(cookie.name).toBe('__Host-ic_session');
        expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
        expectMaxAgeAbout(cookie, 30 * DAY_S);
        expect(cookie.attributes).toEqual(['Path=/', 'HttpOnly', 'Secure', 'SameSite=Lax']);
        const [sent] = sut.rpc.sentTo(MembershipRequests.startMemberBrowserSession);
        expect(sent?.payload).toEqual({ token: linkToken, sessionSecretHash: hashOf(cookie.value) });
        expect(JSON.stringify(sut.rpc.sent)).not.toContain(cookie.value);
        expect(response.json).toEqual({
          signedIn: true,
          role: 'member',
          operations: false,
          subject: 'member-7',
          expiresAt: memberSession.expiresAt,
          csrfToken: csrfTokenOf(cookie.value),
        });
      });

      it('gives every sign-in a new secret', async () => {
        const first = await sut.request('/api/v1/auth/session', {
          method: 'POST',
          body: { token: linkToken },
        });
        const second = await sut.request('/api/v1/auth/session', {
          method: 'POST',
          body: { token: linkToken },
        });
        expect(cookieOf(first.headers.get('set-cookie')).value).not.toBe(
          cookieOf(second.headers.get('set-cookie')).value,
        );
      });

      it("passes on the link's refusal and sets no cookie", async () => {
        sut.rpc.answer(MembershipRequests.startMemberBrowserSession, () => {
          throw new RemoteProblemError(
            new UnauthenticatedError('Dieser Anmeldelink wurde bereits verwendet.').toProblem(),
          );
        });
        const response = await sut.request('/api/v1/auth/session', {
          method: 'POST',
          body: { token: linkToken },
        });
        expect(response.status).toBe(401);
        expect(response.json).toMatchObject({ detail: 'Dieser Anmeldelink wurde bereits verwendet.' });
        expect(response.headers.get('set-cookie')).toBeNull();
      });

      it('refuses a sign-in sent from a page of another site (403), asking no service', async () => {
        const response = await sut.request('/api/v1/auth/session', {
          method: 'POST',
          body: { token: linkToken },
          headers: { origin: 'https://boese.example' },
        });
        expect(response.status).toBe(403);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
        expect(response.json).toMatchObject({ detail: CSRF_REFUSED });
        expect(sut.rpc.sent).toHaveLength(0);
      });

      it('takes a sign-in from our own pages', async () => {
        const response = await sut.request('/api/v1/auth/session', {
          method: 'POST',
          body: { token: linkToken },
          headers: { origin: TEST_LINK_BASE_URL },
        });
        expect(response.status).toBe(200);
      });
    });

    describe('staffSignIn', () => {
      it('opens a 10-hour session for the office with e-mail and password', async () => {
        const response = await sut.request('/api/v1/auth/staff/session', {
          method: 'POST',
          body: { email: ' Leitung@Innovators-Club.example ', password: 'geheim' },
        });
        expect(response.status).toBe(200);
        expect(response.json).toMatchObject({ signedIn: true, role: 'staff', subject: 'staff-1' });
        const cookie = cookieOf(response.headers.get('set-cookie'));
        expectMaxAgeAbout(cookie, 10 * 60 * 60);
        expect(sut.rpc.sentTo(MembershipRequests.startStaffBrowserSession)[0]?.payload).toEqual({
          email: 'leitung@innovators-club.example',
          password: 'geheim',
          sessionSecretHash: hashOf(cookie.value),
        });
      });

      it('passes on the wait after failed attempts (429 with Retry-After)', async () => {
        sut.rpc.answer(MembershipRequests.startStaffBrowserSession, () => {
          throw new RemoteProblemError(
            new TooManyRequestsError('Bitte versuchen Sie es in 4 Sekunden erneut.', 4).toProblem(),
          );
        });
        const response = await sut.request('/api/v1/auth/staff/session', {
          method: 'POST',
          body: { email: 'leitung@innovators-club.example', password: 'falsch' },
        });
        expect(response.status).toBe(429);
        expect(response.headers.get('retry-after')).toBe('4');
        expect(response.json).toMatchObject({ retryAfterSeconds: 4 });
        expect(response.headers.get('set-cookie')).toBeNull();
      });
    });

    describe('current', () => {
      it('says signed out without a cookie, asking no service', async () => {
        const response = await sut.request('/api/v1/auth/session');
        expect(response.status).toBe(200);
        expect(response.json).toEqual({ signedIn: false });
        expect(sut.rpc.sent).toHaveLength(0);
      });

      it("names the cookie's session and the CSRF token of its secret, never to be cached", async () => {
        const response = await sut.request('/api/v1/auth/session', {
          headers: { cookie: `andere=1; __Host-ic_session=${secret}` },
        });
        expect(response.json).toEqual({
          signedIn: true,
          role: 'member',
          operations: false,
          subject: 'member-7',
          expiresAt: expect.any(String),
          csrfToken: csrfTokenOf(secret),
        });
        expect(response.headers.get('cache-control')).toBe('no-store');
        expect(response.headers.get('set-cookie')).toBeNull();
        expect(sut.rpc.sentTo(MembershipRequests.resolveBrowserSessions)[0]?.payload).toEqual({
          sessionSecretHashes: [hashOf(secret)],
        });
      });

      it('sets the cookie again with the new lifetime when the session was renewed', async () => {
        sut.rpc.answer(
          MembershipRequests.resolveBrowserSessions,
          eachBrowserSession(() =>
            activeBrowserSession({ renewed: true, ...sessionReply({ expiresAt: inDays(30) }) }),
          ),
        );
        const response = await sut.request('/api/v1/auth/session', {
          headers: { cookie: `__Host-ic_session=${secret}` },
        });
        const cookie = cookieOf(response.headers.get('set-cookie'));
        expect(cookie.value).toBe(secret);
        expectMaxAgeAbout(cookie, 30 * DAY_S);
      });

      it('drops a cookie whose session has ended', async () => {
        sut.rpc.answer(
          MembershipRequests.resolveBrowserSessions,
          eachBrowserSession(() => ({ active: false })),
        );
        const response = await sut.request('/api/v1/auth/session', {
          headers: { cookie: `__Host-ic_session=${secret}` },
        });
        expect(response.json).toEqual({ signedIn: false });
        expect(response.headers.get('set-cookie')).toBe(
          '__Host-ic_session=; Max-Age=0; Path=/; HttpOnly; Secure; SameSite=Lax',
        );
      });

      it('ignores a cookie without the __Host- prefix, which another host could have set', async () => {
        const response = await sut.request('/api/v1/auth/session', {
          headers: { cookie: `ic_session=${secret}` },
        });
        expect(response.json).toEqual({ signedIn: false });
        expect(sut.rpc.sent).toHaveLength(0);
      });
    });

    describe('signOut', () => {
      it('ends the session at once with the CSRF token, drops the cookie, and the cookie no longer counts', async () => {
        const cookie = `__Host-ic_session=${secret}`;
        const response = await sut.request('/api/v1/auth/session', {
          method: 'DELETE',
          headers: { cookie, 'x-csrf-token': csrfTokenOf(secret) },
        });
        expect(response.status).toBe(204);
        expect(response.headers.get('set-cookie')).toBe(
          '__Host-ic_session=; Max-Age=0; Path=/; HttpOnly; Secure; SameSite=Lax',
        );
        expect(sut.rpc.sentTo(MembershipRequests.endBrowserSession)[0]?.payload).toEqual({
          sessionSecretHash: hashOf(secret),
        });

        const after = await sut.request('/api/v1/auth/session', { headers: { cookie } });
        expect(after.json).toEqual({ signedIn: false });
        expect(sut.rpc.sentTo(MembershipRequests.resolveBrowserSessions)).toHaveLength(0);
        const protectedRoute = await sut.request('/api/v1/members/me', { headers: { cookie } });
        expect(protectedRoute.status).toBe(401);
      });

      it('works also when the session is gone already, and without any cookie', async () => {
        sut.rpc.answer(
          MembershipRequests.resolveBrowserSessions,
          eachBrowserSession(() => ({ active: false })),
        );
        const gone = await sut.request('/api/v1/auth/session', {
          method: 'DELETE',
          headers: { cookie: `__Host-ic_session=${secret}`, 'x-csrf-token': csrfTokenOf(secret) },
        });
        expect(gone.status).toBe(204);
        const without = await sut.request('/api/v1/auth/session', { method: 'DELETE' });
        expect(without.status).toBe(204);
        expect(without.headers.get('set-cookie')).toContain('Max-Age=0');
        expect(sut.rpc.sentTo(MembershipRequests.endBrowserSession)).toHaveLength(1);
      });

      it.each([
        ['no CSRF token', {}],
        ['a wrong CSRF token', { 'x-csrf-token': csrfTokenOf('T'.repeat(43)) }],
        ['a page of another site', { 'x-csrf-token': csrfTokenOf(secret), origin: 'https://boese.example' }],
      ])('refuses %s with 403, ending nothing', async (_case, headers: Record<string, string>) => {
        const response = await sut.request('/api/v1/auth/session', {
          method: 'DELETE',
          headers: { cookie: `__Host-ic_session=${secret}`, ...headers },
        });
        expect(response.status).toBe(403);
        expect(response.json).toMatchObject({ detail: CSRF_REFUSED });
        expect(response.headers.get('set-cookie')).toBeNull();
        expect(sut.rpc.sent).toHaveLength(0);
      });
    });
  });

  describe('over plain HTTP (the local run)', () => {
    beforeEach(async () => {
      sut = await startGatewayTestApp({ LINK_BASE_URL: 'http://127.0.0.1:3000' });
      sut.rpc
        .answer(MembershipRequests.startMemberBrowserSession, () => sessionReply())
        .answer(
          MembershipRequests.resolveBrowserSessions,
          eachBrowserSession(() => activeBrowserSession(sessionReply())),
        );
    });

    it('sets ic_session without Secure, which a browser would not keep over http', async () => {
      const response = await sut.request('/api/v1/auth/session', {
        method: 'POST',
        body: { token: linkToken },
      });
      const cookie = cookieOf(response.headers.get('set-cookie'));
      expect(cookie.name).toBe('ic_session');
      expectMaxAgeAbout(cookie, 30 * DAY_S);
      expect(cookie.attributes).toEqual(['Path=/', 'HttpOnly', 'SameSite=Lax']);
    });

    it('reads ic_session, not the __Host- name', async () => {
      const signedIn = await sut.request('/api/v1/auth/session', {
        headers: { cookie: `ic_session=${secret}` },
      });
      expect(signedIn.json).toMatchObject({ signedIn: true });
      const other = await sut.request('/api/v1/auth/session', {
        headers: { cookie: `__Host-ic_session=${'U'.repeat(43)}` },
      });
      expect(other.json).toEqual({ signedIn: false });
    });

    it("takes a sign-in from the address the request was sent to, as the gateway's own origin", async () => {
      const response = await sut.request('/api/v1/auth/session', {
        method: 'POST',
        body: { token: linkToken },
        headers: { origin: sut.url },
      });
      expect(response.status).toBe(200);
    });
  });
});
