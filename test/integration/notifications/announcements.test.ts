import {
  AnnouncementPreferenceChangedEvent,
  AudienceOfEvent,
  EventAudienceRequest,
  EventAudienceRequests,
  MemberDeactivatedEvent,
  MemberProfile,
  SignInLinkRequestedEvent,
} from '@ic/contracts';
import { RpcClient } from '@ic/messaging';
import { newLinkToken, UnsubscribeTokens } from '@ic/platform';
import { randomUUID } from 'node:crypto';
import { eventually, sleep } from '../../support/eventually';
import { testTopic } from '../../support/kafka-probe';
import { announcedCircle, announcedLounge, Municipalities } from './announcement-fixtures';
import { LINK_BASE_URL, NotificationsHarness, StoredDelivery } from './notifications-harness';

/**
 * Announcements through the real notifications service: membership events build its contact
 * replica, EventAnnounced on ic.events.v1 fans out, and the SMTP sink shows who got a mail.
 */
describe('Notifications service: announcements', () => {
  const harness = new NotificationsHarness();
  const domain = `${harness.suffix}.kommune.example`;
  const unsubscribeTokens = UnsubscribeTokens.fromLinkTokenSecret(harness.secrets.linkTokenSecret);
  const deliveries = () => harness.db.collection<StoredDelivery>('deliveries');
  const replyTopic = `ic.test-notifications-${harness.suffix}.replies`;
  const client = new RpcClient(harness.kafka, {
    instanceId: `notifications-test-${harness.suffix}`,
    replyTopic,
    defaultTimeoutMs: 15_000,
  });

  /** Active members, each with an address of this run that names them. */
  const member = (name: string, profile: Partial<MemberProfile> = {}) =>
    harness.activated({
      ...profile,
      email: `${name}@${domain}`,
      lastName: `${name[0].toUpperCase()}${name.slice(1)}`,
    });
  const pegnitz = member('pegnitz', {
    federalState: 'BY',
    municipality: Municipalities.pegnitz,
    themes: ['Klimaschutz'],
  });
  const atTheLimit = member('grenze', {
    federalState: 'BY',
    municipality: Municipalities.atTheLimit,
    themes: ['Digitalisierung'],
  });
  const munich = member('muenchen', {
    federalState: 'BY',
    municipality: Municipalities.munich,
    themes: ['Digitalisierung'],
  });
  const kalletal = member('kalletal', {
    federalState: 'NW',
    municipality: Municipalities.kalletal,
    themes: ['Stadtentwicklung'],
  });
  const business = member('wirtschaft', {
    sector: 'Wirtschaft',
    federalState: 'BY',
    municipality: undefined,
    organisation: 'Stadtwerke AG',
    themes: ['Digitalisierung'],
  });
  const optedOut = member('abgemeldet', {
    federalState: 'BY',
    municipality: Municipalities.pegnitz,
    themes: ['Digitalisierung'],
  });
  const left = member('ausgetreten', {
    federalState: 'BY',
    municipality: Municipalities.pegnitz,
    themes: ['Digitalisierung'],
  });

  /** The addresses that received an announcement of this club event. */
  async function announcementRecipients(clubEventId: string): Promise<string[]> {
    const mail = await harness.mailToDomain(domain);
    return mail
      .filter((message) => message.messageId?.startsWith(`<announcement.${clubEventId}.`))
      .flatMap((message) => message.to)
      .sort();
  }

  async function waitForAnnouncements(clubEventId: string, count: number): Promise<void> {
    await eventually(
      async () => {
        const settled = await deliveries().countDocuments({
          _id: { $regex: `^announcement:${clubEventId}:` },
          status: { $in: ['sent', 'failed'] },
        });
        expect(settled).toBe(count);
      },
      60_000,
      250,
    );
  }

  beforeAll(async () => {
    await harness.connect();
    await harness.kafka.ensureTopics([testTopic(replyTopic, 3)]);
    await harness.startService();
    await client.start();
    const everyone = [pegnitz, atTheLimit, munich, kalletal, business, optedOut, left];
    await harness.publish(
      ...everyone.map(({ event }) => event),
      harness.event(AnnouncementPreferenceChangedEvent, optedOut.memberId, {
        memberId: optedOut.memberId,
        announcementsOptOut: true,
        via: 'unsubscribe-link',
      }),
      harness.event(MemberDeactivatedEvent, left.memberId, {
        memberId: left.memberId,
        reason: 'left',
        deactivatedBy: { subject: left.memberId, role: 'member' },
        leftAt: new Date().toISOString(),
      }),
    );
    // The replica is complete once the last event of each kind has arrived.
    await eventually(async () => {
      const contacts = harness.db.collection('contacts');
      expect(await contacts.countDocuments({ status: 'active' })).toBe(everyone.length - 1);
      expect(await contacts.countDocuments({ announcementsOptOut: true })).toBe(1);
    }, 30_000);
  });

  afterAll(async () => {
    await client.stop();
    await harness.stop();
  });

  it('mails a Kommunalzirkel only to members from municipalities of its target group', async () => {
    const circle = announcedCircle();

    await harness.publishClubEvents(harness.announced(circle));
    await waitForAnnouncements(circle.eventId, 2);

    expect(await announcementRecipients(circle.eventId)).toEqual([atTheLimit.email, pegnitz.email].sort());
    const [mail] = await harness.mailTo(pegnitz.email);
    expect(mail.subject).toBe('Ankündigung: Kommunalzirkel „Kommunen for future – Wandel vor Ort gestalten“');
    expect(mail.text).toMatch(/^Sehr geehrte Frau Pegnitz,\n/);
    expect(mail.text).toContain(
      'Zielgruppe: Kommunen in Bayern mit bis zu 25.000 Einwohnerinnen und Einwohnern',
    );
    expect(mail.text).toContain('3. Abschluss\n   Termin folgt (Frühjahr 2031)');
    expect(mail.html).toContain('<strong>kleine Kommunen</strong>');
    expect(mail.attachments.map((attachment) => attachment.filename)).toEqual(['termin.ics']);
    // The unsubscribe link names this member, signed with the key both services derive.
    const link = `${LINK_BASE_URL}/abmelden/${unsubscribeTokens.issue(pegnitz.memberId)}`;
    expect(mail.headers['list-unsubscribe']).toBe(`<${link}>`);
    expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(mail.text).toContain(`\n${link}\n`);
    expect(
      await deliveries().findOne({ _id: `announcement:${circle.eventId}:${pegnitz.memberId}` }),
    ).toMatchObject({
      kind: 'announcement',
      memberId: pegnitz.memberId,
      recipient: pegnitz.email,
      status: 'sent',
    });
  });

  it('counts for the office whom an announcement would reach, and refuses a malformed request naming the field', async () => {
    const { eventId, kind, audience, announceTo, targetGroup, themes } = announcedCircle();
    const event: AudienceOfEvent = { eventId, kind, audience, announceTo, targetGroup, themes };
    const count = (request: unknown) =>
      client.send(EventAudienceRequests.eventAudience, request as EventAudienceRequest, {
        identity: { subject: 'staff-test', roles: ['staff'] },
      });
    const storedBefore = await deliveries().countDocuments();

    await expect(count({ event })).resolves.toEqual({ eventId, announcement: 2, registrationOpened: 0 });
    await expect(
      count({ event: { ...event, targetGroup: { federalStates: ['XX'] } } }),
    ).rejects.toMatchObject({
      problem: {
        status: 400,
        errors: [
          {
            field: 'event.targetGroup.federalStates',
            message: 'federalStates enthält ein unbekanntes Land; erlaubt sind die Länderkürzel wie BY, NW',
          },
        ],
      },
    });
    await expect(count({ event: { ...event, eventId: 'kein-termin' } })).rejects.toMatchObject({
      problem: {
        status: 400,
        errors: [{ field: 'event.eventId', message: 'Das ist keine gültige Kennung.' }],
      },
    });
    await expect(count({ event, limit: 10 })).rejects.toMatchObject({
      problem: {
        status: 400,
        errors: [{ field: 'limit', message: 'Diese Angabe ist hier nicht vorgesehen.' }],
      },
    });
    await expect(count({})).rejects.toMatchObject({
      problem: { status: 400, errors: [{ field: 'event', message: 'Bitte füllen Sie dieses Feld aus.' }] },
    });
    expect(await deliveries().countDocuments()).toBe(storedBefore);
  });

  it('mails a lounge for matching themes to the members who share a theme with it', async () => {
    const lounge = announcedLounge({ themes: ['Stadtentwicklung', 'Klimaschutz'] });

    await harness.publishClubEvents(harness.announced(lounge));
    await waitForAnnouncements(lounge.eventId, 2);

    expect(await announcementRecipients(lounge.eventId)).toEqual([kalletal.email, pegnitz.email].sort());
  });

  it('mails an event for all members to every active member who has not unsubscribed', async () => {
    const lounge = announcedLounge({ announceTo: 'all-members' });

    await harness.publishClubEvents(harness.announced(lounge));
    await waitForAnnouncements(lounge.eventId, 5);

    expect(await announcementRecipients(lounge.eventId)).toEqual(
      [pegnitz, atTheLimit, munich, kalletal, business].map(({ email }) => email).sort(),
    );
  });

  it('sends nothing again for a redelivered announcement, nor for another EventAnnounced of the same event', async () => {
    const lounge = announcedLounge({ announceTo: 'all-members' });
    const announced = harness.announced(lounge);
    await harness.publishClubEvents(announced);
    await waitForAnnouncements(lounge.eventId, 5);

    await harness.publishClubEvents(announced, harness.announced(lounge));
    // Long enough for both to be handled (the service handles one partition in order).
    await sleep(3000);

    const mail = (await harness.mailToDomain(domain)).filter((message) =>
      message.messageId?.startsWith(`<announcement.${lounge.eventId}.`),
    );
    expect(mail).toHaveLength(5);
    expect(mail.every((message) => (message.deliveries ?? 1) === 1)).toBe(true);
    expect(await deliveries().countDocuments({ _id: { $regex: `^announcement:${lounge.eventId}:` } })).toBe(
      5,
    );
  });

  it('still sends transactional mail to a member who unsubscribed from announcements', async () => {
    const signIn = harness.event(SignInLinkRequestedEvent, optedOut.memberId, {
      memberId: optedOut.memberId,
      expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
      signInToken: harness.seal(newLinkToken()),
    });

    await harness.publish(signIn);
    const [mail] = await harness.waitForMail(optedOut.email);

    expect(mail.subject).toContain('Anmeldelink');
    expect(mail.headers).not.toHaveProperty('list-unsubscribe');
    expect(await harness.mailTo(optedOut.email)).toHaveLength(1);
  });

  it('lets a member switch announcements on again', async () => {
    await harness.publish(
      harness.event(AnnouncementPreferenceChangedEvent, optedOut.memberId, {
        memberId: optedOut.memberId,
        announcementsOptOut: false,
        changedBy: { subject: optedOut.memberId, role: 'member' },
        via: 'profile',
      }),
    );
    await eventually(async () => {
      const contact = await harness.db.collection('contacts').findOne({ _id: optedOut.memberId as never });
      expect(contact?.announcementsOptOut).toBe(false);
    });
    const circle = announcedCircle({ eventId: randomUUID() });

    await harness.publishClubEvents(harness.announced(circle));
    await waitForAnnouncements(circle.eventId, 3);

    expect(await announcementRecipients(circle.eventId)).toEqual(
      [atTheLimit.email, optedOut.email, pegnitz.email].sort(),
    );
  });
});
