import { berlinOffsetMinutes, formatBerlinTime, parseBerlinTime } from './berlin-time';

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
});
