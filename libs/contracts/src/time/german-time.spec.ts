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
  it('writes a date with weekday and month name', () => {
    expect(germanWeekdayDate(new Date('2026-12-21T10:00:00Z'))).toBe('Montag, 21. Dezember 2026');
  });

  it('converts to Berlin time in winter (UTC+1) and summer (UTC+2)', () => {
    expect(germanWeekdayDateTime(new Date('2026-12-21T10:00:00Z'))).toBe(
      'Montag, 21. Dezember 2026, 11:00 Uhr',
    );
    expect(germanClockTime(new Date('2026-07-01T07:05:00Z'))).toBe('09:05 Uhr');
  });

  it('takes the Berlin calendar day, not the UTC one', () => {
    expect(germanWeekdayDate(new Date('2026-12-31T23:30:00Z'))).toBe('Freitag, 1. Januar 2027');
    expect(germanShortDate(new Date('2026-12-31T23:30:00Z'))).toBe('01.01.2027');
  });

  it('writes a date without weekday, in words or in figures', () => {
    expect(germanLongDate(new Date('2027-04-08T21:59:00Z'))).toBe('8. April 2027');
    expect(germanShortDate(new Date('2027-02-03T08:15:00Z'))).toBe('03.02.2027');
  });

  it('writes the time with two digits each, midnight as 00', () => {
    expect(germanClock(new Date('2027-02-03T08:15:00Z'))).toBe('09:15');
    expect(germanClock(new Date('2026-11-25T23:10:00Z'))).toBe('00:10');
  });

  it('joins date and time as messages write them', () => {
    expect(germanLongDateTime(new Date('2027-04-08T21:59:00Z'))).toBe('8. April 2027 um 23:59 Uhr');
    expect(germanShortDateTime(new Date('2027-05-12T07:30:00Z'))).toBe('12.05.2027, 09:30 Uhr');
  });

  describe(germanTimeSpan.name, () => {
    it('writes the day once when the event starts and ends on the same Berlin day', () => {
      expect(
        germanTimeSpan(new Date('2027-04-15T17:00:00+02:00'), new Date('2027-04-15T21:00:00+02:00')),
      ).toBe('Donnerstag, 15. April 2027, 17:00–21:00 Uhr');
    });

    it('writes both days for an event over several days', () => {
      expect(
        germanTimeSpan(new Date('2027-05-12T09:30:00+02:00'), new Date('2027-05-13T16:00:00+02:00')),
      ).toBe('Mittwoch, 12. Mai 2027, 09:30 Uhr bis Donnerstag, 13. Mai 2027, 16:00 Uhr');
    });

    it('keeps the wall time on the night of a daylight-saving change', () => {
      // 31 October 2027: clocks go back from 03:00 to 02:00.
      expect(
        germanTimeSpan(new Date('2027-10-30T20:00:00+02:00'), new Date('2027-10-31T10:00:00+01:00')),
      ).toBe('Samstag, 30. Oktober 2027, 20:00 Uhr bis Sonntag, 31. Oktober 2027, 10:00 Uhr');
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
