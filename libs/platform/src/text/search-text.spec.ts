import {
  directoryKeyOf,
  escapeRegex,
  foldGerman,
  foldPlain,
  searchPatternFor,
  searchTextOf,
} from './search-text';

describe('search text', () => {
  describe(foldGerman.name, () => {
    it('lowers case and writes umlauts and ß out, removing other accents', () => {
      expect(foldGerman('Müller-Lüdenscheidt GROẞ  Çelik')).toBe('mueller-luedenscheidt gross celik');
    });
  });

  describe(foldPlain.name, () => {
    it('drops the umlaut dots, as people type without them', () => {
      expect(foldPlain('Müller Straße')).toBe('muller strasse');
    });
  });

  describe(searchTextOf.name, () => {
    const stored = searchTextOf(['Jonas', 'Müller', 'Kalletal']);
    const finds = (term: string) => new RegExp(searchPatternFor(term)).test(stored);

    it('finds a name by its umlaut, its written-out and its plain spelling, in any case', () => {
      const terms = ['Müller', 'MUELLER', 'muller', 'jonas mü', 'kalle', 'Meyer', 'lemgo'];
      expect(terms.filter(finds)).toEqual(['Müller', 'MUELLER', 'muller', 'jonas mü', 'kalle']);
    });

    it('leaves out missing parts and keeps one line when both spellings agree', () => {
      expect(searchTextOf(['Anna', 'Abel', undefined])).toBe('anna abel');
    });
  });

  describe(escapeRegex.name, () => {
    it('makes every special character match only itself', () => {
      const special = '.*+?^${}()|[]\\/-';
      const pattern = new RegExp(`^${escapeRegex(special)}$`);
      expect(pattern.test(special)).toBe(true);
      expect(new RegExp(escapeRegex('.*')).test('anything')).toBe(false);
      expect(new RegExp(escapeRegex('a|b')).test('a')).toBe(false);
    });
  });

  describe(directoryKeyOf.name, () => {
    it('orders by last name, then first name, then id, the way of a German phone book', () => {
      const keys = [
        directoryKeyOf('Zander', 'Anna', '3'),
        directoryKeyOf('Özdemir', 'Ali', '2'),
        directoryKeyOf('Müller', 'Jonas', '5'),
        directoryKeyOf('Müller', 'Anna', '9'),
        directoryKeyOf('Mueller', 'Anna', '1'),
        directoryKeyOf('Ähnlich', 'Eva', '4'),
        directoryKeyOf('Abel', 'Max', '8'),
      ];
      expect([...keys].sort().map((key) => key.split('\u0001').slice(0, 2).join(' '))).toEqual([
        'abel max',
        'aehnlich eva',
        'mueller anna',
        'mueller anna',
        'mueller jonas',
        'oezdemir ali',
        'zander anna',
      ]);
      expect(new Set(keys).size).toBe(keys.length);
    });

    it('keeps the first 30 characters of each name', () => {
      expect(directoryKeyOf('x'.repeat(80), 'y'.repeat(80), 'id')).toBe(
        `${'x'.repeat(30)}\u0001${'y'.repeat(30)}\u0001id`,
      );
    });
  });
});
