import { PlatformRunner } from '../../scripts/lib/platform-runner';
import { E2eClient, fieldsOf } from '../support/e2e-client';
import { e2ePlatform } from '../support/e2e-platform';
import { eventually } from '../support/eventually';
import { testInfrastructure, uniqueSuffix } from '../support/test-infrastructure';

/**
 * How the club's mails address a member: by the rules of German correspondence from the office
 * title (an ordinal such as „Erste“ is no part of the form of address), or by the line the office
 * set for the member, which only the office may set.
 */

const run = uniqueSuffix();
const address = (name: string) => `${name}.${run}@e2e-anrede.example`;

describe('Salutations in the mails', () => {
  let platform: PlatformRunner;
  let client: E2eClient;
  let staff: string;

  beforeAll(async () => {
    // Several sign-in links for one address within minutes.
    platform = e2ePlatform({ env: { SIGN_IN_LINKS_PER_HOUR: '100', SIGN_IN_LINK_REQUESTS_PER_IP: '10000' } });
    await platform.start();
    client = new E2eClient(platform.gatewayUrl, testInfrastructure().mailSinkUrl);
    staff = await client.staffLogin(0);
  }, 240_000);

  afterAll(async () => {
    await platform.stop();
  });

  /** The first line of the newest sign-in mail of `email`, asked for now. */
  async function salutationOfSignInMail(email: string): Promise<string> {
    const before = (await client.mailsTo(email)).length;
    const asked = await client.callRetrying('POST', '/auth/sign-in-links', { body: { email } });
    expect(asked.status).toBe(202);
    const mails = await eventually(async () => {
      const all = await client.mailsTo(email);
      expect(all.length).toBeGreaterThan(before);
      return all;
    }, 30_000);
    const newest = mails.reduce((a, b) => (b.date > a.date ? b : a));
    return (newest.text ?? '').split('\n')[0];
  }

  it('addresses an Erste Bürgermeisterin as „Frau Bürgermeisterin“, and as the office set it once it did', async () => {
    const brenner = await client.newMember(staff, {
      salutation: 'Frau',
      officeTitle: 'Erste Bürgermeisterin',
      firstName: 'Eva',
      lastName: 'Brenner',
      email: address('brenner'),
      organisation: 'Markt Pegnitz',
      sector: 'Kommune',
      federalState: 'BY',
      municipality: { name: 'Pegnitz', ags: '09472175', population: 13_700 },
      themes: ['Klimaschutz'],
    });
    expect(await salutationOfSignInMail(brenner.email)).toBe('Sehr geehrte Frau Bürgermeisterin Brenner,');

    const line = 'Sehr geehrte Frau Bürgermeisterin, liebe Frau Brenner,';
    const set = await client.callRetrying<{ salutationLine?: string }>('PATCH', `/members/${brenner.id}`, {
      token: staff,
      body: { salutationLine: line },
    });
    expect(set.status).toBe(200);
    expect(set.body.salutationLine).toBe(line);
    // The notifications service learns of the change from the membership event, a moment later.
    await eventually(
      async () => expect(await salutationOfSignInMail(brenner.email)).toBe(line),
      30_000,
      2000,
    );

    const own = await client.call('PATCH', '/members/me', {
      token: brenner.token,
      body: { salutationLine: 'Liebe Eva,' },
    });
    expect(own.status).toBe(400);
    expect(fieldsOf(own.body)).toEqual(['salutationLine']);

    const cleared = await client.callRetrying<{ salutationLine?: string }>(
      'PATCH',
      `/members/${brenner.id}`,
      {
        token: staff,
        body: { salutationLine: null },
      },
    );
    expect(cleared.status).toBe(200);
    expect(cleared.body.salutationLine).toBeUndefined();
    await eventually(
      async () =>
        expect(await salutationOfSignInMail(brenner.email)).toBe(
          'Sehr geehrte Frau Bürgermeisterin Brenner,',
        ),
      30_000,
      2000,
    );
  }, 240_000);

  it('greets the invited person on the invitation page as the invitation mail does', async () => {
    const email = address('landraetin');
    const invited = await client.callRetrying('POST', '/invitations', {
      token: staff,
      body: {
        salutation: 'Frau',
        academicTitle: 'Dr.',
        officeTitle: 'Landrätin',
        firstName: 'Petra',
        lastName: 'Vogt',
        email,
        organisation: 'Landkreis Lippe',
        sector: 'Kommune',
        federalState: 'NW',
        municipality: { name: 'Detmold', ags: '05766020', population: 74_000 },
        themes: ['Digitalisierung'],
      },
    });
    expect(invited.status).toBe(201);
    const link = await client.linkFromMail(email, 'einladung');

    const page = await client.call<{ greeting: string }>('GET', `/invitations/by-token/${link.token}`);

    const mailGreeting = (link.message.text ?? '').split('\n')[0];
    expect({ page: page.body.greeting, mail: mailGreeting }).toEqual({
      page: 'Sehr geehrte Frau Landrätin Dr. Vogt,',
      mail: 'Sehr geehrte Frau Landrätin Dr. Vogt,',
    });
  });
});
