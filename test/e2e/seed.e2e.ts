import { PlatformRunner } from '../../scripts/lib/platform-runner';
import { DEMO_INVITATIONS, DEMO_MEMBERS } from '../../scripts/seed/demo-members';
import { seedDemoClub, SeedOptions } from '../../scripts/seed/seed';
import { E2eClient, Page } from '../support/e2e-client';
import { e2ePlatform, e2eSecrets } from '../support/e2e-platform';
import { eventually, sleep } from '../support/eventually';
import { testInfrastructure, uniqueSuffix } from '../support/test-infrastructure';

interface EventSummary {
  eventId: string;
  status: string;
  title: string;
}

/**
 * The demo club of `npm start` (scripts/seed): seeded from outside the services into an empty
 * platform, through the gateway and the request topics, and only once.
 */
describe('Seeding the demo club', () => {
  let platform: PlatformRunner;
  let client: E2eClient;
  let staff: string;
  const log: string[] = [];
  let options: SeedOptions;

  beforeAll(async () => {
    const infra = testInfrastructure();
    // Databases of its own: the seed fills only an empty platform.
    platform = e2ePlatform({ databasePrefix: `seed${uniqueSuffix(6)}` });
    await platform.start();
    client = new E2eClient(platform.gatewayUrl, infra.mailSinkUrl);
    staff = await client.staffLogin(0);
    options = {
      gatewayUrl: platform.gatewayUrl,
      kafkaBrokers: infra.kafkaBrokers,
      staff: e2eSecrets.staff[0],
      log: (line) => log.push(line),
    };
  });

  afterAll(async () => {
    await platform.stop();
  });

  async function members(): Promise<{ id: string; status: string; federalState: string }[]> {
    const all = [];
    let cursor: string | null = null;
    do {
      const page: Page<{ id: string; status: string; federalState: string }> = (
        await client.call('GET', `/members?limit=100${cursor ? `&cursor=${cursor}` : ''}`, { token: staff })
      ).body as Page<{ id: string; status: string; federalState: string }>;
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return all;
  }

  async function events(when: 'upcoming' | 'past'): Promise<EventSummary[]> {
    const page = await client.call<Page<EventSummary>>('GET', `/events?when=${when}&limit=50`, {
      token: staff,
    });
    return page.body.items;
  }

  async function stats(title: string): Promise<{ confirmed: number; waiting: number }> {
    const event = (await events('upcoming')).find((item) => item.title.includes(title));
    if (!event) throw new Error(`no demo event ${title}`);
    return (
      await client.call<{ confirmed: number; waiting: number }>(
        'GET',
        `/events/${event.eventId}/registration-stats`,
        { token: staff },
      )
    ).body;
  }

  it('creates the members, events, registrations and invitations, and a second run adds nothing', async () => {
    const lastInvitation = DEMO_INVITATIONS[DEMO_INVITATIONS.length - 1].request.email;
    const mailsBefore = (await client.mail.mailsTo(lastInvitation)).length;

    await expect(seedDemoClub(options)).resolves.toBe('seeded');

    const seeded = await members();
    expect(seeded).toHaveLength(DEMO_MEMBERS.length);
    expect(seeded.filter((member) => member.status === 'inactive')).toHaveLength(
      DEMO_MEMBERS.filter((member) => member.ended).length,
    );
    expect(new Set(seeded.map((member) => member.federalState)).size).toBe(16);
    expect(
      (await events('upcoming')).map((event) => [event.title.split(':')[0], event.status]).sort(),
    ).toEqual([
      ['23. Deutschlandforum des Innovators Club', 'registration-open'],
      ['Innovators Lounge Kalletal', 'announced'],
      ['Innovators Lounge Ulm', 'registration-open'],
      ['Kommunalzirkel „Kommunen for future – Wandel vor Ort gestalten“', 'registration-open'],
    ]);
    expect((await events('past')).map((event) => [event.title.split(':')[0], event.status])).toEqual([
      ['Innovators Lounge Lüneburg', 'held'],
    ]);
    await expect(stats('Ulm')).resolves.toMatchObject({ confirmed: 50, waiting: 6 });
    await expect(stats('Deutschlandforum')).resolves.toMatchObject({ confirmed: 41, waiting: 0 });
    await expect(stats('Kommunalzirkel')).resolves.toMatchObject({ confirmed: 2 });
    await expect(stats('Kalletal')).resolves.toMatchObject({ interestedMembers: 4 });
    const open = await client.call<Page<{ email: string }>>('GET', '/invitations?status=open', {
      token: staff,
    });
    expect(open.body.items.map((item) => item.email).sort()).toEqual(
      DEMO_INVITATIONS.map((item) => item.request.email).sort(),
    );
    const invitationMails = async () => (await client.mail.mailsTo(lastInvitation)).length;
    await eventually(async () => expect(await invitationMails()).toBe(mailsBefore + 1), 30_000, 500);
    expect(log.join('\n')).toMatch(/Seeded the demo members: \d+ \(\d+ of them ended\)/);

    await expect(seedDemoClub(options)).resolves.toBe('there-already');
    await expect(members()).resolves.toHaveLength(DEMO_MEMBERS.length);
    expect(await events('upcoming')).toHaveLength(4);
    await sleep(2000);
    expect(await invitationMails()).toBe(mailsBefore + 1);
  });
});
