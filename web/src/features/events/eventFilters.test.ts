import { describe, expect, it } from 'vitest';
import { apiQueryOf, germanDay, parseDay, readFilters, readWhen, searchOf } from './eventFilters';

describe('the filters in the address', () => {
  it('reads the German parameters and ignores values the portal does not know', () => {
    const params = new URLSearchParams(
      'zeit=vergangen&art=kommunalzirkel&thema=Klimaschutz&land=BY&von=2031-06-01&bis=2031-02-30',
    );

    expect(readWhen(params)).toBe('past');
    expect(readFilters(params)).toEqual({
      kind: 'kommunalzirkel',
      theme: 'Klimaschutz',
      federalState: 'BY',
      from: '2031-06-01',
    });
    expect(readFilters(new URLSearchParams('art=konferenz&land=XX&thema=toString'))).toEqual({});
    expect(readWhen(new URLSearchParams('zeit=irgendwann'))).toBe('upcoming');
  });

  it('writes an address in a fixed order, the upcoming list without „zeit“', () => {
    expect(searchOf('upcoming', {})).toBe('');
    expect(searchOf('past', { to: '2031-12-31', kind: 'deutschlandforum' })).toBe(
      '?zeit=vergangen&art=deutschlandforum&bis=2031-12-31',
    );
  });

  it('asks the gateway with its own parameter names', () => {
    expect(apiQueryOf('past', { federalState: 'BW' }, 'seite-2', 12)).toEqual({
      when: 'past',
      federalState: 'BW',
      limit: 12,
      cursor: 'seite-2',
    });
  });
});

describe(parseDay.name, () => {
  it('takes a day as a person types it, and refuses one that does not exist', () => {
    expect(parseDay('1.6.2031')).toBe('2031-06-01');
    expect(parseDay(' 01.06.2031 ')).toBe('2031-06-01');
    expect(parseDay('2031-06-01')).toBe('2031-06-01');
    expect(parseDay('29.02.2032')).toBe('2032-02-29');
    expect(parseDay('29.02.2031')).toBeUndefined();
    expect(parseDay('Juni 2031')).toBeUndefined();
    expect(germanDay('2031-06-01')).toBe('01.06.2031');
  });
});
