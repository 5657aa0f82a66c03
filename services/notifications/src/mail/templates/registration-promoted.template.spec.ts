import { readCalendar } from '../../../../../libs/platform/src/calendar/testing/read-calendar';
import {
  calendarFilesOf,
  delegateMailBase,
  eventPageOf,
  lounge,
  mailBase,
  registration,
} from '../../testing/registration-factories';
import { buttonsOf } from '../../testing/mail-buttons';
import { renderRegistrationPromotedMail } from './registration-promoted.template';

const promoted = registration({ revision: 2, confirmedAt: '2030-03-10T12:00:00.000Z' });

describe(renderRegistrationPromotedMail.name, () => {
  it('says the member moved up and is confirmed, with the calendar entry', () => {
    const base = mailBase({ registration: promoted });
    const calendarFiles = calendarFilesOf(base.event, promoted);
    const sut = renderRegistrationPromotedMail({ ...base, calendarFiles, cause: 'seat-freed' });

    expect(sut.subject).toBe(
      'Nachgerückt, Teilnahme bestätigt: Innovators Lounge Ulm: Die smarte Stadt im Alltag',
    );
    expect(sut.text).toMatch(
      /^Sehr geehrte Frau Oberbürgermeisterin Müller,\n\ngute Nachricht: Ein Platz ist frei geworden\. Sie sind von der Warteliste nachgerückt; Ihre Teilnahme an der folgenden Veranstaltung ist bestätigt:/,
    );
    expect(sut.text).toContain(
      'Wann: Samstag, 26. Oktober 2030, 09:30 Uhr bis Sonntag, 27. Oktober 2030, 16:00 Uhr',
    );
    const calendar = readCalendar(sut.attachments?.[0].content ?? '');
    expect(calendar.properties.method).toBe('PUBLISH');
    expect(calendar.entries[0]).toMatchObject({ status: 'CONFIRMED', sequence: base.event.revision + 2 });
  });

  it('names more seats as the reason when the office added some', () => {
    const sut = renderRegistrationPromotedMail({
      ...mailBase({ registration: promoted }),
      cause: 'capacity-raised',
    });

    expect(sut.text).toContain('gute Nachricht: Die Veranstaltung hat zusätzliche Plätze bekommen.');
  });

  it('tells a delegation person that their municipality moved up', () => {
    const sut = renderRegistrationPromotedMail({ ...delegateMailBase(), cause: 'seat-freed' });

    expect(sut.text).toMatch(
      /^Guten Tag Anna Vogel,\n\ngute Nachricht: Ein Platz ist frei geworden\. Die Delegation der Kommune Pegnitz ist von der Warteliste nachgerückt; Ihre Teilnahme als Vertretung der Verwaltung an der folgenden Veranstaltung ist bestätigt:/,
    );
  });

  it('leads the member to the event page to manage the registration', () => {
    const sut = renderRegistrationPromotedMail({
      ...mailBase({ registration: promoted }),
      cause: 'seat-freed',
    });

    expect(buttonsOf(sut)).toEqual([{ label: 'Anmeldung verwalten', link: eventPageOf(lounge().eventId) }]);
    expect(renderRegistrationPromotedMail({ ...delegateMailBase(), cause: 'seat-freed' }).text).not.toContain(
      '/veranstaltungen/',
    );
  });
});
