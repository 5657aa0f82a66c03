import {
  ANONYMOUS,
  BrowserSessionResolution,
  MembershipRequests,
  SessionActivity,
  WorkingGroupReply,
} from '@ic/contracts';
import { UpstreamTimeoutError } from '@ic/platform';
import { Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import {
  activeSessionOfCaller,
  activeBrowserSession,
  ActiveBrowserSession,
  eachBrowserSession,
  eachSession,
  GatewayTestApp,
  signTestToken,
  startGatewayTestApp,
  TEST_LINK_BASE_URL,
} from '../testing/gateway-test-app';
import { newMemberReply } from '../testing/reply-factories';
import { SESSION_ENDED, SIGN_IN_EXPIRED, SIGN_IN_REQUIRED } from './access-token.verifier';
import { AuthenticationGuard } from './authentication.guard';
import { CSRF_REFUSED, CsrfProtection } from './csrf-protection';
import { SESSION_CHECK_UNAVAILABLE } from './session-check.service';

const groups: WorkingGroupReply[] = [{ id: 'digitales', name: 'Digitales', memberCount: 3 }];

describe(AuthenticationGuard.name, () => {
  let sut: GatewayTestApp;
  let sessionActive: boolean;

  beforeEach(async () => {
    sut = await startGatewayTestApp();
    sessionActive = true;
    sut.rpc
      .answer(
        MembershipRequests.sessionsActive,
        eachSession((sessionId) => (sessionActive ? activeSessionOfCaller(sessionId) : { active: false })),
      )
      .answer(MembershipRequests.listWorkingGroups, () => groups)
      .answer(MembershipRequests.createWorkingGroup, () => ({
        id: 'smartes-land',
        name: 'Smartes Land',
        memberCount: 0,
      }))
      .answer(MembershipRequests.previewInvitation, () => {
        throw new UpstreamTimeoutError('egal');
      });
  });

  afterEach(() => sut.close());

  describe('on a protected route', () => {
    it('passes the identity from a valid token on to the service', async () => {
      const token = signTestToken({ sub: 'member-7', role: 'member', sid: 'session-7' });
      const response = await sut.request('/api/v1/working-groups', { token });
      expect(response.status).toBe(200);
      expect(sut.rpc.sentTo(MembershipRequests.listWorkingGroups)[0]?.options.identity).toEqual({
        subject: 'member-7',
        roles: ['member'],
        sessionId: 'session-7',
      });
    });

    it('answers 401 problem+json without a token, and says how to authenticate', async () => {
      const response = await sut.request('/api/v1/working-groups');
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect(response.json).toMatchObject({ status: 401, detail: SIGN_IN_REQUIRED });
      expect(sut.rpc.sentTo(MembershipRequests.listWorkingGroups)).toHaveLength(0);
    });

    it.each([
      ['another scheme', 'Basic dXNlcjpwYXNz'],
      ['an empty bearer', 'Bearer '],
      ['a forged token', `Bearer ${signTestToken({}, { secret: 'x'.repeat(40) })}`],
      ['a token for another audience', `Bearer ${signTestToken({}, { audience: 'ic-elsewhere' })}`],
    ])('answers 401 for %s', async (_case, authorization) => {
      const response = await sut.request('/api/v1/working-groups', { headers: { authorization } });
      expect(response.status).toBe(401);
      expect(response.json).toMatchObject({ detail: SIGN_IN_REQUIRED });
    });

    it('says so when the token has expired', async () => {
      const response = await sut.request('/api/v1/working-groups', {
        token: signTestToken({}, { expiresInSeconds: -30 }),
      });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
      expect(response.json).toMatchObject({ detail: SIGN_IN_EXPIRED });
    });

    it('refuses a token whose session has ended', async () => {
      sessionActive = false;
      const response = await sut.request('/api/v1/working-groups', { token: signTestToken() });
      expect(response.status).toBe(401);
      expect(response.json).toMatchObject({ detail: SESSION_ENDED });
    });

    it('refuses a valid token with 503 when the membership service does not answer the session check', async () => {
      const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
      sut.rpc.answer(
        MembershipRequests.sessionsActive,
        eachSession(() => {
          throw new UpstreamTimeoutError('keine Antwort');
        }),
      );
      const response = await sut.request('/api/v1/working-groups', { token: signTestToken() });
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.json).toMatchObject({ status: 503, detail: SESSION_CHECK_UNAVAILABLE });
      expect(sut.rpc.sentTo(MembershipRequests.listWorkingGroups)).toHaveLength(0);
      expect(warn).toHaveBeenCalled();
      warn.mockRestore();
    });

    it.each([
      ['the office’s role with a member’s session', { sub: 'member-7', role: 'staff' }],
      ['another subject than its session’s', { sub: 'member-8', role: 'member' }],
    ])('refuses a validly signed token that claims %s', async (_case, claims) => {
      const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
      sut.rpc.answer(
        MembershipRequests.sessionsActive,
        eachSession((): SessionActivity => ({
          active: true,
          subject: 'member-7',
          role: 'member',
        })),
      );
      const response = await sut.request('/api/v1/working-groups', {
        token: signTestToken({ ...claims, sid: 'session-7' }),
      });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
      expect(response.json).toMatchObject({ detail: SIGN_IN_REQUIRED });
      expect(sut.rpc.sentTo(MembershipRequests.listWorkingGroups)).toHaveLength(0);
      expect(error).toHaveBeenCalledWith(
        expect.stringContaining('Is JWT_SECRET known outside the platform?'),
      );
      error.mockRestore();
    });
  });

  describe('roles', () => {
    it('answers 403 when the role does not fit, naming who may', async () => {
      const response = await sut.request('/api/v1/working-groups', {
        method: 'POST',
        token: signTestToken({ role: 'member' }),
        body: { id: 'smartes-land', name: 'Smartes Land' },
      });
      expect(response.status).toBe(403);
      expect(response.json).toMatchObject({
        status: 403,
        detail: 'Diese Funktion steht nur der Geschäftsstelle zur Verfügung.',
      });
      expect(sut.rpc.sentTo(MembershipRequests.createWorkingGroup)).toHaveLength(0);
    });

    it('lets a route for several roles in for each of them', async () => {
      for (const role of ['staff', 'member']) {
        const response = await sut.request('/api/v1/working-groups', { token: signTestToken({ role }) });
        expect(response.status).toBe(200);
      }
    });

    it('keeps staff out of member-only routes', async () => {
      const response = await sut.request('/api/v1/members/me', { token: signTestToken({ role: 'staff' }) });
      expect(response.status).toBe(403);
      expect(response.json).toMatchObject({ detail: 'Diese Funktion steht nur Mitgliedern zur Verfügung.' });
    });
  });

  describe('with the session cookie', () => {
    const secret = 'C'.repeat(43);
    const cookie = `__Host-ic_session=${secret}`;
    const csrfToken = () => sut.app.get(CsrfProtection).tokenFor(secret);
    let active: ActiveBrowserSession;
    let resolution: BrowserSessionResolution;

    beforeEach(() => {
      resolution = active = activeBrowserSession({ sessionId: 'browser-session-3', subject: 'member-3' });
      sut.rpc.answer(
        MembershipRequests.resolveBrowserSessions,
        eachBrowserSession(() => resolution),
      );
    });

    it("accepts the cookie and passes its session's identity on", async () => {
      const response = await sut.request('/api/v1/working-groups', { headers: { cookie } });
      expect(response.status).toBe(200);
      expect(sut.rpc.sentTo(MembershipRequests.resolveBrowserSessions)[0]?.payload).toEqual({
        sessionSecretHashes: [createHash('sha256').update(secret).digest('hex')],
      });
      expect(sut.rpc.sentTo(MembershipRequests.listWorkingGroups)[0]?.options.identity).toEqual({
        subject: 'member-3',
        roles: ['member'],
        sessionId: 'browser-session-3',
      });
      expect(response.headers.get('set-cookie')).toBeNull();
    });

    it('asks the membership service about a cookie at most once in 10 seconds', async () => {
      await sut.request('/api/v1/working-groups', { headers: { cookie } });
      await sut.request('/api/v1/working-groups', { headers: { cookie } });
      expect(sut.rpc.sentTo(MembershipRequests.resolveBrowserSessions)).toHaveLength(1);
    });

    it('lets the bearer token win when both are sent', async () => {
      const token = signTestToken({ sub: 'staff-9', role: 'staff', sid: 'session-9' });
      const response = await sut.request('/api/v1/working-groups', { token, headers: { cookie } });
      expect(response.status).toBe(200);
      expect(sut.rpc.sentTo(MembershipRequests.listWorkingGroups)[0]?.options.identity).toMatchObject({
        subject: 'staff-9',
      });
      expect(sut.rpc.sentTo(MembershipRequests.resolveBrowserSessions)).toHaveLength(0);

      const forged = await sut.request('/api/v1/working-groups', {
        headers: { cookie, authorization: 'Bearer kaputt' },
      });
      expect(forged.status).toBe(401);
    });

    it('sets the cookie again with the new Max-Age when the session was renewed', async () => {
      resolution = { ...active, renewed: true };
      const response = await sut.request('/api/v1/working-groups', { headers: { cookie } });
      const setCookie = response.headers.get('set-cookie') ?? '';
      const [, value, maxAge] =
        /^__Host-ic_session=([^;]*); Max-Age=(\d+); Path=\/; HttpOnly; Secure; SameSite=Lax$/.exec(
          setCookie,
        ) ?? [];
      expect(value).toBe(secret);
      expect(Number(maxAge)).toBeGreaterThan(30 * 86_400 - 5);
      expect(Number(maxAge)).toBeLessThanOrEqual(30 * 86_400);
    });

    it('refuses a cookie whose session has ended (401) and drops it', async () => {
      resolution = { active: false };
      const response = await sut.request('/api/v1/working-groups', { headers: { cookie } });
      expect(response.status).toBe(401);
      expect(response.json).toMatchObject({ detail: SESSION_ENDED });
      expect(response.headers.get('set-cookie')).toContain('__Host-ic_session=; Max-Age=0');
      expect(sut.rpc.sentTo(MembershipRequests.listWorkingGroups)).toHaveLength(0);
    });

    it('does not take a cookie on trust while the membership service does not answer: 503', async () => {
      const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
      sut.rpc.answer(
        MembershipRequests.resolveBrowserSessions,
        eachBrowserSession(() => {
          throw new UpstreamTimeoutError('Der Dienst „membership“ hat nicht rechtzeitig geantwortet.');
        }),
      );
      const response = await sut.request('/api/v1/working-groups', { headers: { cookie } });
      expect(response.status).toBe(503);
      expect(response.json).toMatchObject({ status: 503, detail: SESSION_CHECK_UNAVAILABLE });
      warn.mockRestore();
      expect(sut.rpc.sentTo(MembershipRequests.listWorkingGroups)).toHaveLength(0);
    });

    describe('on a write', () => {
      const write = (headers: Record<string, string>) =>
        sut.request('/api/v1/members/me', { method: 'PATCH', headers: { cookie, ...headers }, body: {} });

      beforeEach(() => {
        sut.rpc.answer(MembershipRequests.updateOwnProfile, () => newMemberReply());
      });

      it('passes with the CSRF token of the cookie', async () => {
        const response = await write({ 'x-csrf-token': csrfToken(), origin: TEST_LINK_BASE_URL });
        expect(response.status).toBe(200);
        expect(sut.rpc.sentTo(MembershipRequests.updateOwnProfile)).toHaveLength(1);
      });

      it.each([
        ['without the CSRF token', {}],
        ['with a wrong CSRF token', { 'x-csrf-token': 'A'.repeat(43) }],
        ['with the token of another cookie', { 'x-csrf-token': 'OTHER' }],
        ['with a token cut short', { 'x-csrf-token': 'SHORT' }],
        [
          'from a page of another site, even with the right token',
          { origin: 'https://boese.example', 'x-csrf-token': 'RIGHT' },
        ],
        ['from a sandboxed page (Origin: null)', { origin: 'null', 'x-csrf-token': 'RIGHT' }],
      ])(
        'refuses it %s: 403 in German, and asks no service',
        async (_case, headers: Record<string, string>) => {
          const tokens: Record<string, string> = {
            RIGHT: csrfToken(),
            OTHER: sut.app.get(CsrfProtection).tokenFor('D'.repeat(43)),
            SHORT: csrfToken().slice(0, -1),
          };
          const response = await write(
            Object.fromEntries(
              Object.entries(headers).map(([name, value]) => [name, tokens[value] ?? value]),
            ),
          );
          expect(response.status).toBe(403);
          expect(response.headers.get('content-type')).toContain('application/problem+json');
          expect(response.json).toMatchObject({ status: 403, detail: CSRF_REFUSED });
          expect(sut.rpc.sent).toHaveLength(0);
        },
      );

      it('needs no CSRF token when a bearer token authenticates', async () => {
        const response = await sut.request('/api/v1/members/me', {
          method: 'PATCH',
          token: signTestToken({ role: 'member' }),
          headers: { cookie },
          body: {},
        });
        expect(response.status).toBe(200);
      });

      it('ends the session through POST /auth/logout too, refusing the cookie here at once', async () => {
        sut.rpc.answer(MembershipRequests.logout, () => ({ loggedOut: true }));
        const logout = await sut.request('/api/v1/auth/logout', {
          method: 'POST',
          headers: { cookie, 'x-csrf-token': csrfToken() },
        });
        expect(logout.status).toBe(204);
        expect(sut.rpc.sentTo(MembershipRequests.logout)[0]?.payload).toEqual({
          sessionId: 'browser-session-3',
        });
        const after = await sut.request('/api/v1/working-groups', { headers: { cookie } });
        expect(after.status).toBe(401);
      });
    });
  });

  describe('on a public route', () => {
    it('needs no token and calls the service as ANONYMOUS, even when a token is sent', async () => {
      const token = signTestToken({ role: 'staff' });
      const response = await sut.request(`/api/v1/invitations/by-token/${'a'.repeat(43)}`, { token });
      expect(response.status).toBe(504);
      expect(sut.rpc.sentTo(MembershipRequests.previewInvitation)[0]?.options.identity).toEqual(ANONYMOUS);
      expect(sut.rpc.sentTo(MembershipRequests.sessionsActive)).toHaveLength(0);
    });

    it('serves health without a token', async () => {
      expect((await sut.request('/health/live')).status).toBe(200);
    });
  });
});
