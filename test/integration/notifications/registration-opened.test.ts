import {
  AnnouncementPreferenceChangedEvent,
  ClubEventSnapshot,
  EventUpdatedEvent,
  formatBerlinTime,
  InterestDeclared,
  InterestDeclaredEvent,
  InterestRegistrationOpenedEvent,
  MemberErasedEvent,
  MemberProfile,
  RegistrationOpenedEvent,
} from '@ic/contracts';
import type { StoredMessage } from '@ic/infra';
import { randomUUID } from 'node:crypto';
import { eventually, sleep } from '../../support/eventually';
import { announcedLounge } from './announcement-fixtures';
import { LINK_BASE_URL, NotificationsHarness, StoredDelivery } from './notifications-harness';

/**
 * "Anmeldung geöffnet" through the real notifications service: membership events build its
 * contacts, EventAnnounced and RegistrationOpened arrive on ic.events.v1 as the events service
 * publishes them, InterestDeclared and InterestRegistrationOpened on ic.registrations.v1 as the
 * registrations service does; the SMTP sink shows who got which mail.
 */
describe('Notifications service: registration opened', () => {
  const harness = new NotificationsHarness();
  const domain = `${harness.suffix}.anmeldung-offen.example`;
  const deliveries = () => harness.db.collection<StoredDelivery>('deliveries');
  const staff = { subject: 'staff-test', role: 'staff' } as const;

  const member = (name: string, profile: Partial<MemberProfile> = {}) =>
    harness.activated({
      themes: ['Digitalisierung'],
      ...profile,
      email: `${name}@${domain}`,
      lastName: `${name[0].toUpperCase()}${name.slice(1)}`,
    });
  /** In the audience and interested: one mail, in the words of the interest. */
  const interested = member('interessiert');
  /** In the audience only. */
  const audience = member('publikum');
  /** Announcements off, but interested: told all the same. */
  const optedOutInterested = member('abbestellt-interessiert');
  /** Announcements off, not interested: not told. */
  const optedOut = member('abbestellt');
  /** Not in the audience (no shared theme). */
  const elsewhere = member('anderswo', { themes: ['Bildung'] });
  const everyone = [interested, audience, optedOutInterested, optedOut, elsewhere];
  /** Joins after the first lounge's announcement: it was not announced to them. */
  const latecomer = member('nachzuegler', { themes: ['Stadtentwicklung'] });

  const openedSubject = (event: ClubEventSnapshot) => `Anmeldung geöffnet: ${event.title}`;
  const eventPage = (event: ClubEventSnapshot) => `${LINK_BASE_URL}/veranstaltungen/${event.eventId}`;

  /** The mails of this run with the subject, by address. */
  async function mailsWith(subject: string): Promise<Map<string, StoredMessage[]>> {
    const byAddress = new Map<string, StoredMessage[]>();
    for (const mail of await harness.mailToDomain(domain)) {
      if (mail.subject !== subject) continue;
      for (const to of mail.to) byAddress.set(to, [...(byAddress.get(to) ?? []), mail]);
    }
    return byAddress;
  }

  /** Waits until exactly these addresses have exactly one mail with the subject each. */
  async function waitForOneEach(subject: string, addresses: readonly string[]) {
    return eventually(
      async () => {
        const mails = await mailsWith(subject);
        expect([...mails.entries()].map(([to, list]) => [to, list.length]).sort()).toEqual(
          addresses.map((address) => [address, 1]).sort(),
        );
        return mails;
      },
      60_000,
      500,
    );
  }

  /** Everything published for the event on ic.events.v1 before has been handled once this revision is recorded. */
  async function handledUpTo(event: ClubEventSnapshot): Promise<void> {
    await harness.publishClubEvents(
      harness.clubEvent(EventUpdatedEvent, {
        eventId: event.eventId,
        revision: event.revision,
        by: staff,
        event,
        changed: ['details'],
      }),
    );
    await eventually(async () => {
      const known = await harness.db.collection('known_events').findOne({ _id: event.eventId as never });
      expect(known?.revision).toBe(event.revision);
    }, 30_000);
  }

  function interestOf(event: ClubEventSnapshot, memberId: string): InterestDeclared {
    return {
      eventId: event.eventId,
      interestId: randomUUID(),
      holder: { kind: 'member', memberId, federalState: 'NW' },
      by: { subject: memberId, role: 'member' },
      declaredAt: new Date().toISOString(),
    };
  }

  /** Announces the lounge and waits for its announcements to the audience. */
  async function announce(lounge: ClubEventSnapshot): Promise<void> {
    await harness.publishClubEvents(harness.announced(lounge));
    await waitForOneEach(`Ankündigung: ${lounge.title}`, [interested.email, audience.email]);
  }

  const opened = (lounge: ClubEventSnapshot, revision: number, by?: typeof staff) =>
    harness.clubEvent(RegistrationOpenedEvent, {
      eventId: lounge.eventId,
      revision,
      ...(by ? { by } : {}),
      event: { ...lounge, revision, status: 'registration-open' },
    });

  beforeAll(async () => {
    await harness.connect();
    await harness.startService();
    await harness.publish(
      ...everyone.map(({ event }) => event),
      ...[optedOutInterested, optedOut].map(({ memberId }) =>
        harness.event(AnnouncementPreferenceChangedEvent, memberId, {
          memberId,
          announcementsOptOut: true,
          via: 'profile',
          changedBy: { subject: memberId, role: 'member' },
        }),
      ),
    );
    await eventually(async () => {
      const contacts = harness.db.collection('contacts');
      expect(await contacts.countDocuments({ status: 'active' })).toBe(everyone.length);
      expect(await contacts.countDocuments({ announcementsOptOut: true })).toBe(2);
    }, 30_000);
  });

  afterAll(() => harness.stop());

  it('the office opens registration early: interest holders and the audience get one mail each, also after redeliveries; a member who joined since gets none', async () => {
    const lounge = announcedLounge({ title: `Innovators Lounge Ulm ${harness.suffix}: Früher offen` });
    await announce(lounge);
    await harness.publish(latecomer.event);
    await eventually(async () => {
      const contact = await harness.db.collection('contacts').findOne({ _id: latecomer.memberId as never });
      expect(contact?.status).toBe('active');
    }, 30_000);
    const interests = [interested, optedOutInterested].map(({ memberId }) => interestOf(lounge, memberId));
    await harness.publishRegistrationEvents(
      ...interests.map((interest) => harness.registrationEvent(InterestDeclaredEvent, interest)),
    );
    await eventually(async () => {
      expect(await harness.db.collection('known_interests').countDocuments({ eventId: lounge.eventId })).toBe(
        2,
      );
    }, 30_000);

    // The events service opens registration; the registrations service tells each interest holder.
    const openedEarly = opened(lounge, 3, staff);
    const told = interests.map((interest) =>
      harness.registrationEvent(InterestRegistrationOpenedEvent, {
        eventId: lounge.eventId,
        interestId: interest.interestId,
        holder: interest.holder,
        event: openedEarly.data.event,
      }),
    );
    await harness.publishClubEvents(openedEarly);
    await harness.publishRegistrationEvents(...told);

    const subject = openedSubject(lounge);
    const mails = await waitForOneEach(subject, [interested.email, audience.email, optedOutInterested.email]);

    const [toAudience] = mails.get(audience.email) ?? [];
    expect(toAudience.text).toMatch(
      /^Sehr geehrte Frau Publikum,\n\nwir haben Ihnen die folgende Veranstaltung angekündigt\. Die Geschäftsstelle hat die Anmeldung früher als angekündigt geöffnet:/,
    );
    expect(toAudience.text).toContain(`\nJetzt anmelden: ${eventPage(lounge)}\n`);
    expect(toAudience.html).toContain(`href="${eventPage(lounge)}"`);
    expect(toAudience.headers['list-unsubscribe']).toMatch(new RegExp(`^<${LINK_BASE_URL}/abmelden/`));
    // The announced opening date did not hold: no mail repeats it.
    expect(toAudience.text).not.toContain('1. Februar 2030');
    for (const address of [interested.email, optedOutInterested.email]) {
      const [toInterested] = mails.get(address) ?? [];
      expect(toInterested.text).toContain(
        'Sie haben Interesse an der folgenden Veranstaltung bekundet. Die Geschäftsstelle hat die Anmeldung früher als angekündigt geöffnet:',
      );
      expect(toInterested.text).toContain(`\nJetzt anmelden: ${eventPage(lounge)}\n`);
      expect(toInterested.headers).not.toHaveProperty('list-unsubscribe');
    }
    // A delivery is recorded as sent once the server's answer is back, a moment after the mail is there.
    await eventually(async () => {
      expect(
        await deliveries()
          .find({ _id: { $regex: `^registration-opened:${lounge.eventId}:` } })
          .map((delivery) => [delivery._id, delivery.status])
          .toArray(),
      ).toEqual(
        expect.arrayContaining(
          [interested, audience, optedOutInterested].map(({ memberId }) => [
            `registration-opened:${lounge.eventId}:${memberId}`,
            'sent',
          ]),
        ),
      );
    }, 10_000);

    // Redelivered as they were, and published again under new ids (a relay's second attempt).
    await harness.publishClubEvents(openedEarly, opened(lounge, 3, staff));
    await harness.publishRegistrationEvents(
      ...told,
      ...interests.map((interest) =>
        harness.registrationEvent(InterestRegistrationOpenedEvent, {
          eventId: lounge.eventId,
          interestId: interest.interestId,
          holder: interest.holder,
          event: openedEarly.data.event,
        }),
      ),
    );
    await handledUpTo({ ...openedEarly.data.event, revision: 4 });
    // The registration events are handled on another partition: give them the same time.
    await sleep(3000);

    const after = await mailsWith(subject);
    expect([...after.keys()].sort()).toEqual(
      [interested.email, audience.email, optedOutInterested.email].sort(),
    );
    for (const list of after.values()) {
      expect(list).toHaveLength(1);
      expect(list[0].deliveries ?? 1).toBe(1);
    }
    expect(
      await deliveries().countDocuments({ _id: { $regex: `^registration-opened:${lounge.eventId}:` } }),
    ).toBe(3);
  });

  it('registration opens at its date: the audience learns it, without "early"', async () => {
    const opensAt = new Date(Date.now() + 8000);
    const lounge = announcedLounge({
      title: `Innovators Lounge Ulm ${harness.suffix}: Pünktlich`,
      themes: ['Digitalisierung'],
      registration: { opensAt: formatBerlinTime(opensAt), closesAt: '2030-04-04T23:59:00+02:00' },
    });
    await announce(lounge);
    await sleep(Math.max(0, opensAt.getTime() - Date.now() + 500));

    // The scheduler opened it: `by` is absent.
    await harness.publishClubEvents(opened(lounge, 3));

    const mails = await waitForOneEach(openedSubject(lounge), [interested.email, audience.email]);
    expect(mails.get(audience.email)?.[0].text).toContain(
      'wir haben Ihnen die folgende Veranstaltung angekündigt. Die Anmeldung ist jetzt geöffnet:',
    );
  });

  it('tells nobody of an opening the announcement already told: registration was open when it was announced', async () => {
    const lounge = announcedLounge({
      title: `Innovators Lounge Ulm ${harness.suffix}: Schon offen`,
      themes: ['Digitalisierung'],
      registration: { opensAt: '2026-01-05T09:00:00+01:00', closesAt: '2030-04-04T23:59:00+02:00' },
    });
    await announce(lounge);
    const [announcement] = (await mailsWith(`Ankündigung: ${lounge.title}`)).get(audience.email) ?? [];
    expect(announcement.text).toContain(
      'Die Anmeldung ist geöffnet: Sie können sich bis Donnerstag, 4. April 2030, 23:59 Uhr anmelden.\n' +
        `Jetzt anmelden: ${eventPage(lounge)}`,
    );

    await harness.publishClubEvents(opened(lounge, 3));
    await handledUpTo({ ...lounge, revision: 4, status: 'registration-open' });

    expect(await mailsWith(openedSubject(lounge))).toEqual(new Map());
  });

  it('forgets which events a member declared interest in once they had their data erased', async () => {
    const lounge = announcedLounge({ title: `Innovators Lounge Ulm ${harness.suffix}: Vergessen` });
    const interests = harness.db.collection('known_interests');
    await harness.publishRegistrationEvents(
      harness.registrationEvent(InterestDeclaredEvent, interestOf(lounge, interested.memberId)),
    );
    await eventually(async () => {
      expect(await interests.countDocuments({ eventId: lounge.eventId })).toBe(1);
    }, 30_000);

    await harness.publish(
      harness.event(MemberErasedEvent, interested.memberId, {
        memberId: interested.memberId,
        erasedBy: { subject: interested.memberId, role: 'member' },
        erasedAt: new Date().toISOString(),
        endedMembership: true,
      }),
    );

    await eventually(async () => {
      expect(await interests.countDocuments({ memberId: interested.memberId })).toBe(0);
    }, 30_000);
  });
});
