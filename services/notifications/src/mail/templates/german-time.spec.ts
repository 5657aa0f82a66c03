import { germanClockTime, germanDate, germanDateTime, germanValidUntil } from './german-time';

describe('German dates and times (Europe/Berlin)', () => {
  it('writes a date with weekday and month name', () => {
    expect(germanDate(new Date('2026-12-21T10:00:00Z'))).toBe('Montag, 21. Dezember 2026');
  });

  it('converts to Berlin time in winter (UTC+1) and summer (UTC+2)', () => {
    expect(germanDateTime(new Date('2026-12-21T10:00:00Z'))).toBe('Montag, 21. Dezember 2026, 11:00 Uhr');
    expect(germanClockTime(new Date('2026-07-01T07:05:00Z'))).toBe('09:05 Uhr');
  });

  it('takes the Berlin calendar day, not the UTC one', () => {
    expect(germanDate(new Date('2026-12-31T23:30:00Z'))).toBe('Freitag, 1. Januar 2027');
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
