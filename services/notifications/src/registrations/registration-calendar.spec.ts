import { readCalendar } from '../../../../libs/platform/src/calendar/testing/read-calendar';
import { MailAttachment } from '../mail/mailer';
import { circle, lounge, MODULE_IDS, office, registration } from '../testing/registration-factories';
import { registrationCalendarFiles } from './registration-calendar';

const read = (file: MailAttachment) => readCalendar(file.content);
const attendee = { name: 'Anna Müller', email: 'anna.mueller@lemgo.example' };
const eventUrl = (eventId: string) => `https://portal.example/veranstaltungen/${eventId}`;

describe(registrationCalendarFiles.name, () => {
  describe('PUBLISH, for a seat', () => {
    const [sut, ...others] = registrationCalendarFiles(lounge(), registration({ revision: 2 }), {
      method: 'PUBLISH',
      office,
      eventUrl,
    });

    it('is one file, named and typed for mail programs', () => {
      expect(others).toEqual([]);
      expect(sut.filename).toBe('termin.ics');
      expect(sut.contentType).toBe('text/calendar; charset=utf-8; method=PUBLISH');
    });

    it('carries the event’s UID, SEQUENCE = event revision + registration revision, and the club as organizer', () => {
      const calendar = read(sut);
      expect(calendar.properties.method).toBe('PUBLISH');
      expect(calendar.entries).toEqual([
        expect.objectContaining({
          uid: `${lounge().eventId}@innovators-club.dstgb.de`,
          sequence: 4 + 2,
          status: 'CONFIRMED',
          organizer: { address: `mailto:${office.email}`, name: office.name },
          attendees: [],
        }),
      ]);
    });

    it('keeps Berlin wall times on both sides of the end of summer time', () => {
      const [entry] = read(sut).entries;
      expect(entry).toMatchObject({
        startsLocal: '2030-10-26T09:30:00',
        endsLocal: '2030-10-27T16:00:00',
        timeZone: 'Europe/Berlin',
      });
      expect(entry.startsAt.toISOString()).toBe('2030-10-26T07:30:00.000Z');
      expect(entry.endsAt.toISOString()).toBe('2030-10-27T15:00:00.000Z');
    });

    it('links the event’s page in the portal, as its URL and at the end of its description', () => {
      const [entry] = read(sut).entries;
      expect(entry.url).toBe(`https://portal.example/veranstaltungen/${lounge().eventId}`);
      expect(entry.description?.split('\n').at(-1)).toBe(
        `Details: https://portal.example/veranstaltungen/${lounge().eventId}`,
      );
    });

    it('is the same file for the same revisions, so a resent mail carries the same entry', () => {
      const again = registrationCalendarFiles(lounge(), registration({ revision: 2 }), {
        method: 'PUBLISH',
        office,
        eventUrl,
      });
      expect(again[0].content).toBe(sut.content);
    });
  });

  describe('CANCEL, for a seat given up', () => {
    const confirmed = registration({ revision: 1 });
    const cancelled = registration({
      revision: 2,
      status: 'cancelled',
      cancelledAt: '2030-03-05T10:00:00.000Z',
      cancellation: { cause: 'registrant' },
    });
    const [published] = registrationCalendarFiles(lounge(), confirmed, {
      method: 'PUBLISH',
      office,
      eventUrl,
    });
    const [sut] = registrationCalendarFiles(lounge(), cancelled, {
      method: 'CANCEL',
      office,
      attendee,
      eventUrl,
    });

    it('removes the same entry: same UID, STATUS:CANCELLED, a higher SEQUENCE, the attendee named', () => {
      const calendar = read(sut);
      expect(sut.filename).toBe('absage.ics');
      expect(sut.contentType).toBe('text/calendar; charset=utf-8; method=CANCEL');
      expect(calendar.properties.method).toBe('CANCEL');
      const [entry] = calendar.entries;
      const [before] = read(published).entries;
      expect(entry).toMatchObject({
        uid: before.uid,
        status: 'CANCELLED',
        attendees: [{ address: `mailto:${attendee.email}`, name: attendee.name }],
      });
      expect(entry.sequence).toBeGreaterThan(before.sequence);
    });

    it('is outranked by the entry of a registration taken up again, though the event did not change', () => {
      const again = registration({ revision: 3 });
      const [taken] = registrationCalendarFiles(lounge(), again, { method: 'PUBLISH', office, eventUrl });
      expect(read(taken).entries[0].sequence).toBeGreaterThan(read(sut).entries[0].sequence);
    });

    it('is outranked by the entry of a later event revision', () => {
      const [moved] = registrationCalendarFiles(lounge({ revision: 5 }), confirmed, {
        method: 'PUBLISH',
        office,
        eventUrl,
      });
      expect(read(moved).entries[0].sequence).toBeGreaterThan(read(published).entries[0].sequence);
    });
  });

  describe('a Kommunalzirkel', () => {
    const sut = registrationCalendarFiles(circle(), registration(), { method: 'PUBLISH', office, eventUrl });

    it('gives each dated module a file of its own with the module’s UID, and none to an undated one', () => {
      expect(sut.map((file) => file.filename)).toEqual(['modul-1.ics', 'modul-2.ics']);
      expect(sut.map((file) => read(file).entries.map((entry) => entry.uid))).toEqual(
        MODULE_IDS.map((moduleId) => [`${circle().eventId}-${moduleId}@innovators-club.dstgb.de`]),
      );
      expect(read(sut[1]).entries[0]).toMatchObject({ startsLocal: '2030-11-07T10:00:00' });
    });

    it('gives only the module asked for, for its reminder', () => {
      const [only, ...none] = registrationCalendarFiles(circle(), registration(), {
        method: 'PUBLISH',
        office,
        eventUrl,
        moduleId: MODULE_IDS[1],
      });
      expect(none).toEqual([]);
      expect(only.filename).toBe('termin.ics');
      expect(read(only).entries[0].summary).toBe(
        'Kommunen for future – Wandel vor Ort gestalten: Energie vor Ort',
      );
    });

    it('names the cancellations of the modules', () => {
      const cancel = registrationCalendarFiles(circle(), registration({ revision: 2 }), {
        method: 'CANCEL',
        office,
        eventUrl,
        attendee,
      });
      expect(cancel.map((file) => file.filename)).toEqual(['absage-modul-1.ics', 'absage-modul-2.ics']);
      expect(cancel.map((file) => read(file).entries[0].status)).toEqual(['CANCELLED', 'CANCELLED']);
    });
  });
});
