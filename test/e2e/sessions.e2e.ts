import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER } from '@ic/contracts';
import { JwtService } from '@nestjs/jwt';
import { PlatformRunner } from '../../scripts/lib/platform-runner';
import { ApiResponse, E2eClient, Problem, SignedInMember } from '../support/e2e-client';
import { e2ePlatform, e2eSecrets } from '../support/e2e-platform';
import { eventually } from '../support/eventually';
import { testInfrastructure, uniqueSuffix } from '../support/test-infrastructure';

/**
 * Issue 14, item 7: ending a session (logout, "Abmelden", a membership that ends, erased data) counts
 * at once in every gateway instance, not after the gateways' session cache has run out (10 s), and a
 * token counts only for the subject and role its session was started for. Two gateway instances
 * share the platform, as behind a load balancer; every cache is warm before the session ends.
 */

/** A session event reaches the other gateway over Kafka: a person's next click takes longer. */
const PROPAGATION_MS = 1_000;
const SESSION_ENDED = 'Ihre Anmeldung wurde beendet. Bitte melden Sie sich erneut an.';

const run = uniqueSuffix();
const address = (name: string) => `${name}.${run}@e2e-sitzung.example`;

describe('Ending a session in every gateway instance', () => {
  let platform: PlatformRunner;
  /** The platform's gateway, where the session is ended. */
  let first: E2eClient;
  /** Another instance of the gateway, which must refuse the ended session too. */
  let second: E2eClient;
  let staffToken: string;

  beforeAll(async () => {
    const sink = testInfrastructure().mailSinkUrl;
    if (!sink)
      throw new Error('MAIL_SINK_URL is not set: the sessions e2e test reads mail back from the sink.');
    platform = e2ePlatform();
    await platform.start();
    first = new E2eClient(platform.gatewayUrl, sink);
    second = new E2eClient(await platform.startAnotherGateway(), sink);
    staffToken = await first.staffLogin(0);
  });

  afterAll(async () => {
    await platform.stop();
  });

  function newMember(name: string): Promise<SignedInMember> {
    return first.newMember(staffToken, {
      salutation: 'Frau',
      officeTitle: 'Bürgermeisterin',
      firstName: 'Greta',
      lastName: `${name} ${run}`,
      email: address(name.toLowerCase()),
      organisation: 'Gemeinde Lütjenburg',
      position: 'Bürgermeisterin',
      sector: 'Kommune',
      federalState: 'SH',
      municipality: { name: `Lütjenburg ${run}`, ags: '01057043', population: 5600 },
      themes: ['Digitalisierung'],
    });
  }

  /** Both gateways have answered for the session, so each would remember it as active. */
  async function warmUp(options: { token?: string; headers?: Record<string, string> }): Promise<void> {
    for (const client of [first, second]) {
      expect((await client.call('GET', '/members/me', options)).status).toBe(200);
    }
  }

  async function expectEnded(response: Promise<ApiResponse<Problem>>): Promise<void> {
    const { status, body, headers } = await response;
    expect({ status, detail: body?.detail }).toEqual({ status: 401, detail: SESSION_ENDED });
    expect(headers.get('content-type')).toContain('application/problem+json');
  }

  /** The other gateway refuses the session within PROPAGATION_MS (its cache kept it for 10 s before). */
  async function expectEndedAtTheOtherGateway(options: {
    token?: string;
    headers?: Record<string, string>;
  }): Promise<void> {
    await eventually(
      () => expectEnded(second.call<Problem>('GET', '/members/me', options)),
      PROPAGATION_MS,
      50,
    );
  }

  it('a member who leaves the club is refused at the very next request, at both gateways', async () => {
    const member = await newMember('Austritt');
    await warmUp({ token: member.token });

    const left = await first.call('POST', '/members/me/leave', { token: member.token, body: {} });
    expect(left.status).toBe(200);

    await expectEnded(first.call<Problem>('GET', '/members/me', { token: member.token }));
    await expectEndedAtTheOtherGateway({ token: member.token });
  });

  it('a membership the office ends ends the member’s token at every gateway', async () => {
    const member = await newMember('Beendet');
    await warmUp({ token: member.token });

    const ended = await first.call('POST', `/members/${member.id}/end`, {
      token: staffToken,
      body: { note: 'Amtszeit beendet' },
    });
    expect(ended.status).toBe(200);

    await expectEnded(first.call<Problem>('GET', '/members/me', { token: member.token }));
    await expectEndedAtTheOtherGateway({ token: member.token });
  });

  it('data the office erases ends the member’s token at every gateway', async () => {
    const member = await newMember('Geloescht');
    await warmUp({ token: member.token });

    const erased = await first.call('POST', `/members/${member.id}/erasure`, {
      token: staffToken,
      body: { confirm: true },
    });
    expect(erased.status).toBe(200);

    await expectEnded(first.call<Problem>('GET', '/members/me', { token: member.token }));
    await expectEndedAtTheOtherGateway({ token: member.token });
  });

  it('a logout through one gateway ends the token at the other', async () => {
    const member = await newMember('Abmeldung');
    await warmUp({ token: member.token });

    expect((await first.call('POST', '/auth/logout', { token: member.token })).status).toBe(204);

    await expectEndedAtTheOtherGateway({ token: member.token });
  });

  it('"Abmelden" in the browser through one gateway ends the cookie at the other', async () => {
    const member = await newMember('Browser');
    await first.call('POST', '/auth/sign-in-links', { body: { email: member.email } });
    const { token: link } = await first.linkFromMail(member.email, 'anmelden', undefined);
    const signedIn = await first.call<{ csrfToken: string }>('POST', '/auth/session', {
      body: { token: link },
    });
    expect(signedIn.status).toBe(200);
    const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    await warmUp({ headers: { cookie } });

    const signedOut = await first.call('DELETE', '/auth/session', {
      headers: { cookie, 'X-CSRF-Token': signedIn.body.csrfToken },
    });
    expect(signedOut.status).toBe(204);

    await expectEndedAtTheOtherGateway({ headers: { cookie } });
  });

  describe('a token counts only for the subject and role of its session', () => {
    const jwt = new JwtService({ secret: e2eSecrets.jwtSecret });
    let member: SignedInMember;
    let sessionId: string;

    beforeAll(async () => {
      member = await newMember('Rolle');
      sessionId = jwt.decode<{ sid: string }>(member.token).sid;
    });

    function forge(claims: Record<string, unknown>, expires = true): string {
      return jwt.sign(claims, {
        issuer: ACCESS_TOKEN_ISSUER,
        audience: ACCESS_TOKEN_AUDIENCE,
        algorithm: 'HS256',
        ...(expires ? { expiresIn: 600 } : {}),
      });
    }

    it('refuses a validly signed token that claims the office’s role with a member’s session', async () => {
      const forged = forge({ sub: member.id, role: 'staff', sid: sessionId });
      for (const client of [first, second]) {
        const staffOnly = await client.call<Problem>('GET', '/invitations', { token: forged });
        expect(staffOnly.status).toBe(401);
        expect(staffOnly.body.detail).toBe('Bitte melden Sie sich an.');
      }
      expect((await first.call('GET', '/members/me', { token: member.token })).status).toBe(200);
    });

    it('refuses a validly signed token that names another subject than its session', async () => {
      const forged = forge({ sub: 'staff-someone', role: 'member', sid: sessionId });
      expect((await second.call('GET', '/members/me', { token: forged })).status).toBe(401);
    });

    it('refuses a validly signed token without an expiry', async () => {
      const forever = forge({ sub: member.id, role: 'member', sid: sessionId }, false);
      const refused = await second.call<Problem>('GET', '/members/me', { token: forever });
      expect(refused.status).toBe(401);
      expect(refused.body.detail).toBe('Bitte melden Sie sich an.');
    });
  });
});
