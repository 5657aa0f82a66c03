import {
  DelegationChangedEvent,
  EventUpdatedEvent,
  InterestRegistrationOpenedEvent,
  RegisteredEventChangedEvent,
  RegistrationConfirmedEvent,
  RegistrationSessionsChangedEvent,
} from '@ic/contracts';
import { sealPersonContact } from '@ic/platform';
import { randomUUID } from 'node:crypto';
import { eventually, sleep } from '../../support/eventually';
import {
  changeOf,
  delegate,
  delegationRegistration,
  memberRegistration,
  openCircle,
  openLounge,
} from './registration-fixtures';
import { registrationMailsTestBed } from './registration-mails-test-bed';

/**
 * Registration mails through the real notifications service: registration events on
 * ic.registrations.v1 (and events-service events for the replica), the mails read back from the
 * SMTP sink by address.
 */
describe('Notifications service: registration mails of delegations, changes and redeliveries', () => {
  const { harness, domain, deliveries, ahrens, dietz, eckert, optedOut, mayor, mails, calendarOf } =
    registrationMailsTestBed();

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
