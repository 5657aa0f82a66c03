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
import { renderEventChangedMail } from './event-changed.template';

/** Moved from the weekend of the time change into winter time, and to another venue. */
const moved = lounge({
  revision: 6,
  startsAt: '2030-11-07T17:00:00+01:00',
  endsAt: '2030-11-07T21:00:00+01:00',
  venue: {
    name: 'Haus der Begegnung',
    street: 'Grüner Hof 7',
    postalCode: '89073',
    city: 'Ulm',
    federalState: 'BW',
  },
});

describe(renderEventChangedMail.name, () => {
  it('names what changed in the subject', () => {
    const base = mailBase({ event: moved });
    expect(renderEventChangedMail({ ...base, changed: ['schedule'] }).subject).toBe(
      'Geänderter Termin: Innovators Lounge Ulm: Die smarte Stadt im Alltag',
    );
    expect(renderEventChangedMail({ ...base, changed: ['venue'] }).subject).toBe(
      'Geänderter Ort: Innovators Lounge Ulm: Die smarte Stadt im Alltag',
    );
    expect(renderEventChangedMail({ ...base, changed: ['venue', 'schedule'] }).subject).toBe(
      'Geänderter Termin und Ort: Innovators Lounge Ulm: Die smarte Stadt im Alltag',
    );
  });

  it('gives the new time and place, and the updated calendar entry that replaces the old one', () => {
    const base = mailBase({ event: moved });
    const calendarFiles = calendarFilesOf(moved, base.registration);
    const sut = renderEventChangedMail({ ...base, calendarFiles, changed: ['schedule', 'venue'] });

    expect(sut.text).toMatch(
      /^Sehr geehrte Frau Oberbürgermeisterin Müller,\n\ndie Geschäftsstelle hat Termin und Ort der folgenden Veranstaltung geändert, zu der Sie angemeldet sind\. So gilt es jetzt:/,
    );
    expect(sut.text).toContain('Wann: Donnerstag, 7. November 2030, 17:00–21:00 Uhr');
    expect(sut.text).toContain('Wo: Haus der Begegnung, Grüner Hof 7, 89073 Ulm');
    expect(sut.text).toContain('Ihre Teilnahme bleibt bestätigt.');
    const [entry] = readCalendar(sut.attachments?.[0].content ?? '').entries;
    const [before] = readCalendar(calendarFilesOf(lounge(), base.registration)[0].content).entries;
    expect(entry).toMatchObject({
      uid: before.uid,
      startsLocal: '2030-11-07T17:00:00',
      location: 'Haus der Begegnung, Grüner Hof 7, 89073 Ulm',
    });
    expect(entry.sequence).toBeGreaterThan(before.sequence);
  });

  it('tells someone on the waiting list their place, without a calendar entry', () => {
    const sut = renderEventChangedMail({
      ...mailBase({
        event: moved,
        registration: registration({ status: 'waiting', waitingPlace: 7, confirmedAt: undefined }),
      }),
      changed: ['schedule'],
    });

    expect(sut.text).toContain('Sie stehen weiterhin auf Platz 7 der Warteliste.');
    expect(sut.attachments).toBeUndefined();
  });

  it('tells a delegation person they are registered with their municipality', () => {
    const sut = renderEventChangedMail({ ...delegateMailBase(), changed: ['schedule'] });

    expect(sut.text).toMatch(
      /^Guten Tag Anna Vogel,\n\ndie Geschäftsstelle hat den Termin der folgenden Veranstaltung geändert, zu der Sie mit der Delegation der Kommune Pegnitz angemeldet sind\./,
    );
  });

  it('leads a member to the event page, where they can step back if the new date does not suit them', () => {
    const sut = renderEventChangedMail({ ...mailBase({ event: moved }), changed: ['schedule'] });

    expect(buttonsOf(sut)).toEqual([{ label: 'Anmeldung verwalten', link: eventPageOf(moved.eventId) }]);
    expect(buttonsOf(renderEventChangedMail({ ...delegateMailBase(), changed: ['schedule'] }))).toEqual([]);
  });
});
