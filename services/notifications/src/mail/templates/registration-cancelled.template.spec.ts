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
import { renderRegistrationCancelledMail } from './registration-cancelled.template';

const cancelled = registration({
  revision: 2,
  status: 'cancelled',
  cancelledAt: '2030-03-05T10:00:00.000Z',
  cancellation: { cause: 'registrant' },
});
const reason = 'Der Veranstaltungsort steht wegen eines Wasserschadens nicht zur Verfügung.';
const cancelledEvent = lounge({
  revision: 5,
  status: 'cancelled',
  cancellation: { reason, cancelledAt: '2030-03-05T10:00:00.000Z' },
});

describe(renderRegistrationCancelledMail.name, () => {
  it('confirms a member’s own cancellation and removes the calendar entry (CANCEL, same UID, higher SEQUENCE)', () => {
    const base = mailBase({ registration: cancelled });
    const calendarFiles = calendarFilesOf(base.event, cancelled, {
      method: 'CANCEL',
      attendee: { name: 'Anna Müller', email: 'anna.mueller@lemgo.example' },
    });
    const sut = renderRegistrationCancelledMail({
      ...base,
      calendarFiles,
      cause: 'registrant',
      previousStatus: 'confirmed',
    });

    expect(sut.subject).toBe('Stornierung bestätigt: Innovators Lounge Ulm: Die smarte Stadt im Alltag');
    expect(sut.text).toMatch(
      /^Sehr geehrte Frau Oberbürgermeisterin Müller,\n\nwie gewünscht haben wir Ihre Anmeldung zur folgenden Veranstaltung storniert:/,
    );
    expect(sut.text).toContain(
      'Möchten Sie doch teilnehmen, können Sie sich bis Samstag, 19. Oktober 2030, 23:59 Uhr erneut anmelden.',
    );
    expect(sut.text).toContain('Im Anhang finden Sie die Absage für Ihren Kalender (absage.ics)');
    const calendar = readCalendar(sut.attachments?.[0].content ?? '');
    expect(calendar.properties.method).toBe('CANCEL');
    expect(calendar.entries[0]).toMatchObject({
      uid: `${lounge().eventId}@innovators-club.dstgb.de`,
      status: 'CANCELLED',
      sequence: lounge().revision + 2,
    });
  });

  it('names a waiting-list place given up, without a calendar entry to remove', () => {
    const sut = renderRegistrationCancelledMail({
      ...mailBase({ registration: cancelled }),
      cause: 'registrant',
      previousStatus: 'waiting',
    });

    expect(sut.text).toContain(
      'wie gewünscht haben wir Ihre Anmeldung auf der Warteliste zur folgenden Veranstaltung storniert:',
    );
    expect(sut.attachments).toBeUndefined();
  });

  it('says the office cancelled it', () => {
    const sut = renderRegistrationCancelledMail({
      ...mailBase({ registration: cancelled }),
      cause: 'staff',
      previousStatus: 'confirmed',
    });

    expect(sut.subject).toBe(
      'Ihre Anmeldung wurde storniert: Innovators Lounge Ulm: Die smarte Stadt im Alltag',
    );
    expect(sut.text).toContain(
      'die Geschäftsstelle hat Ihre Anmeldung zur folgenden Veranstaltung storniert:',
    );
    expect(sut.text).toContain('Haben Sie Fragen dazu, wenden Sie sich bitte an die Geschäftsstelle.');
  });

  it('tells of a cancelled event with the office’s reason', () => {
    const sut = renderRegistrationCancelledMail({
      ...mailBase({ event: cancelledEvent, registration: cancelled }),
      cause: 'event-cancelled',
      previousStatus: 'confirmed',
    });

    expect(sut.subject).toBe('Abgesagt: Innovators Lounge Ulm: Die smarte Stadt im Alltag');
    expect(sut.text).toContain(
      'leider müssen wir Ihnen mitteilen, dass die folgende Veranstaltung abgesagt ist:',
    );
    expect(sut.text).toContain(`Grund der Absage: ${reason}`);
    expect(sut.html).toContain(
      'Grund der Absage: Der Veranstaltungsort steht wegen eines Wasserschadens nicht zur Verfügung.',
    );
    expect(sut.text).not.toContain('erneut anmelden');
  });

  it('tells a person their municipality took them out of the delegation', () => {
    const sut = renderRegistrationCancelledMail({
      ...delegateMailBase(),
      cause: 'removed-from-delegation',
      previousStatus: 'confirmed',
    });

    expect(sut.subject).toBe(
      'Abmeldung aus der Delegation: Kommunalzirkel „Kommunen for future – Wandel vor Ort gestalten“',
    );
    expect(sut.text).toMatch(
      /^Guten Tag Anna Vogel,\n\ndie Kommune Pegnitz hat Sie aus ihrer Delegation zur folgenden Veranstaltung abgemeldet:/,
    );
  });

  it('tells each delegation person that their municipality cancelled, without offering to register again', () => {
    const sut = renderRegistrationCancelledMail({
      ...delegateMailBase(),
      cause: 'registrant',
      previousStatus: 'confirmed',
    });

    expect(sut.text).toContain(
      'die Kommune Pegnitz hat die Anmeldung ihrer Delegation zur folgenden Veranstaltung storniert:',
    );
    expect(sut.text).not.toContain('erneut anmelden');
  });

  describe('the way to the event page', () => {
    it('leads a member to the event page, where they can register again while registration is open', () => {
      const sut = renderRegistrationCancelledMail({
        ...mailBase({ registration: cancelled }),
        cause: 'registrant',
        previousStatus: 'confirmed',
      });

      expect(buttonsOf(sut)).toEqual([{ label: 'Anmeldung verwalten', link: eventPageOf(lounge().eventId) }]);
    });

    it('offers to look at a cancelled event, with nothing left to manage', () => {
      const sut = renderRegistrationCancelledMail({
        ...mailBase({ event: cancelledEvent, registration: cancelled }),
        cause: 'event-cancelled',
        previousStatus: 'confirmed',
      });

      expect(buttonsOf(sut)).toEqual([
        { label: 'Veranstaltung ansehen', link: eventPageOf(lounge().eventId) },
      ]);
    });

    it('offers a delegation person no link into the portal', () => {
      const sut = renderRegistrationCancelledMail({
        ...delegateMailBase(),
        cause: 'removed-from-delegation',
        previousStatus: 'confirmed',
      });

      expect(buttonsOf(sut)).toEqual([]);
    });
  });
});
