import { PlatformRunner } from '../../scripts/lib/platform-runner';
import { E2eClient, Problem } from '../support/e2e-client';
import {
  MembershipThroughTheGateway,
  Invitation,
  Member,
  AccessToken,
  address,
  annaInvitation,
  benInvitation,
} from '../support/membership-e2e';

/**
 * Membership end to end, as a web client and a person with a mailbox meet it, every call through
 * the gateway and every mail read back from the SMTP sink: the appointment, its answers and signing in: a web client and a person with a mailbox.
 */
describe('Membership through the gateway', () => {
  const bed = MembershipThroughTheGateway.forThisFile();
  const { inviteBody, invite, sessionCookieOf } = bed;
  let client: E2eClient;
  let staffToken: string;
  let platform: PlatformRunner;

  beforeAll(() => {
    ({ client, staff: staffToken, platform } = bed);
  });

  describe('from the appointment to signing in', () => {
    const anna = { name: 'Anna', id: '', invitationId: '', token: '' };
    const ben = { name: 'Ben', id: '', token: '' };

    it('staff invites, and the invitation mail arrives with its link', async () => {
      const invitation = await invite(inviteBody(anna.name, annaInvitation));
      anna.invitationId = invitation.id;
      expect(invitation).toMatchObject({ status: 'open', email: address('anna') });

      const fetched = await client.call<Invitation>('GET', `/invitations/${invitation.id}`, {
        token: staffToken,
      });
      expect(fetched.body).toMatchObject({ id: invitation.id, status: 'open' });

      const { message, token } = await client.linkFromMail(address('anna'), 'einladung');
      expect(message.to).toContain(address('anna'));
      expect(message.subject).not.toBe('');

      const preview = await client.call<{ firstName: string; status: string }>(
        'GET',
        `/invitations/by-token/${token}`,
      );
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({ firstName: 'Anna', status: 'open' });
      expect(preview.body).not.toHaveProperty('email');
      anna.token = token;
    });

    it('the link accepts through the API, once', async () => {
      const accepted = await client.call<{ memberId: string }>('POST', '/invitations/accept', {
        body: { token: anna.token },
      });
      expect(accepted.status).toBe(200);
      anna.id = accepted.body.memberId;
      expect(anna.id).toMatch(/^[0-9a-f-]{36}$/);

      const invitation = await client.call<Invitation>('GET', `/invitations/${anna.invitationId}`, {
        token: staffToken,
      });
      expect(invitation.body.status).toBe('accepted');

      const reused = await client.call<Problem>('POST', '/invitations/accept', {
        body: { token: anna.token },
      });
      expect([409, 410, 422]).toContain(reused.status);
      expect(reused.headers.get('content-type')).toContain('application/problem+json');
      expect(reused.body.detail).toEqual(expect.stringMatching(/.{15,}/));
    });

    it('accepting with signIn: true signs the person in in the browser at once; a second answer is refused', async () => {
      await invite(inviteBody(ben.name, benInvitation));
      const { token } = await client.linkFromMail(address('ben'), 'einladung');
      const preview = await client.call<{ firstName: string; personalMessage: string }>(
        'GET',
        `/invitations/by-token/${token}`,
      );
      expect(preview.body).toMatchObject({
        firstName: 'Ben',
        personalMessage: 'Sehr gern mit <Ihnen> & Ihrem Team.',
      });

      const accepted = await client.call<{
        memberId: string;
        session: { signedIn: true; csrfToken: string };
      }>('POST', '/invitations/accept', { body: { token, signIn: true } });
      expect(accepted.status).toBe(200);
      ben.id = accepted.body.memberId;
      expect(accepted.body.session).toMatchObject({ signedIn: true, role: 'member', subject: ben.id });
      const cookie = sessionCookieOf(accepted);

      const session = await client.call('GET', '/auth/session', { headers: { cookie } });
      expect(session.body).toEqual({ ...accepted.body.session, expiresAt: expect.any(String) });
      const me = await client.call<Member>('GET', '/members/me', { headers: { cookie } });
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ id: ben.id, firstName: 'Ben', email: address('ben') });

      const otherClick = await client.call<Problem>('POST', '/invitations/accept', {
        body: { token, signIn: true },
      });
      expect(otherClick.status).toBe(409);
      expect(otherClick.body.detail).toBe('Diese Einladung wurde bereits beantwortet.');
      expect(otherClick.headers.get('set-cookie')).toBeNull();
      const reopened = await client.call<{ status: string }>('GET', `/invitations/by-token/${token}`);
      expect(reopened.body.status).toBe('accepted');
    });

    it('a person declines, with a reason', async () => {
      const invitation = await invite(inviteBody('Clara', { salutation: 'Frau', firstName: 'Clara' }));
      const { token } = await client.linkFromMail(address('clara'), 'einladung');
      const declined = await client.call('POST', '/invitations/decline', {
        body: { token, reason: 'Leider fehlt mir derzeit die Zeit.' },
      });
      expect(declined.status).toBe(200);
      expect(declined.body).toEqual({ declined: true });
      const stored = await client.call<Invitation>('GET', `/invitations/${invitation.id}`, {
        token: staffToken,
      });
      expect(stored.body.status).toBe('declined');
    });

    it('the new member asks for a sign-in link and signs in with the link from the mail, once', async () => {
      const asked = await client.call<{ message: string }>('POST', '/auth/sign-in-links', {
        body: { email: address('anna'), returnTo: '/veranstaltungen' },
      });
      expect(asked.status).toBe(202);
      expect(asked.body.message).toBe(
        'Wenn die Adresse bei uns bekannt ist, erhalten Sie in Kürze eine E-Mail mit einem Anmeldelink.',
      );
      const { token, url } = await client.linkFromMail(address('anna'), 'anmelden');
      expect(url).toBe(`${platform.gatewayUrl}/anmelden/${token}?weiter=%2Fveranstaltungen`);

      const redeemed = await client.call<AccessToken>('POST', '/auth/sign-in-links/redeem', {
        body: { token },
      });
      expect(redeemed.status).toBe(200);
      expect(redeemed.body).toMatchObject({ role: 'member', subject: anna.id });
      anna.token = redeemed.body.accessToken;

      const reused = await client.call<Problem>('POST', '/auth/sign-in-links/redeem', { body: { token } });
      expect([401, 404, 409, 410, 422]).toContain(reused.status);
      expect(reused.headers.get('content-type')).toContain('application/problem+json');
      expect(reused.body.detail).toEqual(expect.stringMatching(/.{15,}/));
    });

    it('a member signs in in the browser with a sign-in link; writes need the CSRF token; Abmelden ends it', async () => {
      await client.call('POST', '/auth/sign-in-links', { body: { email: address('ben') } });
      const { token: browserLink } = await client.linkFromMail(address('ben'), 'anmelden');
      const signedIn = await client.call<{ csrfToken: string }>('POST', '/auth/session', {
        body: { token: browserLink },
      });
      expect(signedIn.status).toBe(200);
      expect(signedIn.body).toMatchObject({ signedIn: true, role: 'member', subject: ben.id });
      const cookie = sessionCookieOf(signedIn);
      const csrf = { cookie, 'X-CSRF-Token': signedIn.body.csrfToken };

      const forged = await client.call<Problem>('PATCH', '/members/me', {
        headers: { cookie },
        body: { position: 'Von einer fremden Seite' },
      });
      expect(forged.status).toBe(403);
      expect(forged.body.detail).toBe(
        'Die Anfrage konnte nicht bestätigt werden. Bitte laden Sie die Seite neu.',
      );
      const edited = await client.call<Member>('PATCH', '/members/me', {
        headers: csrf,
        body: { position: 'Professor für Verwaltungsinformatik und Digitalisierung' },
      });
      expect(edited.status).toBe(200);
      expect(edited.body.position).toBe('Professor für Verwaltungsinformatik und Digitalisierung');

      const signedOut = await client.call('DELETE', '/auth/session', { headers: csrf });
      expect(signedOut.status).toBe(204);
      expect(signedOut.headers.get('set-cookie')).toContain('Max-Age=0');
      expect((await client.call('GET', '/members/me', { headers: { cookie } })).status).toBe(401);
      expect((await client.call('GET', '/auth/session', { headers: { cookie } })).body).toEqual({
        signedIn: false,
      });

      // An API client of the same member keeps using access tokens.
      await client.call('POST', '/auth/sign-in-links', { body: { email: address('ben') } });
      const { token } = await client.linkFromMail(address('ben'), 'anmelden', browserLink);
      const redeemed = await client.call<AccessToken>('POST', '/auth/sign-in-links/redeem', {
        body: { token },
      });
      expect(redeemed.status).toBe(200);
      ben.token = redeemed.body.accessToken;
    });
  });
});
