import { readCalendar } from '../../../../../libs/platform/src/calendar/testing/read-calendar';
import {
  calendarFilesOf,
  circle,
  delegateMailBase,
  eventPageOf,
  lounge,
  mailBase,
  MODULE_IDS,
} from '../../testing/registration-factories';
import { buttonsOf } from '../../testing/mail-buttons';
import { renderEventReminderMail } from './event-reminder.template';

describe(renderEventReminderMail.name, () => {
  it('names the event and its day in the subject, in Berlin time', () => {
    const base = mailBase();
    const calendarFiles = calendarFilesOf(base.event, base.registration);
    // 09:30 CEST on 26 October is still the 26th in Berlin, though the instant is 07:30 UTC.
    const sut = renderEventReminderMail({
      ...base,
      calendarFiles,
      startsAt: new Date('2030-10-26T07:30:00Z'),
    });

    expect(sut.subject).toBe(
      'Erinnerung: Innovators Lounge Ulm: Die smarte Stadt im Alltag am Samstag, 26. Oktober 2030',
    );
    expect(sut.text).toMatch(
      /^Sehr geehrte Frau Oberbürgermeisterin Müller,\n\nwir erinnern Sie gern an die folgende Veranstaltung, zu der Sie angemeldet sind:/,
    );
    expect(sut.text).toContain(
      'Wann: Samstag, 26. Oktober 2030, 09:30 Uhr bis Sonntag, 27. Oktober 2030, 16:00 Uhr',
    );
    expect(readCalendar(sut.attachments?.[0].content ?? '').entries[0]).toMatchObject({
      status: 'CONFIRMED',
    });
  });

  it('reminds a delegation person of the next module of a Kommunalzirkel, in winter time after the change', () => {
    const event = circle();
    const module = event.circle?.modules[1];
    const base = delegateMailBase();
    const calendarFiles = calendarFilesOf(event, base.registration, { moduleId: MODULE_IDS[1] });
    const sut = renderEventReminderMail({
      ...base,
      calendarFiles,
      ...(module ? { module } : {}),
      startsAt: new Date('2030-11-07T09:00:00Z'),
    });

    expect(sut.subject).toBe(
      'Erinnerung: Energie vor Ort (Kommunalzirkel „Kommunen for future – Wandel vor Ort gestalten“) am Donnerstag, 7. November 2030',
    );
    expect(sut.text).toContain(
      'wir erinnern Sie gern an das nächste Modul der folgenden Veranstaltung, zu der Sie mit der Delegation der Kommune Pegnitz angemeldet sind: „Energie vor Ort“, Donnerstag, 7. November 2030, 10:00–16:00 Uhr.',
    );
    expect(sut.attachments?.map((file) => file.filename)).toEqual(['termin.ics']);
    expect(readCalendar(sut.attachments?.[0].content ?? '').entries[0].startsLocal).toBe(
      '2030-11-07T10:00:00',
    );
  });

  it('leads a member to the event page; a delegation person gets no link into the portal', () => {
    const startsAt = new Date('2030-10-26T07:30:00Z');
    const member = renderEventReminderMail({ ...mailBase(), startsAt });
    const delegate = renderEventReminderMail({ ...delegateMailBase(), startsAt });

    expect(buttonsOf(member)).toEqual([
      { label: 'Anmeldung verwalten', link: eventPageOf(lounge().eventId) },
    ]);
    expect(buttonsOf(delegate)).toEqual([]);
  });
});
