import {
  EventCancelledEvent,
  RegistrationCancelledEvent,
  RegistrationConfirmedEvent,
  RegistrationPromotedEvent,
  RegistrationWaitlistedEvent,
} from '@ic/contracts';
import { eventually } from '../../support/eventually';
import { changeOf, memberRegistration, openLounge } from './registration-fixtures';
import { registrationMailsTestBed } from './registration-mails-test-bed';

/**
 * Registration mails through the real notifications service: registration events on
 * ic.registrations.v1 (and events-service events for the replica), the mails read back from the
 * SMTP sink by address.
 */
describe('Notifications service: registration mails of seats, places and cancelled events', () => {
  const { harness, deliveries, ahrens, brandt, conrad, mails, calendarOf } = registrationMailsTestBed();

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
});
