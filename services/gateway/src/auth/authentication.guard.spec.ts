import { ANONYMOUS, MembershipRequests, WorkingGroupReply } from '@ic/contracts';
import { UpstreamTimeoutError } from '@ic/platform';
import { Logger } from '@nestjs/common';
import { GatewayTestApp, signTestToken, startGatewayTestApp } from '../testing/gateway-test-app';
import { SESSION_ENDED, SIGN_IN_EXPIRED, SIGN_IN_REQUIRED } from './access-token.verifier';
import { AuthenticationGuard } from './authentication.guard';

const groups: WorkingGroupReply[] = [{ id: 'digitales', name: 'Digitales', memberCount: 3 }];

describe(AuthenticationGuard.name, () => {
  let sut: GatewayTestApp;
  let sessionActive: boolean;

  beforeEach(async () => {
    sut = await startGatewayTestApp();
    sessionActive = true;
    sut.rpc
      .answer(MembershipRequests.sessionActive, () => ({ active: sessionActive }))
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

    it('accepts a valid token when the membership service does not answer the session check', async () => {
      const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
      sut.rpc.answer(MembershipRequests.sessionActive, () => {
        throw new UpstreamTimeoutError('keine Antwort');
      });
      const response = await sut.request('/api/v1/working-groups', { token: signTestToken() });
      expect(response.status).toBe(200);
      expect(warn).toHaveBeenCalled();
      warn.mockRestore();
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

  describe('on a public route', () => {
    it('needs no token and calls the service as ANONYMOUS, even when a token is sent', async () => {
      const token = signTestToken({ role: 'staff' });
      const response = await sut.request(`/api/v1/invitations/by-token/${'a'.repeat(43)}`, { token });
      expect(response.status).toBe(504);
      expect(sut.rpc.sentTo(MembershipRequests.previewInvitation)[0]?.options.identity).toEqual(ANONYMOUS);
      expect(sut.rpc.sentTo(MembershipRequests.sessionActive)).toHaveLength(0);
    });

    it('serves health without a token', async () => {
      expect((await sut.request('/health/live')).status).toBe(200);
    });
  });
});
