import mongoose from 'mongoose';
import { IncomingHttpHeaders, request as httpRequest } from 'node:http';
import { PlatformRunner } from '../../scripts/lib/platform-runner';
import { ApiResponse, E2eClient, fieldsOf, Page, Problem } from '../support/e2e-client';
import { e2ePlatform, e2eSecrets } from '../support/e2e-platform';
import { eventually, sleep } from '../support/eventually';
import { testInfrastructure, uniqueSuffix } from '../support/test-infrastructure';

/**
 * Issue 3 end to end, as a web client and a person with a mailbox meet it: the whole platform as
 * processes, every call through the gateway, every mail read back from the SMTP sink.
 */

interface Invitation {
  id: string;
  status: string;
  email: string;
}

interface Member {
  id: string;
  email?: string;
  phone?: string;
  status?: string;
  firstName: string;
  lastName: string;
  position?: string;
  themes: string[];
  workingGroups: string[];
  municipality?: { name: string };
  municipalityName?: string;
}

interface AccessToken {
  accessToken: string;
  role: string;
  subject: string;
}

/** One run's names, so that nothing left in the databases or the sink by earlier runs counts. */
const run = uniqueSuffix();
const address = (name: string) => `${name}.${run}@e2e-kommune.example`;

describe('Membership through the gateway', () => {
  let platform: PlatformRunner;
  let client: E2eClient;
  let staffToken: string;

  beforeAll(async () => {
    const sink = testInfrastructure().mailSinkUrl;
    if (!sink)
      throw new Error('MAIL_SINK_URL is not set: the membership e2e test reads mail back from the sink.');
    platform = e2ePlatform();
    await platform.start();
    client = new E2eClient(platform.gatewayUrl, sink);
    staffToken = await client.staffLogin(0);
  });

  afterAll(async () => {
    await platform.stop();
  });

  // ---------------------------------------------------------------- helpers

  function inviteBody(name: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      salutation: 'Herr',
      academicTitle: 'Dr.',
      officeTitle: 'Bürgermeister',
      firstName: 'Jonas',
      lastName: `${name} ${run}`,
      email: address(name.toLowerCase()),
      organisation: 'Gemeinde Kalletal',
      position: 'Bürgermeister',
      sector: 'Kommune',
      federalState: 'NW',
      municipality: { name: `Kalletal ${run}`, ags: '05766040', population: 13900 },
      themes: ['Digitalisierung', 'Klimaschutz'],
      personalMessage: 'Wir freuen uns auf Ihre Erfahrung mit digital.interkommunal.',
      ...overrides,
    };
  }

  async function invite(body: Record<string, unknown>): Promise<Invitation> {
    const response = await client.call<Invitation>('POST', '/invitations', { token: staffToken, body });
    expect({ status: response.status, problem: response.status === 201 ? undefined : response.body }).toEqual(
      {
        status: 201,
        problem: undefined,
      },
    );
    expect(response.headers.get('location')).toBe(`/api/v1/invitations/${response.body.id}`);
    return response.body;
  }

  async function allInvitations(): Promise<Invitation[]> {
    const invitations: Invitation[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=100&cursor=${cursor}` : '?limit=100';
      const page: ApiResponse<Page<Invitation>> = await client.call('GET', `/invitations${query}`, {
        token: staffToken,
      });
      expect(page.status).toBe(200);
      invitations.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    return invitations;
  }

  /** The browser session cookie a response sets, as the next request's Cookie header (`ic_session=…`). */
  function sessionCookieOf(response: ApiResponse): string {
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^ic_session=[A-Za-z0-9_-]{43}; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Lax$/);
    return setCookie.split(';')[0] ?? '';
  }

  // ---------------------------------------------------------------- the journey

  describe('from the appointment to the directory', () => {
    const anna = { name: 'Anna', id: '', invitationId: '', token: '' };
    const ben = { name: 'Ben', id: '', token: '' };

    it('staff invites, and the invitation mail arrives with its link', async () => {
      const invitation = await invite(
        inviteBody(anna.name, { salutation: 'Frau', firstName: 'Anna', officeTitle: 'Bürgermeisterin' }),
      );
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
      await invite(
        inviteBody(ben.name, {
          firstName: 'Ben',
          academicTitle: undefined,
          officeTitle: undefined,
          position: 'Professor für Verwaltungsinformatik',
          organisation: 'Universität Bamberg',
          sector: 'Wissenschaft',
          federalState: 'BY',
          municipality: undefined,
          themes: ['Bildung'],
          personalMessage: 'Sehr gern mit <Ihnen> & Ihrem Team.',
        }),
      );
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

    it('an unknown address gets the same answer, and no mail', async () => {
      const asked = await client.call<{ message: string }>('POST', '/auth/sign-in-links', {
        body: { email: address('niemand') },
      });
      expect(asked.status).toBe(202);
      expect(asked.body.message).toContain('Wenn die Adresse bei uns bekannt ist');
      await sleep(2000);
      expect(await client.mailsTo(address('niemand'))).toEqual([]);
    });

    it('the member edits their profile and joins a working group', async () => {
      const before = await client.call<Member>('GET', '/members/me', { token: anna.token });
      expect(before.body).toMatchObject({ id: anna.id, status: 'active', email: address('anna') });

      const edited = await client.call<Member>('PATCH', '/members/me', {
        token: anna.token,
        body: {
          phone: '+49 5264 644-0',
          position: 'Bürgermeisterin',
          themes: ['Digitalisierung', 'Energie'],
        },
      });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ phone: '+49 5264 644-0', themes: ['Digitalisierung', 'Energie'] });

      const groups = await client.call<{ id: string }[]>('GET', '/working-groups', { token: anna.token });
      expect(groups.body.map((group) => group.id)).toEqual(
        expect.arrayContaining(['digitales', 'nachhaltigkeit']),
      );

      const joined = await client.call<Member>('PUT', '/members/me/working-groups/digitales', {
        token: anna.token,
      });
      expect(joined.status).toBe(200);
      expect(joined.body.workingGroups).toContain('digitales');
      const benJoined = await client.call<Member>('PUT', '/members/me/working-groups/nachhaltigkeit', {
        token: ben.token,
      });
      expect(benJoined.body.workingGroups).toContain('nachhaltigkeit');

      const after = await client.call<Member>('GET', '/members/me', { token: anna.token });
      expect(after.body).toMatchObject({ phone: '+49 5264 644-0', workingGroups: ['digitales'] });
    });

    it('appears in the directory with the right filters, and members see no staff-only fields', async () => {
      const ids = async (query: string, token: string) => {
        const page = await client.call<Page<Member>>('GET', `/members?q=${encodeURIComponent(run)}${query}`, {
          token,
        });
        expect(page.status).toBe(200);
        return page.body.items.map((item) => item.id).sort();
      };
      const both = [anna.id, ben.id].sort();
      expect(await ids('', ben.token)).toEqual(both);
      expect(await ids('&federalState=NW', ben.token)).toEqual([anna.id]);
      expect(await ids('&federalState=BY', ben.token)).toEqual([ben.id]);
      expect(await ids('&sector=Kommune', ben.token)).toEqual([anna.id]);
      expect(await ids('&sector=Wissenschaft', ben.token)).toEqual([ben.id]);
      expect(await ids('&workingGroup=digitales', ben.token)).toEqual([anna.id]);
      expect(await ids('&workingGroup=nachhaltigkeit', ben.token)).toEqual([ben.id]);
      expect(await ids('&theme=Energie', ben.token)).toEqual([anna.id]);
      expect(await ids('&theme=Bildung', ben.token)).toEqual([ben.id]);
      expect(await ids('&theme=Kooperation', ben.token)).toEqual([]);
      expect(await ids('&federalState=NW&workingGroup=digitales&theme=Energie', staffToken)).toEqual([
        anna.id,
      ]);

      const byMunicipality = await client.call<Page<Member>>(
        'GET',
        `/members?q=${encodeURIComponent(`Kalletal ${run}`)}`,
        {
          token: ben.token,
        },
      );
      expect(byMunicipality.body.items.map((item) => item.id)).toEqual([anna.id]);

      const asMember = await client.call<Page<Member>>('GET', `/members?q=${run}&federalState=NW`, {
        token: ben.token,
      });
      expect(asMember.body.items[0]).toMatchObject({ id: anna.id, municipalityName: `Kalletal ${run}` });
      for (const hidden of ['email', 'phone', 'municipality'])
        expect(asMember.body.items[0]).not.toHaveProperty(hidden);

      const asStaff = await client.call<Page<Member>>('GET', `/members?q=${run}&federalState=NW`, {
        token: staffToken,
      });
      expect(asStaff.body.items[0]).toMatchObject({
        id: anna.id,
        email: address('anna'),
        phone: '+49 5264 644-0',
      });

      const paged = await client.call<Page<Member>>('GET', `/members?q=${run}&limit=1`, { token: ben.token });
      expect(paged.body.items).toHaveLength(1);
      expect(paged.body.nextCursor).toEqual(expect.any(String));
      const second = await client.call<Page<Member>>(
        'GET',
        `/members?q=${run}&limit=1&cursor=${paged.body.nextCursor}`,
        {
          token: ben.token,
        },
      );
      expect(second.body.items.map((item) => item.id)).not.toContain(paged.body.items[0]?.id);
    });

    it('a member cannot invite, see staff-only fields of others, or edit someone else', async () => {
      const invited = await client.call<Problem>('POST', '/invitations', {
        token: ben.token,
        body: inviteBody('Dora'),
      });
      expect(invited.status).toBe(403);
      expect(invited.headers.get('content-type')).toContain('application/problem+json');
      expect((await client.call('GET', '/invitations', { token: ben.token })).status).toBe(403);
      expect((await client.call('GET', '/deliveries', { token: ben.token })).status).toBe(403);
      expect((await client.call('GET', `/members/${anna.id}/history`, { token: ben.token })).status).toBe(
        403,
      );

      const other = await client.call<Member>('GET', `/members/${anna.id}`, { token: ben.token });
      expect(other.status).toBe(200);
      expect(other.body).toMatchObject({ id: anna.id, lastName: `Anna ${run}` });
      expect(other.body).not.toHaveProperty('email');
      expect(other.body).not.toHaveProperty('phone');

      const edited = await client.call('PATCH', `/members/${anna.id}`, {
        token: ben.token,
        body: { lastName: 'Gehackt' },
      });
      expect(edited.status).toBe(403);
      const unchanged = await client.call<Member>('GET', `/members/${anna.id}`, { token: staffToken });
      expect(unchanged.body.lastName).toBe(`Anna ${run}`);
      expect(await client.mailsTo(address('dora'))).toEqual([]);
    });

    it('staff edits a member and sees every change in the history', async () => {
      const edited = await client.call<Member>('PATCH', `/members/${anna.id}`, {
        token: staffToken,
        body: { organisation: 'Gemeinde Kalletal (Lippe)' },
      });
      expect(edited.status).toBe(200);
      const history = await client.call<Page<{ type: string; summary: string; by?: { role: string } }>>(
        'GET',
        `/members/${anna.id}/history`,
        { token: staffToken },
      );
      expect(history.status).toBe(200);
      expect(history.body.items.length).toBeGreaterThanOrEqual(3);
      expect(history.body.items.map((entry) => entry.by?.role)).toEqual(
        expect.arrayContaining(['staff', 'member']),
      );
    });

    it('inviting an address that is a member or has an open invitation gives 409', async () => {
      const member = await client.call<Problem>('POST', '/invitations', {
        token: staffToken,
        body: inviteBody('Anna', { firstName: 'Anna' }),
      });
      expect(member.status).toBe(409);
      expect(member.body.detail).toEqual(expect.any(String));

      await invite(inviteBody('Emil', { firstName: 'Emil' }));
      const twice = await client.call<Problem>('POST', '/invitations', {
        token: staffToken,
        body: inviteBody('Emil', { firstName: 'Emil', personalMessage: 'Noch einmal.' }),
      });
      expect(twice.status).toBe(409);
      expect(twice.headers.get('content-type')).toContain('application/problem+json');
      await client.linkFromMail(address('emil'), 'einladung');
      await sleep(1000);
      expect(await client.mailsTo(address('emil'))).toHaveLength(1);
    });

    it('an unknown or malformed link is refused with a clear message', async () => {
      const unknown = 'U'.repeat(43);
      const accepted = await client.call<Problem>('POST', '/invitations/accept', {
        body: { token: unknown },
      });
      expect(accepted.status).toBe(404);
      expect(accepted.body.detail).toEqual(expect.stringMatching(/.{15,}/));
      const signIn = await client.call<Problem>('POST', '/auth/sign-in-links/redeem', {
        body: { token: unknown },
      });
      expect([401, 404, 410, 422]).toContain(signIn.status);

      const browserSignIn = await client.call<Problem>('POST', '/auth/session', { body: { token: unknown } });
      expect(browserSignIn.status).toBe(401);
      expect(browserSignIn.body.detail).toContain('Anmeldelink');
      expect(browserSignIn.headers.get('set-cookie')).toBeNull();

      const malformed = await client.call<Problem>('GET', '/invitations/by-token/kurz');
      expect(malformed.status).toBe(400);
      expect(fieldsOf(malformed.body)).toEqual(['token']);
    });

    it('an expired invitation link is refused with a clear message', async () => {
      const invitation = await invite(inviteBody('Abgelaufen'));
      const { token } = await client.linkFromMail(invitation.email, 'einladung');
      // Time travel in the membership service's own data: the invitation ran out yesterday.
      const connection = await mongoose
        .createConnection(testInfrastructure().mongodbUri, { dbName: platform.databaseOf('membership') })
        .asPromise();
      try {
        await connection
          .collection('invitations')
          .updateOne(
            { _id: invitation.id as never },
            { $set: { expiresAt: new Date(Date.now() - 86_400_000) } },
          );
      } finally {
        await connection.close();
      }

      const accepted = await client.call<Problem>('POST', '/invitations/accept', { body: { token } });
      expect(accepted.status).toBe(422);
      expect(accepted.body.detail).toBe(
        'Diese Einladung ist abgelaufen. Bitte wenden Sie sich an die Geschäftsstelle.',
      );
      const preview = await client.call<{ status: string }>('GET', `/invitations/by-token/${token}`);
      expect(preview.body.status).toBe('expired');
      const listed = await client.call<Invitation>('GET', `/invitations/${invitation.id}`, {
        token: staffToken,
      });
      expect(listed.body.status).toBe('expired');
    });

    it('logging out makes the token useless', async () => {
      expect((await client.call('GET', '/members/me', { token: anna.token })).status).toBe(200);
      expect((await client.call('POST', '/auth/logout', { token: anna.token })).status).toBe(204);
      const after = await client.call<Problem>('GET', '/members/me', { token: anna.token });
      expect(after.status).toBe(401);
      expect(after.body.detail).toContain('Bitte melden Sie sich');

      const secondStaff = await client.staffLogin(1);
      expect((await client.call('POST', '/auth/logout', { token: secondStaff })).status).toBe(204);
      expect((await client.call('GET', '/invitations', { token: secondStaff })).status).toBe(401);
      expect((await client.call('GET', '/invitations?limit=1', { token: staffToken })).status).toBe(200);
    });

    it('a missing or forged token gets 401', async () => {
      const missing = await client.call<Problem>('GET', '/members');
      expect(missing.status).toBe(401);
      expect(missing.body.detail).toBe('Bitte melden Sie sich an.');
      const forged = `${staffToken.slice(0, -4)}AAAA`;
      expect((await client.call('GET', '/members', { token: forged })).status).toBe(401);
    });
  });

  // ---------------------------------------------------------------- bad input

  describe('bad input', () => {
    const badAddresses: string[] = [];
    let invitationsBefore: number;

    const refused = async (name: string, change: Record<string, unknown>, field: string) => {
      const email = address(`bad-${name}`);
      badAddresses.push(email);
      const body = { ...inviteBody('Bad', { email }), ...change };
      const response = await client.call<Problem>('POST', '/invitations', { token: staffToken, body });
      expect({ name, status: response.status }).toEqual({ name, status: 400 });
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      const fields = fieldsOf(response.body);
      expect({
        name,
        fields: fields.length > 0 && fields.every((f) => f === field || f.startsWith(`${field}.`)),
      }).toEqual({
        name,
        fields: true,
      });
      expect(response.body.detail).toContain(field);
    };

    beforeAll(async () => {
      invitationsBefore = (await allInvitations()).length;
    });

    it('refuses unknown fields, bad AGS, bad e-mail, wrong types and oversized strings, naming the field', async () => {
      await refused('unknown', { isStaff: true }, 'isStaff');
      await refused(
        'ags-short',
        { municipality: { name: 'Kalletal', ags: '0576604', population: 13900 } },
        'municipality.ags',
      );
      await refused(
        'ags-land',
        { municipality: { name: 'Kalletal', ags: '17766040', population: 13900 } },
        'municipality.ags',
      );
      await refused(
        'population',
        { municipality: { name: 'Kalletal', ags: '05766040', population: '13900' } },
        'municipality.population',
      );
      await refused('themes-type', { themes: 'Digitalisierung' }, 'themes');
      await refused('themes-unknown', { themes: ['Fußball'] }, 'themes');
      await refused('sector', { sector: 'Kirche' }, 'sector');
      await refused('name-number', { firstName: 42 }, 'firstName');
      await refused('name-long', { lastName: 'x'.repeat(81) }, 'lastName');
      await refused('message-long', { personalMessage: 'x'.repeat(4001) }, 'personalMessage');
      await refused('header-injection', { firstName: 'Jonas\r\nBcc: alle@example.org' }, 'firstName');

      const badEmail = await client.call<Problem>('POST', '/invitations', {
        token: staffToken,
        body: inviteBody('Bad', { email: 'jonas@@kalletal' }),
      });
      expect(badEmail.status).toBe(400);
      expect(fieldsOf(badEmail.body)).toEqual(['email']);
    });

    it('refuses text that would be stored or mailed wrong, naming the field', async () => {
      await refused('name-zero-width', { firstName: 'Jo\u200Bnas' }, 'firstName');
      await refused('name-hangul-filler', { lastName: '\u3164' }, 'lastName');
      await refused('name-direction', { organisation: 'Gemeinde \u202Etellaklak' }, 'organisation');
      await refused('message-nul', { personalMessage: 'Willkommen\u0000' }, 'personalMessage');
      await refused('message-escape', { personalMessage: 'Willkommen \u001b[31m' }, 'personalMessage');
      await refused('message-half-character', { personalMessage: 'Willkommen \ud83d' }, 'personalMessage');
      await refused('email-umlaut', { email: `jörg.${run}@e2e-kommune.example` }, 'email');
      await refused('email-quoted', { email: `"jonas ${run}"@e2e-kommune.example` }, 'email');

      const email = address('bad-latin1');
      badAddresses.push(email);
      const json = JSON.stringify(inviteBody('Bad', { email, lastName: `Stra__e ${run}` }));
      const [before, after] = json.split('__');
      const latin1 = Buffer.concat([Buffer.from(before), Buffer.from([0xdf]), Buffer.from(after)]);
      const response = await client.call<Problem>('POST', '/invitations', {
        token: staffToken,
        body: latin1,
        headers: { 'content-type': 'application/json' },
      });
      expect(response.status).toBe(400);
      expect(fieldsOf(response.body)).toEqual(['lastName']);
      expect(response.body.errors?.[0]?.message).toContain('UTF-8');
    });

    it('refuses {"$gt": ""} in every field of the invitation', async () => {
      for (const field of Object.keys(inviteBody('Bad'))) {
        await refused(`operator-${field.toLowerCase()}`, { [field]: { $gt: '' } }, field);
      }
    });

    it('refuses an oversized body (413), a malformed id and a malformed idempotency key', async () => {
      const big = await client.call<Problem>('POST', '/invitations', {
        token: staffToken,
        body: inviteBody('Bad', { personalMessage: 'x'.repeat(70 * 1024) }),
      });
      expect(big.status).toBe(413);
      expect(big.headers.get('content-type')).toContain('application/problem+json');

      const badId = await client.call<Problem>('GET', '/invitations/not-a-uuid', { token: staffToken });
      expect(badId.status).toBe(400);
      expect(fieldsOf(badId.body)).toEqual(['id']);

      const badKey = await client.call<Problem>('POST', '/invitations', {
        token: staffToken,
        body: inviteBody('Bad', { email: address('bad-key') }),
        headers: { 'idempotency-key': 'kurz' },
      });
      badAddresses.push(address('bad-key'));
      expect(badKey.status).toBe(400);
      expect(fieldsOf(badKey.body)).toEqual(['Idempotency-Key']);
    });

    it('stored and sent nothing', async () => {
      const invitations = await allInvitations();
      expect(invitations).toHaveLength(invitationsBefore);
      expect(invitations.filter((invitation) => badAddresses.includes(invitation.email))).toEqual([]);
      await sleep(2000);
      for (const email of badAddresses)
        expect({ email, mails: await client.mailsTo(email) }).toEqual({ email, mails: [] });
    });
  });

  describe('text and addresses as people type them', () => {
    it('keeps a name in its composed form and a domain with umlauts in its ASCII form, and mails both so', async () => {
      const ascii = `nfc.${run}@xn--gemeinde-ltjenburg-v6b.example`;
      const invitation = await invite(
        inviteBody('Nfc', {
          salutation: 'Frau',
          firstName: 'Jo\u0308rdis', // "ö" as "o" and a combining diaeresis, as macOS may send it
          lastName: `Mu\u0308ller ${run}`,
          email: `NFC.${run}@Gemeinde-Lütjenburg.example`,
        }),
      );
      expect(invitation).toMatchObject({ email: ascii, firstName: 'Jördis', lastName: `Müller ${run}` });
      // The sink (smtp-server) shows the domain of RCPT TO in its Unicode form, as mail programs do.
      const { message } = await client.linkFromMail(`nfc.${run}@gemeinde-lütjenburg.example`, 'einladung');
      expect(message.text).toContain(`Müller ${run}`);
    });
  });

  // ---------------------------------------------------------------- crash

  describe('killing the notifications service during a burst of 100 invitations', () => {
    it('ends with exactly one invitation mail for each of the 100 addresses', async () => {
      const addresses = Array.from({ length: 100 }, (_, index) => address(`burst-${index}`));
      let invited = 0;
      const inviteOne = async (email: string, index: number) => {
        // The same key on a retry: if the first attempt did act, the retry gets its answer and acts not again.
        const headers = { 'idempotency-key': `e2e-${run}-burst-${index}` };
        const body = inviteBody(`Burst${index}`, { email });
        for (let attempt = 1; ; attempt++) {
          const response = await client.call<Problem>('POST', '/invitations', {
            token: staffToken,
            body,
            headers,
          });
          if (response.status === 201) break;
          if (attempt >= 3 || response.status < 500) {
            throw new Error(
              `invitation ${index} failed: ${response.status} ${JSON.stringify(response.body)}`,
            );
          }
        }
        invited++;
      };

      const burst = inParallel(addresses, 8, inviteOne);
      await eventually(() => expect(invited).toBeGreaterThanOrEqual(30), 60_000, 20);
      await platform.kill('notifications');
      await burst;
      expect(invited).toBe(100);
      await platform.restart('notifications');

      const counts = async () =>
        Promise.all(addresses.map(async (email) => [email, (await client.mailsTo(email)).length] as const));
      await eventually(
        async () => {
          const missing = (await counts()).filter(([, count]) => count === 0).map(([email]) => email);
          expect({ missing: missing.length }).toEqual({ missing: 0 });
        },
        150_000,
        1000,
      );
      // Late duplicates would show up now.
      await sleep(5000);
      const wrong = (await counts()).filter(([, count]) => count !== 1);
      expect(wrong).toEqual([]);
    });
  });

  // ---------------------------------------------------------------- abuse limits (last: they use up this client's budgets)

  /** A POST from a given local address (Linux answers on all of 127.0.0.0/8), as another client would send it. */
  function postFrom(
    localAddress: string,
    path: string,
    body: unknown,
  ): Promise<{ status: number; headers: IncomingHttpHeaders; body: unknown }> {
    return new Promise((resolve, reject) => {
      const request = httpRequest(
        `${platform.gatewayUrl}/api/v1${path}`,
        { method: 'POST', localAddress, headers: { 'content-type': 'application/json' } },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: JSON.parse(text),
            }),
          );
        },
      );
      request.on('error', reject);
      request.end(JSON.stringify(body));
    });
  }

  describe('requests for sign-in links', () => {
    it('are enough for a town hall of 50 people behind one address, then throttled with 429 and Retry-After', async () => {
      // The town hall's address is one of its own: the tests before asked from 127.0.0.1.
      const ask = (person: number) =>
        postFrom('127.0.0.4', '/auth/sign-in-links', { email: address(`rathaus-${person}`) });
      const statuses: number[] = [];
      await inParallel([...Array(100).keys()], 10, async (index) => {
        statuses.push((await ask(index % 50)).status);
      });
      expect(statuses.filter((status) => status !== 202)).toEqual([]);
      const response = await ask(50);
      expect(response.status).toBe(429);
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
      expect(response.body).toMatchObject({ detail: expect.stringContaining('zu viele Anfragen') });
    });
  });

  describe("the office's password sign-in", () => {
    const account = e2eSecrets.staff[1];

    it('waits after failures in a row instead of locking, and takes the right password once the wait is over', async () => {
      // From an address of its own, so that the throttle per address below counts from zero.
      const signIn = (password: string) =>
        postFrom('127.0.0.3', '/auth/staff/login', { email: account.email, password });
      expect((await signIn('falsch-falsch')).status).toBe(401);
      expect((await signIn('falsch-falsch-falsch')).status).toBe(401);
      const early = await signIn(account.password);
      expect(early.status).toBe(429);
      expect(early.headers['retry-after']).toBe('1');
      expect(early.body).toHaveProperty(
        'detail',
        'Wegen fehlgeschlagener Anmeldeversuche ist die nächste Anmeldung mit dieser E-Mail-Adresse erst in 1 Sekunde möglich. Bitte versuchen Sie es dann erneut.',
      );
      await sleep(1_100);
      expect((await signIn(account.password)).status).toBe(200);
    });

    it('throttles a client address that guesses across addresses, while the office at another address still gets in', async () => {
      const statuses: number[] = [];
      for (let index = 1; index <= 12; index++) {
        const email = index === 1 ? account.email : address(`geraten-${index}`);
        statuses.push(
          (await postFrom('127.0.0.1', '/auth/staff/login', { email, password: 'falsch' })).status,
        );
      }
      expect(statuses).toEqual([...Array<number>(10).fill(401), 429, 429]);
      const credentials = { email: account.email, password: account.password };
      const stranger = await postFrom('127.0.0.1', '/auth/staff/login', credentials);
      expect(stranger.status).toBe(429);
      expect(Number(stranger.headers['retry-after'])).toBeGreaterThan(14 * 60);
      expect(stranger.body).toMatchObject({
        detail: expect.stringContaining('zu viele fehlgeschlagene Anmeldeversuche'),
      });

      // The office's address took one failure of them, which does not slow it down yet.
      const office = await postFrom('127.0.0.2', '/auth/staff/login', credentials);
      expect(office.status).toBe(200);
    });
  });
});

/** Runs `work` for every item with at most `limit` at a time. */
async function inParallel<T>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<void>,
) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
}
