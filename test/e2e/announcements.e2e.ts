import { formatBerlinTime } from '@ic/contracts';
import { PlatformRunner } from '../../scripts/lib/platform-runner';
import { E2eClient, SignedInMember, SinkMessage } from '../support/e2e-client';
import { e2ePlatform } from '../support/e2e-platform';
import { eventually, sleep } from '../support/eventually';
import { testInfrastructure, uniqueSuffix } from '../support/test-infrastructure';

/**
 * Announcements end to end: the office creates and announces events through the gateway, and the
 * members of this run find exactly the announcements that fit them in their mailboxes; a member
 * unsubscribes with the link from a mail (page, then button), another with the mail program's
 * one-click button (RFC 8058), and neither gets the next announcement, while a sign-in link still
 * reaches them. Other test files share the databases, so only this run's addresses are looked at.
 */

interface AnnouncementMail extends SinkMessage {
  headers: Record<string, string>;
  attachments: { filename: string | null; contentType: string }[];
}

interface ClubEvent {
  eventId: string;
  status: string;
}

const run = uniqueSuffix();
const address = (name: string) => `${name}.${run}@e2e-announcements.example`;
const DAY = 24 * 3_600_000;
const UNSUBSCRIBE_LINK = /https?:\/\/[^\s"<>]+\/abmelden\/([0-9a-f-]{36}\.[A-Za-z0-9_-]{43})/;

/** A day well ahead, as the API takes it (Berlin calendar date). */
const dayAhead = (days: number) => formatBerlinTime(new Date(Date.now() + days * DAY)).slice(0, 10);

/** Opens tomorrow, closes at noon the day before the event. */
function registrationBefore(daysAhead: number) {
  return {
    opensAt: formatBerlinTime(new Date(Date.now() + DAY)),
    closesAt: `${dayAhead(daysAhead - 1)}T12:00`,
  };
}

function loungeBody(daysAhead: number, overrides: Record<string, unknown> = {}) {
  const day = dayAhead(daysAhead);
  return {
    title: `Innovators Lounge Ulm ${run}`,
    summary: 'Wie Ulm Daten, Sensorik und Bürgerbeteiligung zusammenbringt.',
    description: 'Die **Lounge** in Ulm.',
    themes: ['Digitalisierung', 'Stadtentwicklung'],
    capacity: 40,
    registration: registrationBefore(daysAhead),
    audience: 'members',
    announceTo: 'matching-themes',
    startsAt: `${day}T18:00`,
    endsAt: `${day}T21:00`,
    topic: 'Die smarte Stadt im Alltag',
    host: { name: 'Ulm', ags: '08421000', federalState: 'BW' },
    venue: {
      name: 'Stadthaus Ulm',
      street: 'Münsterplatz 50',
      postalCode: '89073',
      city: 'Ulm',
      federalState: 'BW',
    },
    ...overrides,
  };
}

function circleBody(daysAhead: number) {
  const firstDay = dayAhead(daysAhead);
  return {
    title: `Kommunen for future ${run}`,
    description: 'Wandel vor Ort gestalten.',
    themes: ['Klimaschutz'],
    capacity: 32,
    registration: registrationBefore(daysAhead),
    audience: 'target-group',
    targetGroup: { federalStates: ['BY'], maxPopulation: 25000 },
    modules: [
      {
        title: 'Auftakt in Pegnitz',
        startsAt: `${firstDay}T10:00`,
        endsAt: `${firstDay}T16:00`,
        place: 'Rathaus Pegnitz',
        guidingQuestions: ['Wo steht unsere Kommune beim Klimaschutz?'],
      },
      { title: 'Abschluss', dateNote: 'Frühjahr/Sommer', guidingQuestions: [] },
    ],
    delegation: { maxPeople: 3, suggestedRoles: ['mayor', 'administration'] },
    feeCents: 0,
  };
}

/** Members of this run: where they are and what they work on decides what they get. */
const people = {
  pegnitz: {
    lastName: 'Pegnitz',
    federalState: 'BY',
    municipality: { name: 'Pegnitz', ags: '09472175', population: 13500 },
    themes: ['Klimaschutz'],
  },
  lena: {
    lastName: 'Auerbach',
    federalState: 'BY',
    municipality: { name: 'Auerbach', ags: '09371113', population: 8900 },
    themes: ['Klimaschutz', 'Digitalisierung'],
  },
  munich: {
    lastName: 'München',
    federalState: 'BY',
    municipality: { name: 'München', ags: '09162000', population: 1510000 },
    themes: ['Digitalisierung'],
  },
  kalletal: {
    lastName: 'Kalletal',
    federalState: 'NW',
    municipality: { name: 'Kalletal', ags: '05766040', population: 13900 },
    themes: ['Bildung'],
  },
  business: {
    lastName: 'Stadtwerke',
    sector: 'Wirtschaft',
    federalState: 'BY',
    organisation: 'Stadtwerke Bamberg',
    themes: ['Stadtentwicklung'],
  },
} as const;
type Person = keyof typeof people;

describe('Announcements through the gateway', () => {
  let platform: PlatformRunner;
  let client: E2eClient;
  let staff: string;
  const members = {} as Record<Person, SignedInMember>;

  beforeAll(async () => {
    platform = e2ePlatform();
    await platform.start();
    client = new E2eClient(platform.gatewayUrl, testInfrastructure().mailSinkUrl);
    staff = await client.staffLogin(0);
    for (const [name, profile] of Object.entries(people) as [Person, (typeof people)[Person]][]) {
      members[name] = await client.newMember(staff, {
        salutation: 'Frau',
        firstName: 'Erika',
        organisation: 'Gemeinde',
        sector: 'Kommune',
        ...profile,
        email: address(name),
      });
    }
  });

  afterAll(async () => {
    await platform.stop();
  });

  async function createAndAnnounce(kind: 'lounges' | 'circles', body: unknown): Promise<ClubEvent> {
    const created = await client.call<ClubEvent>('POST', `/events/${kind}`, { token: staff, body });
    expect({ status: created.status, problem: created.status === 201 ? undefined : created.body }).toEqual({
      status: 201,
      problem: undefined,
    });
    const announced = await client.call<ClubEvent>('POST', `/events/${created.body.eventId}/announce`, {
      token: staff,
    });
    expect(announced.status).toBe(200);
    expect(announced.body.status).toBe('announced');
    return announced.body;
  }

  /** The announcement of this event to each of this run's members (undefined: none). */
  async function announcementsOf(event: ClubEvent): Promise<Partial<Record<Person, AnnouncementMail>>> {
    const found: Partial<Record<Person, AnnouncementMail>> = {};
    for (const name of Object.keys(people) as Person[]) {
      const mail = (await client.mailsTo(members[name].email)) as AnnouncementMail[];
      const announcement = mail.filter((message) =>
        message.messageId?.startsWith(`<announcement.${event.eventId}.`),
      );
      expect(announcement.length).toBeLessThanOrEqual(1);
      if (announcement[0]) found[name] = announcement[0];
    }
    return found;
  }

  /** Waits for the expected members' announcements, then makes sure no one else of this run got one. */
  async function expectRecipients(event: ClubEvent, expected: Person[]) {
    await eventually(
      async () =>
        expect(Object.keys(await announcementsOf(event)).sort()).toEqual(expect.arrayContaining(expected)),
      60_000,
      500,
    );
    // Every member's mail is one delivery of the same fan-out: a wrong one would be there by now too.
    await sleep(2000);
    const found = await announcementsOf(event);
    expect(Object.keys(found).sort()).toEqual([...expected].sort());
    return found;
  }

  function unsubscribeTokenIn(mail: AnnouncementMail): string {
    const token = UNSUBSCRIBE_LINK.exec(mail.text ?? '')?.[1];
    if (!token) throw new Error(`no unsubscribe link in:\n${mail.text}`);
    expect(mail.headers['list-unsubscribe']).toMatch(
      new RegExp(`^<https?://[^>]+/abmelden/${token.replace('.', '\\.')}>$`),
    );
    expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    return token;
  }

  it('mails each announcement to exactly the members it fits; unsubscribed members get the next one no more, but still their sign-in links', async () => {
    // A Kommunalzirkel for Bavarian municipalities up to 25,000 inhabitants.
    const circle = await createAndAnnounce('circles', circleBody(60));
    const circleMail = await expectRecipients(circle, ['pegnitz', 'lena']);
    expect(circleMail.lena?.subject).toBe(`Ankündigung: Kommunalzirkel „Kommunen for future ${run}“`);
    expect(circleMail.lena?.text).toContain(
      'Zielgruppe: Kommunen in Bayern mit bis zu 25.000 Einwohnerinnen und Einwohnern',
    );
    expect(circleMail.lena?.text).toContain('Termin folgt (Frühjahr/Sommer)');
    expect(circleMail.lena?.attachments.map((attachment) => attachment.filename)).toEqual(['termin.ics']);

    // A lounge for the members who share one of its themes.
    const lounge = await createAndAnnounce('lounges', loungeBody(45));
    const loungeMail = await expectRecipients(lounge, ['lena', 'munich', 'business']);
    expect(loungeMail.munich?.text).toContain('Wo: Stadthaus Ulm, Münsterplatz 50, 89073 Ulm');

    // Lena follows the link in her mail: the page only asks, the button unsubscribes.
    const lenaToken = unsubscribeTokenIn(loungeMail.lena as AnnouncementMail);
    const page = await client.call('GET', `/abmelden/${lenaToken}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Ankündigungen abbestellen');
    const requestKey = /name="requestKey" value="([^"]+)"/.exec(page.text)?.[1];
    expect(requestKey).toBeDefined();
    const unsubscribed = await client.call('POST', `/abmelden/${lenaToken}`, {
      form: { requestKey: requestKey ?? '' },
    });
    expect(unsubscribed.status).toBe(200);
    expect(unsubscribed.text).toContain('Sie erhalten keine Ankündigungen mehr');
    // The member of Munich uses the mail program's own button (RFC 8058 one-click POST).
    const munichToken = unsubscribeTokenIn(loungeMail.munich as AnnouncementMail);
    const oneClick = await client.call('POST', `/abmelden/${munichToken}`, {
      form: { 'List-Unsubscribe': 'One-Click' },
    });
    expect(oneClick.status).toBe(200);
    for (const name of ['lena', 'munich'] as const) {
      const profile = await client.call<{ announcementsOptOut: boolean }>('GET', '/members/me', {
        token: members[name].token,
      });
      expect(profile.body.announcementsOptOut).toBe(true);
    }

    // The next announcement, to all members: neither of the two gets it.
    const next = await createAndAnnounce(
      'lounges',
      loungeBody(50, { title: `Innovators Lounge Bamberg ${run}`, announceTo: 'all-members' }),
    );
    await expectRecipients(next, ['pegnitz', 'kalletal', 'business']);

    // Transactional mail is not affected: Lena's sign-in link arrives.
    const { token: earlierSignIn } = await client.linkFromMail(members.lena.email, 'anmelden');
    expect(
      (await client.call('POST', '/auth/sign-in-links', { body: { email: members.lena.email } })).status,
    ).toBe(202);
    const { message } = await client.linkFromMail(members.lena.email, 'anmelden', earlierSignIn);
    expect((message as AnnouncementMail).headers).not.toHaveProperty('list-unsubscribe');
  });

  it('sends announcements again to a member who switches them on in the profile', async () => {
    const switchedOn = await client.call<{ announcementsOptOut: boolean }>('PATCH', '/members/me', {
      token: members.munich.token,
      body: { announcementsOptOut: false },
    });
    expect(switchedOn.status).toBe(200);
    expect(switchedOn.body.announcementsOptOut).toBe(false);

    const lounge = await createAndAnnounce(
      'lounges',
      loungeBody(55, { title: `Innovators Lounge Fürth ${run}` }),
    );
    await expectRecipients(lounge, ['munich', 'business']);
  });
});
