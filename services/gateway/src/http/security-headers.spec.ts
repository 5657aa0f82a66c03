import { EventsRequests, MembershipRequests } from '@ic/contracts';
import { GatewayTestApp, signTestToken, startGatewayTestApp } from '../testing/gateway-test-app';
import { newAccessTokenReply, newMemberReply } from '../testing/reply-factories';
import { installSecurityHeaders } from './security-headers';

describe(installSecurityHeaders.name, () => {
  let sut: GatewayTestApp;

  beforeAll(async () => {
    sut = await startGatewayTestApp();
    sut.rpc
      .answer(MembershipRequests.getMember, ({ memberId }) => newMemberReply({ id: memberId }))
      .answer(MembershipRequests.staffLogin, () => newAccessTokenReply({ role: 'staff' }))
      .answer(MembershipRequests.redeemSignInLink, () => newAccessTokenReply())
      .answer(EventsRequests.calendarFeed, () => []);
  });

  afterAll(() => sut.close());

  function expectHygiene(headers: Headers, referrerPolicy = 'no-referrer'): void {
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('referrer-policy')).toBe(referrerPolicy);
    expect(headers.get('x-frame-options')).toBe('DENY');
    expect(headers.get('x-powered-by')).toBeNull();
  }

  describe('the API', () => {
    it('lets no cache keep personal data: a member profile is no-store', async () => {
      const response = await sut.request('/api/v1/members/me', { token: signTestToken() });
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expectHygiene(response.headers);
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    });

    it.each([
      ['/api/v1/auth/staff/login', { email: 'leitung@innovators-club.example', password: 'geheim' }],
      ['/api/v1/auth/sign-in-links/redeem', { token: 'A'.repeat(43) }],
    ])('lets no cache keep a token: %s is no-store', async (path, body) => {
      const response = await sut.request(path, { method: 'POST', body });
      expect(response.status).toBe(200);
      expect(response.json).toMatchObject({ accessToken: expect.any(String) });
      expect(response.headers.get('cache-control')).toBe('no-store');
      expectHygiene(response.headers);
    });

    it('answers a problem with the same headers', async () => {
      const response = await sut.request('/api/v1/members/me');
      expect(response.status).toBe(401);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expectHygiene(response.headers);
    });

    it('keeps the caching a route sets itself: the public calendar feed', async () => {
      const response = await sut.request('/api/v1/calendar.ics');
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('public, max-age=300');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    });
  });

  describe('the pages behind links in mails', () => {
    it('serve their own policy: no script, our style by its hash, forms to this origin', async () => {
      const response = await sut.request(`/abmelden/${'A'.repeat(36)}.${'B'.repeat(43)}`);
      const policy = response.headers.get('content-security-policy') ?? '';
      expect(policy).toMatch(/^default-src 'none';/);
      expect(policy).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
      expect(policy).toContain("form-action 'self'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('x-robots-tag')).toBe('noindex, nofollow');
      expectHygiene(response.headers);
    });
  });

  describe('the API documentation (Swagger UI)', () => {
    it('serves /api/docs under a policy that runs only its own scripts and cannot be framed', async () => {
      const response = await sut.request('/api/docs');
      expect(response.status).toBe(200);
      expect(response.text).toContain('swagger-ui');
      const policy = response.headers.get('content-security-policy') ?? '';
      for (const directive of [
        "default-src 'none'",
        "script-src 'self'",
        "connect-src 'self'",
        "img-src 'self' data:",
        "frame-ancestors 'none'",
        "base-uri 'none'",
      ])
        expect(policy).toContain(directive);
      expect(policy).not.toMatch(/script-src[^;]*unsafe/);
      // "Try it out" with the session cookie needs its Origin for the CSRF check.
      expectHygiene(response.headers, 'same-origin');
    });

    it('does not keep the bearer token in the browser (no persistAuthorization)', async () => {
      const init = await sut.request('/api/docs/swagger-ui-init.js');
      expect(init.status).toBe(200);
      expect(init.text).toContain('"persistAuthorization": false');
      expect(init.text).not.toContain('localStorage');
    });

    it('names no outside validator (it would send the document elsewhere and break the policy)', async () => {
      const init = await sut.request('/api/docs/swagger-ui-init.js');
      expect(init.text).toContain('"validatorUrl": null');
    });
  });
});
