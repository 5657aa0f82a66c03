import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatPeriod, formatShortDate, formatTime } from './dates';

describe('dates', () => {
  it('shows Berlin wall time on both sides of the change to summer time', () => {
    expect(formatDateTime('2027-03-27T09:00:00Z')).toBe('Samstag, 27. März 2027, 10:00 Uhr');
    expect(formatDateTime('2027-03-29T08:00:00Z')).toBe('Montag, 29. März 2027, 10:00 Uhr');
  });

  it('writes short dates and times the German way', () => {
    expect(formatShortDate('2027-05-12T07:30:00Z')).toBe('12.05.2027');
    expect(formatTime('2027-05-12T07:30:00Z')).toBe('09:30 Uhr');
    expect(formatDate('2027-05-12T07:30:00Z')).toBe('Mittwoch, 12. Mai 2027');
  });

  it('names a one-day period once and a two-day period with both days', () => {
    expect(formatPeriod('2027-05-12T07:30:00Z', '2027-05-12T15:00:00Z')).toBe(
      'Mittwoch, 12. Mai 2027, 09:30 bis 17:00 Uhr',
    );
    expect(formatPeriod('2027-05-12T07:30:00Z', '2027-05-13T14:00:00Z')).toBe(
      'Mittwoch, 12. Mai 2027, 09:30 Uhr bis Donnerstag, 13. Mai 2027, 16:00 Uhr',
    );
  });
});
