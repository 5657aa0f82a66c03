import {
  BERLIN_TIME_PATTERN,
  berlinOffsetMinutes,
  CALENDAR_DATE,
  formatBerlinTime,
  parseBerlinTime,
} from './berlin-time';

describe('Berlin time', () => {
  describe(parseBerlinTime.name, () => {
    it.each([
      ['2027-03-27T10:00', '2027-03-27T09:00:00.000Z'],
      ['2027-03-29T10:00', '2027-03-29T08:00:00.000Z'],
      ['2027-10-30T10:00', '2027-10-30T08:00:00.000Z'],
      ['2027-11-01T10:00', '2027-11-01T09:00:00.000Z'],
      ['2027-05-12T09:30:15', '2027-05-12T07:30:15.000Z'],
      ['2027-05-12T09:30+01:00', '2027-05-12T08:30:00.000Z'],
      ['2027-05-12T09:30Z', '2027-05-12T09:30:00.000Z'],
    ])('reads %s as %s, with the offset of that day', (input, expected) => {
      const sut = parseBerlinTime(input);

      expect(sut).toEqual({ ok: true, instant: new Date(expected) });
    });

    it('refuses the hour skipped when summer time starts', () => {
      const sut = parseBerlinTime('2027-03-28T02:30');

      expect(sut).toEqual({ ok: false, reason: expect.stringContaining('Sommerzeit') as string });
    });

    it('refuses the hour that happens twice when summer time ends', () => {
      const sut = parseBerlinTime('2027-10-31T02:30');

      expect(sut).toEqual({ ok: false, reason: expect.stringContaining('zweimal') as string });
    });

    it('accepts the repeated hour with an explicit offset', () => {
      expect(parseBerlinTime('2027-10-31T02:30+02:00')).toEqual({
        ok: true,
        instant: new Date('2027-10-31T00:30:00.000Z'),
      });
    });

    it.each(['2027-02-30T10:00', '2027-13-01T10:00', '12.05.2027 09:30', '2027-05-12', '1999-05-12T10:00'])(
      'refuses %s',
      (input) => {
        expect(parseBerlinTime(input).ok).toBe(false);
      },
    );
  });

  describe(formatBerlinTime.name, () => {
    it('shows winter and summer instants with their own offsets', () => {
      expect(formatBerlinTime(new Date('2027-03-27T09:00:00Z'))).toBe('2027-03-27T10:00:00+01:00');
      expect(formatBerlinTime(new Date('2027-03-29T08:00:00Z'))).toBe('2027-03-29T10:00:00+02:00');
    });

    it('round-trips through parseBerlinTime', () => {
      const instant = new Date('2027-10-31T00:30:00Z');

      expect(parseBerlinTime(formatBerlinTime(instant))).toEqual({ ok: true, instant });
    });
  });

  describe(berlinOffsetMinutes.name, () => {
    it('is 60 in winter and 120 in summer', () => {
      expect(berlinOffsetMinutes(new Date('2027-01-15T12:00:00Z'))).toBe(60);
      expect(berlinOffsetMinutes(new Date('2027-07-15T12:00:00Z'))).toBe(120);
    });
  });

  describe('as the pattern of the API document', () => {
    let seed = 11;
    const next = (below: number) => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) % below;
    const two = (value: number) => String(value).padStart(2, '0');
    const times = Array.from(
      { length: 20_000 },
      () =>
        `${1998 + next(105)}-${two(next(14))}-${two(next(33))}T${two(next(25))}:${two(next(61))}` +
        ['', ':30', '+01:00', 'Z'][next(4)],
    );

    it('takes the times parseBerlinTime takes, but for the hour a change of daylight saving time skips or repeats', () => {
      const pattern = new RegExp(BERLIN_TIME_PATTERN, 'u');
      const disagreements = times.filter((time) => {
        const parsed = parseBerlinTime(time);
        const daylightSaving = !parsed.ok && /Sommerzeit|Winterzeit/.test(parsed.reason);
        return pattern.test(time) !== (parsed.ok || daylightSaving);
      });
      expect(disagreements).toEqual([]);
    });

    it('takes the days that exist from 2000 to 2100, 29 February in leap years only', () => {
      expect(
        ['2000-02-29', '2096-02-29', '2100-12-31'].filter((day) => CALENDAR_DATE.test(day)),
      ).toHaveLength(3);
      expect(
        ['2100-02-29', '2027-04-31', '1999-12-31', '2101-01-01'].filter((day) => CALENDAR_DATE.test(day)),
      ).toEqual([]);
    });
  });
});
