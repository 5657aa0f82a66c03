import {
  DelegationChangedEvent,
  EventCancelledEvent,
  EventUpdatedEvent,
  InterestRegistrationOpenedEvent,
  RegisteredEventChangedEvent,
  RegistrationCancelledEvent,
  RegistrationConfirmedEvent,
  RegistrationPromotedEvent,
  RegistrationSessionsChangedEvent,
  RegistrationWaitlistedEvent,
  AnnouncementPreferenceChangedEvent,
} from '@ic/contracts';
import type { StoredMessage } from '@ic/infra';
import { sealPersonContact } from '@ic/platform';
import { randomUUID } from 'node:crypto';
import { readCalendar } from '../../../libs/platform/src/calendar/testing/read-calendar';
import { eventually, sleep } from '../../support/eventually';
import { NotificationsHarness, StoredDelivery } from './notifications-harness';
import {
  changeOf,
  delegate,
  delegationRegistration,
  memberRegistration,
  openCircle,
  openLounge,
} from './registration-fixtures';

/**
 * Registration mails through the real notifications service: registration events on
 * ic.registrations.v1 (and events-service events for the replica), the mails read back from the
 * SMTP sink by address.
 */
describe('Notifications service: registration mails', () => {
  const harness = new NotificationsHarness();
  const domain = `${harness.suffix}.anmeldung.example`;
  const deliveries = () => harness.db.collection<StoredDelivery>('deliveries');

  const member = (name: string, officeTitle?: string) =>
    harness.activated({
      email: `${name}@${domain}`,
      salutation: 'Herr',
      lastName: `${name[0].toUpperCase()}${name.slice(1)}`,
      ...(officeTitle ? { officeTitle } : {}),
    });
  const ahrens = member('ahrens', 'Bürgermeister');
  const brandt = member('brandt');
  const conrad = member('conrad');
  const dietz = member('dietz');
  const eckert = member('eckert');
  const optedOut = member('fuchs');
  const mayor = member('gerber', 'Bürgermeister');

  /**
   * Exactly `count` mails to the address, in the order they arrived (the sink lists the newest
   * first; one event's registration events are handled in order, so they arrive in order).
   */
  const mails = async (address: string, count: number) =>
    (await harness.waitForMail(address, count, 30_000)).reverse();
  const calendarOf = (mail: StoredMessage, index = 0) =>
    readCalendar(Buffer.from(mail.attachments[index].content, 'base64').toString('utf8'));

  beforeAll(async () => {
    await harness.connect();
    await harness.startService();
    const everyone = [ahrens, brandt, conrad, dietz, eckert, optedOut, mayor];
    await harness.publish(
      ...everyone.map(({ event }) => event),
      harness.event(AnnouncementPreferenceChangedEvent, optedOut.memberId, {
        memberId: optedOut.memberId,
        announcementsOptOut: true,
        via: 'unsubscribe-link',
      }),
    );
    await eventually(async () => {
      const contacts = harness.db.collection('contacts');
      expect(await contacts.countDocuments({ status: 'active' })).toBe(everyone.length);
      expect(await contacts.countDocuments({ announcementsOptOut: true })).toBe(1);
    }, 30_000);
  });

  afterAll(() => harness.stop());

  it('confirms a registration with the event in Berlin time and its calendar entry (PUBLISH, SEQUENCE from both revisions)', async () => {
    const lounge = openLounge();
    const registration = memberRegistration(lounge, ahrens.memberId);

    await harness.publishRegistrationEvents(
      harness.registrationEvent(RegistrationConfirmedEvent, changeOf(registration, lounge)),
    );
    const [mail] = await mails(ahrens.email, 1);

    expect(mail.subject).toBe(`Anmeldung bestätigt: ${lounge.title}`);
    expect(mail.text).toMatch(/^Sehr geehrter Herr Bürgermeister Ahrens,\n/);
    expect(mail.text).toContain(
      'Wann: Samstag, 26. Oktober 2030, 09:30 Uhr bis Sonntag, 27. Oktober 2030, 16:00 Uhr',
    );
    expect(mail.text).toContain('Wo: Stadthaus Ulm, Münsterplatz 50, 89073 Ulm');
    expect(mail.text).toContain(
      'stornieren Sie Ihre Anmeldung bitte bis Samstag, 19. Oktober 2030, 23:59 Uhr',
    );
    expect(mail.html).toContain('Ihre Teilnahme an der folgenden Veranstaltung ist bestätigt:');
    expect(mail.attachments.map((file) => [file.filename, file.contentType])).toEqual([
      ['termin.ics', 'text/calendar'],
    ]);
    const calendar = calendarOf(mail);
    expect(calendar.properties.method).toBe('PUBLISH');
    expect(calendar.entries).toEqual([
      expect.objectContaining({
        uid: `${lounge.eventId}@innovators-club.dstgb.de`,
        sequence: lounge.revision + registration.revision,
        status: 'CONFIRMED',
        startsLocal: '2030-10-26T09:30:00',
        endsLocal: '2030-10-27T16:00:00',
        timeZone: 'Europe/Berlin',
        organizer: expect.objectContaining({ address: 'mailto:innovators-club@dstgb.example' }),
      }),
    ]);
    expect(calendar.entries[0].endsAt.toISOString()).toBe('2030-10-27T15:00:00.000Z');
    // The sink has the mail a moment before the service has its answer and records it sent.
    await eventually(async () =>
      expect(
        await deliveries().findOne({ _id: `registration-confirmed:${registration.registrationId}:1` }),
      ).toMatchObject({ kind: 'registration-confirmed', memberId: ahrens.memberId, status: 'sent' }),
    );
  });

  it('tells the waiting-list place, then the promotion with the calendar entry, then removes it on cancellation', async () => {
    const lounge = openLounge();
    const waiting = memberRegistration(lounge, brandt.memberId, {
      status: 'waiting',
      waitingPlace: 3,
      confirmedAt: undefined,
    });
    const promoted = {
      ...waiting,
      revision: 2,
      status: 'confirmed' as const,
      waitingPlace: undefined,
      confirmedAt: '2030-03-02T10:00:00.000Z',
    };
    const cancelled = {
      ...promoted,
      revision: 3,
      status: 'cancelled' as const,
      cancelledAt: '2030-03-05T10:00:00.000Z',
      cancellation: {
        cause: 'registrant' as const,
        by: { subject: brandt.memberId, role: 'member' as const },
      },
    };

    await harness.publishRegistrationEvents(
      harness.registrationEvent(RegistrationWaitlistedEvent, changeOf(waiting, lounge)),
      harness.registrationEvent(RegistrationPromotedEvent, {
        ...changeOf(promoted, lounge, undefined),
        cause: 'seat-freed',
      }),
      harness.registrationEvent(RegistrationCancelledEvent, {
        ...changeOf(cancelled, lounge),
        cause: 'registrant',
        previousStatus: 'confirmed',
      }),
    );
    const [onList, movedUp, gone] = await mails(brandt.email, 3);

    expect(onList.subject).toBe(`Warteliste, Platz 3: ${lounge.title}`);
    expect(onList.text).toContain('Sie stehen auf Platz 3 der Warteliste');
    expect(onList.attachments).toEqual([]);
    expect(movedUp.subject).toBe(`Nachgerückt, Teilnahme bestätigt: ${lounge.title}`);
    expect(movedUp.text).toContain('Ein Platz ist frei geworden. Sie sind von der Warteliste nachgerückt');
    expect(calendarOf(movedUp).entries[0]).toMatchObject({
      status: 'CONFIRMED',
      sequence: lounge.revision + 2,
    });
    expect(gone.subject).toBe(`Stornierung bestätigt: ${lounge.title}`);
    expect(gone.attachments.map((file) => file.filename)).toEqual(['absage.ics']);
    const removal = calendarOf(gone);
    expect(removal.properties.method).toBe('CANCEL');
    expect(removal.entries).toEqual([
      expect.objectContaining({
        uid: `${lounge.eventId}@innovators-club.dstgb.de`,
        status: 'CANCELLED',
        sequence: lounge.revision + 3,
        attendees: [expect.objectContaining({ address: `mailto:${brandt.email}` })],
      }),
    ]);
  });

  it('tells everyone of a cancelled event why, and shows the newest event from ic.events.v1', async () => {
    const lounge = openLounge();
    const registration = memberRegistration(lounge, conrad.memberId);
    const reason = 'Der Veranstaltungsort steht wegen eines Wasserschadens nicht zur Verfügung.';
    const cancelledEvent = {
      ...lounge,
      revision: lounge.revision + 1,
      status: 'cancelled' as const,
      cancellation: { reason, cancelledAt: '2030-04-01T10:00:00.000Z' },
    };
    await harness.publishClubEvents(
      harness.clubEvent(EventCancelledEvent, {
        eventId: lounge.eventId,
        revision: cancelledEvent.revision,
        by: { subject: 'staff-test', role: 'staff' },
        event: cancelledEvent,
        reason,
        previousStatus: 'registration-open',
      }),
    );
    await eventually(async () =>
      expect(
        await harness.db.collection('known_events').findOne({ _id: lounge.eventId as never }),
      ).toMatchObject({
        status: 'cancelled',
      }),
    );

    // The registration event carries the event as the registrations service knew it: still open.
    await harness.publishRegistrationEvents(
      harness.registrationEvent(RegistrationCancelledEvent, {
        ...changeOf(
          {
            ...registration,
            revision: 2,
            status: 'cancelled',
            cancelledAt: '2030-04-01T10:00:01.000Z',
            cancellation: { cause: 'event-cancelled' },
          },
          lounge,
          undefined,
        ),
        cause: 'event-cancelled',
        previousStatus: 'confirmed',
      }),
    );
    const [mail] = await mails(conrad.email, 1);

    expect(mail.subject).toBe(`Abgesagt: ${lounge.title}`);
    expect(mail.text).toContain(`Grund der Absage: ${reason}`);
    const removal = calendarOf(mail);
    expect(removal.properties.method).toBe('CANCEL');
    expect(removal.entries[0]).toMatchObject({ status: 'CANCELLED', sequence: lounge.revision + 1 + 2 });
  });

  it('writes to each person of a delegation, by name, and to the people a changed delegation adds or removes', async () => {
    const circle = openCircle();
    const box = harness.linkTokens;
    const anna = delegate(
      box,
      { salutation: 'keine', firstName: 'Anna', lastName: 'Vogel', email: `vogel@${domain}` },
      'administration',
    );
    const jan = delegate(
      box,
      { salutation: 'Herr', firstName: 'Jan', lastName: 'Kurz', email: `kurz@${domain}` },
      'civil-society',
    );
    const eva = delegate(
      box,
      { salutation: 'Frau', firstName: 'Eva', lastName: 'Lang', email: `lang@${domain}` },
      'other',
    );
    const registration = delegationRegistration(circle, mayor.memberId, [anna, jan]);
    const changed = { ...registration, revision: 2, delegation: [anna, eva] };

    await harness.publishRegistrationEvents(
      harness.registrationEvent(RegistrationConfirmedEvent, changeOf(registration, circle)),
      harness.registrationEvent(DelegationChangedEvent, {
        ...changeOf(changed, circle),
        by: { subject: mayor.memberId, role: 'member' },
        added: [eva.personId],
        changed: [],
        removed: [jan],
      }),
    );
    const [toAnna] = await mails(`vogel@${domain}`, 1);
    const [janConfirmed, janRemoved] = await mails(`kurz@${domain}`, 2);
    const [toEva] = await mails(`lang@${domain}`, 1);

    expect(toAnna.text).toMatch(
      /^Guten Tag Anna Vogel,\n\ndie Kommune Pegnitz hat Sie als Vertretung der Verwaltung angemeldet\./,
    );
    expect(toAnna.subject).toBe(
      'Anmeldung bestätigt: Kommunalzirkel „Kommunen for future – Wandel vor Ort gestalten“',
    );
    // One calendar file per dated module, each with the module's own UID.
    expect(toAnna.attachments.map((file) => file.filename)).toEqual(['modul-1.ics', 'modul-2.ics']);
    expect(calendarOf(toAnna, 1).entries[0].uid).toBe(
      `${circle.eventId}-${circle.circle?.modules[1].moduleId}@innovators-club.dstgb.de`,
    );
    expect(janConfirmed.text).toMatch(/^Sehr geehrter Herr Kurz,\n/);
    expect(janRemoved.subject).toBe(
      'Abmeldung aus der Delegation: Kommunalzirkel „Kommunen for future – Wandel vor Ort gestalten“',
    );
    expect(janRemoved.text).toContain(
      'die Kommune Pegnitz hat Sie aus ihrer Delegation zur folgenden Veranstaltung abgemeldet',
    );
    expect(calendarOf(janRemoved).properties.method).toBe('CANCEL');
    expect(toEva.text).toContain(
      'die Kommune Pegnitz hat Sie als weitere Teilnehmerin in ihre Delegation aufgenommen',
    );
    // The registering mayor is not in the delegation: no mail to them.
    expect(await harness.mailTo(mayor.email)).toEqual([]);
    const logged = await eventually(async () => {
      const delivery = await deliveries().findOne({
        _id: `registration-confirmed:${registration.registrationId}:1:${anna.personId}`,
      });
      expect(delivery).toMatchObject({ recipient: `vogel@${domain}`, status: 'sent' });
      return delivery;
    });
    expect(logged).not.toHaveProperty('memberId');
  });

  it('tells everyone registered of a moved event, with the updated entry for those with a seat', async () => {
    const lounge = openLounge();
    const seat = memberRegistration(lounge, dietz.memberId);
    const waiting = memberRegistration(lounge, eckert.memberId, {
      status: 'waiting',
      waitingPlace: 1,
      confirmedAt: undefined,
    });
    const moved = {
      ...lounge,
      revision: lounge.revision + 1,
      startsAt: '2030-11-07T17:00:00+01:00',
      endsAt: '2030-11-07T21:00:00+01:00',
    };
    await harness.publishClubEvents(
      harness.clubEvent(EventUpdatedEvent, {
        eventId: lounge.eventId,
        revision: moved.revision,
        by: { subject: 'staff-test', role: 'staff' },
        event: moved,
        changed: ['schedule'],
      }),
    );
    await harness.publishRegistrationEvents(
      harness.registrationEvent(RegisteredEventChangedEvent, {
        eventId: lounge.eventId,
        eventRevision: moved.revision,
        changed: ['schedule'],
        event: moved,
        registrations: [seat, waiting],
        part: 1,
        parts: 1,
      }),
    );
    const [toSeat] = await mails(dietz.email, 1);
    const [toWaiting] = await mails(eckert.email, 1);

    expect(toSeat.subject).toBe(`Geänderter Termin: ${lounge.title}`);
    expect(toSeat.text).toContain('Wann: Donnerstag, 7. November 2030, 17:00–21:00 Uhr');
    expect(calendarOf(toSeat).entries[0]).toMatchObject({
      uid: `${lounge.eventId}@innovators-club.dstgb.de`,
      sequence: moved.revision + seat.revision,
      startsLocal: '2030-11-07T17:00:00',
    });
    expect(toWaiting.text).toContain('Sie stehen weiterhin auf Platz 1 der Warteliste.');
    expect(toWaiting.attachments).toEqual([]);
  });

  it('mails a member who switched announcements off all the same, and tells interest holders once', async () => {
    const lounge = openLounge();
    const registration = memberRegistration(lounge, optedOut.memberId);
    const interest = {
      eventId: lounge.eventId,
      interestId: randomUUID(),
      holder: { kind: 'member' as const, memberId: optedOut.memberId },
      event: lounge,
    };
    const opened = harness.registrationEvent(InterestRegistrationOpenedEvent, interest);

    await harness.publishRegistrationEvents(
      opened,
      opened,
      harness.registrationEvent(InterestRegistrationOpenedEvent, interest),
      harness.registrationEvent(RegistrationConfirmedEvent, changeOf(registration, lounge)),
    );
    const [openedMail, confirmed] = await mails(optedOut.email, 2);
    await sleep(2000);

    expect(openedMail.subject).toBe(`Anmeldung geöffnet: ${lounge.title}`);
    expect(openedMail.text).toContain('Sie haben Interesse an der folgenden Veranstaltung bekundet.');
    expect(confirmed.subject).toBe(`Anmeldung bestätigt: ${lounge.title}`);
    expect(confirmed.headers).not.toHaveProperty('list-unsubscribe');
    expect(await harness.mailTo(optedOut.email)).toHaveLength(2);
  });

  it('sends one mail for a redelivered event, and for the same change published again under another id', async () => {
    const lounge = openLounge();
    const guest = {
      salutation: 'Frau' as const,
      firstName: 'Gesa',
      lastName: 'Gast',
      email: `gast@${domain}`,
      organisation: 'Hochschule Ulm',
    };
    const registration = memberRegistration(lounge, randomUUID(), {
      registrant: { kind: 'guest', contact: sealPersonContact(harness.linkTokens, guest) },
      registeredBy: { subject: 'staff-test', role: 'staff' },
    });
    const confirmed = harness.registrationEvent(RegistrationConfirmedEvent, changeOf(registration, lounge));

    await harness.publishRegistrationEvents(
      confirmed,
      confirmed,
      harness.registrationEvent(RegistrationConfirmedEvent, changeOf(registration, lounge)),
    );
    const [mail] = await mails(guest.email, 1);
    await sleep(2000);

    expect(await harness.mailTo(guest.email)).toHaveLength(1);
    expect(mail.deliveries ?? 1).toBe(1);
    expect(mail.text).toMatch(
      /^Sehr geehrte Frau Gast,\n\ndie Geschäftsstelle hat Sie für die folgende Veranstaltung angemeldet\./,
    );
  });

  it('tells a forum participant of workshop seats that changed by themselves', async () => {
    const sessionId = randomUUID();
    const forum = openLounge({
      kind: 'deutschlandforum',
      title: '26. Deutschlandforum des Innovators Club',
      lounge: undefined,
      forum: {
        leitgedanke: 'Kommune 2035',
        sessions: [
          {
            sessionId,
            kind: 'workshop',
            title: 'Daten teilen zwischen Kommunen',
            startsAt: '2030-10-26T14:00:00+02:00',
            endsAt: '2030-10-26T15:30:00+02:00',
            room: 'Raum Spree',
            speakers: [],
            capacity: 20,
          },
        ],
      },
    });
    const registration = memberRegistration(forum, ahrens.memberId, {
      revision: 2,
      sessions: [{ sessionId, status: 'confirmed' }],
    });

    await harness.publishRegistrationEvents(
      harness.registrationEvent(RegistrationSessionsChangedEvent, {
        ...changeOf(registration, forum, undefined),
        cause: 'seat-freed',
        changes: [{ sessionId, from: 'waiting', to: 'confirmed' }],
      }),
    );
    const mail = await eventually(async () => {
      const found = (await harness.mailTo(ahrens.email)).filter((message) =>
        message.subject.startsWith('Ihre Workshops'),
      );
      expect(found).toHaveLength(1);
      return found[0];
    });

    expect(mail.subject).toBe('Ihre Workshops: 26. Deutschlandforum des Innovators Club');
    expect(mail.text).toContain(
      '„Daten teilen zwischen Kommunen“ (Samstag, 26. Oktober 2030, 14:00–15:30 Uhr, Raum Spree): Sie sind von der Warteliste nachgerückt; Ihr Platz ist bestätigt.',
    );
  });
});
