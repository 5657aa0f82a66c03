import { describe, expect, it } from 'vitest';
import { addDays, berlinInstant, berlinWallTimeOf, isBefore } from './berlinTime';
import { formatDateTime } from './dates';

describe('berlinInstant', () => {
  it('gives a winter day the offset +01:00 and a summer day +02:00, whatever the season of today', () => {
    expect(berlinInstant('2027-01-14', '18:00')).toEqual({ ok: true, value: '2027-01-14T18:00:00+01:00' });
    expect(berlinInstant('2027-07-14', '18:00')).toEqual({ ok: true, value: '2027-07-14T18:00:00+02:00' });
  });

  it('changes the offset on the very days the clocks change (28 March and 31 October 2027)', () => {
    // The Saturday before the change to summer time is still winter time, the Sunday after 03:00 summer time.
    expect(berlinInstant('2027-03-27', '09:30')).toEqual({ ok: true, value: '2027-03-27T09:30:00+01:00' });
    expect(berlinInstant('2027-03-28', '01:59')).toEqual({ ok: true, value: '2027-03-28T01:59:00+01:00' });
    expect(berlinInstant('2027-03-28', '03:00')).toEqual({ ok: true, value: '2027-03-28T03:00:00+02:00' });
    expect(berlinInstant('2027-03-28', '16:00')).toEqual({ ok: true, value: '2027-03-28T16:00:00+02:00' });
    // Back to winter time: the Saturday is summer, the Sunday afternoon winter.
    expect(berlinInstant('2027-10-30', '18:00')).toEqual({ ok: true, value: '2027-10-30T18:00:00+02:00' });
    expect(berlinInstant('2027-10-31', '03:00')).toEqual({ ok: true, value: '2027-10-31T03:00:00+01:00' });
    expect(berlinInstant('2027-10-31', '14:00')).toEqual({ ok: true, value: '2027-10-31T14:00:00+01:00' });
  });

  it('refuses the hour skipped in March and takes the first of the hour repeated in October', () => {
    expect(berlinInstant('2027-03-28', '02:30')).toEqual({ ok: false, reason: 'skipped' });
    expect(berlinInstant('2027-10-31', '02:30')).toEqual({ ok: true, value: '2027-10-31T02:30:00+02:00' });
  });

  it('gives back the wall time that was entered, on both sides of a change', () => {
    for (const [date, time] of [
      ['2027-03-27', '09:30'],
      ['2027-03-28', '16:00'],
      ['2027-10-30', '23:59'],
      ['2027-10-31', '10:00'],
      ['2028-02-29', '00:00'],
    ] as const) {
      const instant = berlinInstant(date, time);
      if (!instant.ok) throw new Error(`${date} ${time}: ${instant.reason}`);
      expect(berlinWallTimeOf(instant.value)).toEqual({ date, time });
    }
    const sunday = berlinInstant('2027-03-28', '16:00');
    expect(sunday.ok && formatDateTime(sunday.value)).toBe('Sonntag, 28. März 2027, 16:00 Uhr');
  });

  it('says what is missing or impossible', () => {
    expect(berlinInstant('', '10:00')).toEqual({ ok: false, reason: 'missing' });
    expect(berlinInstant('2027-05-12', '')).toEqual({ ok: false, reason: 'missing' });
    expect(berlinInstant('2027-02-30', '10:00')).toEqual({ ok: false, reason: 'invalid' });
    expect(berlinInstant('12.05.2027', '10:00')).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('berlinWallTimeOf', () => {
  it('reads an instant of the API in Berlin time, whatever offset it travels with', () => {
    expect(berlinWallTimeOf('2027-03-28T16:00:00+02:00')).toEqual({ date: '2027-03-28', time: '16:00' });
    expect(berlinWallTimeOf('2027-03-27T08:30:00Z')).toEqual({ date: '2027-03-27', time: '09:30' });
    expect(berlinWallTimeOf('2027-12-31T23:30:00Z')).toEqual({ date: '2028-01-01', time: '00:30' });
  });
});

describe('addDays and isBefore', () => {
  it('count calendar days across month, year and daylight-saving changes', () => {
    expect(addDays('2027-04-01', -3)).toBe('2027-03-29');
    expect(addDays('2027-03-27', 1)).toBe('2027-03-28');
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(isBefore('2027-03-28T01:59:00+01:00', '2027-03-28T03:00:00+02:00')).toBe(true);
  });
});
