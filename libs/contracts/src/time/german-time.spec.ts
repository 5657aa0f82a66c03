import {
  germanClock,
  germanClockTime,
  germanLongDate,
  germanLongDateTime,
  germanShortDate,
  germanShortDateTime,
  germanTimeSpan,
  germanValidUntil,
  germanWeekdayDate,
  germanWeekdayDateTime,
} from './german-time';

describe('German dates and times (Europe/Berlin)', () => {
  // Winter is UTC+1, summer UTC+2; the day is the Berlin one, not the UTC one.
  it.each([
    { format: germanWeekdayDate, iso: '2026-12-21T10:00:00Z', expected: 'Montag, 21. Dezember 2026' },
    { format: germanWeekdayDate, iso: '2026-12-31T23:30:00Z', expected: 'Freitag, 1. Januar 2027' },
    {
      format: germanWeekdayDateTime,
      iso: '2026-12-21T10:00:00Z',
      expected: 'Montag, 21. Dezember 2026, 11:00 Uhr',
    },
    { format: germanLongDate, iso: '2027-04-08T21:59:00Z', expected: '8. April 2027' },
    { format: germanLongDateTime, iso: '2027-04-08T21:59:00Z', expected: '8. April 2027 um 23:59 Uhr' },
    { format: germanShortDate, iso: '2027-02-03T08:15:00Z', expected: '03.02.2027' },
    { format: germanShortDate, iso: '2026-12-31T23:30:00Z', expected: '01.01.2027' },
    { format: germanShortDateTime, iso: '2027-05-12T07:30:00Z', expected: '12.05.2027, 09:30 Uhr' },
    { format: germanClock, iso: '2027-02-03T08:15:00Z', expected: '09:15' },
    { format: germanClock, iso: '2026-11-25T23:10:00Z', expected: '00:10' },
    { format: germanClockTime, iso: '2026-07-01T07:05:00Z', expected: '09:05 Uhr' },
  ])('$format.name writes $iso as $expected', ({ format, iso, expected }) => {
    expect(format(new Date(iso))).toBe(expected);
  });

  describe(germanTimeSpan.name, () => {
    it.each([
      [
        'writes the day once when the event starts and ends on the same Berlin day',
        '2027-04-15T17:00:00+02:00',
        '2027-04-15T21:00:00+02:00',
        'Donnerstag, 15. April 2027, 17:00–21:00 Uhr',
      ],
      [
        'writes both days for an event over several days',
        '2027-05-12T09:30:00+02:00',
        '2027-05-13T16:00:00+02:00',
        'Mittwoch, 12. Mai 2027, 09:30 Uhr bis Donnerstag, 13. Mai 2027, 16:00 Uhr',
      ],
      [
        // 31 October 2027: clocks go back from 03:00 to 02:00.
        'keeps the wall time on the night of a daylight-saving change',
        '2027-10-30T20:00:00+02:00',
        '2027-10-31T10:00:00+01:00',
        'Samstag, 30. Oktober 2027, 20:00 Uhr bis Sonntag, 31. Oktober 2027, 10:00 Uhr',
      ],
    ])('%s', (_title, start, end, expected) => {
      expect(germanTimeSpan(new Date(start), new Date(end))).toBe(expected);
    });
  });

  describe(germanValidUntil.name, () => {
    const now = new Date('2026-11-25T09:30:00Z');

    it('gives only the time when the link ends the same day', () => {
      expect(germanValidUntil(new Date('2026-11-25T09:45:00Z'), now)).toBe('10:45 Uhr');
    });

    it('adds the date when the link ends on another day in Berlin', () => {
      expect(germanValidUntil(new Date('2026-11-25T23:10:00Z'), now)).toBe(
        'Donnerstag, 26. November 2026, 00:10 Uhr',
      );
    });
  });
});
