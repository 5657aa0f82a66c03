import { csvFile, csvPercent, csvTime } from './csv';

describe(csvFile.name, () => {
  it('writes the byte order mark, quoted cells separated by semicolons and CRLF line ends', () => {
    expect(
      csvFile(
        ['Land', 'Anmeldungen'],
        [
          ['Thüringen', 12],
          ['Baden-Württemberg', undefined],
        ],
      ),
    ).toBe('\uFEFF"Land";"Anmeldungen"\r\n"Thüringen";"12"\r\n"Baden-Württemberg";""\r\n');
  });

  it('defuses text Excel would take for a formula, but not negative numbers', () => {
    expect(csvFile(['A', 'B'], [['=SUMME(A1)', -3]])).toBe('\uFEFF"A";"B"\r\n"\'=SUMME(A1)";"-3"\r\n');
  });
});

describe(csvPercent.name, () => {
  it('writes a share as a percentage with a German decimal comma, or nothing', () => {
    expect(csvPercent(6 / 7)).toBe('85,7');
    expect(csvPercent(1)).toBe('100,0');
    expect(csvPercent(null)).toBeUndefined();
  });
});

describe(csvTime.name, () => {
  it('writes Berlin time as a German Excel reads it, on both sides of a clock change', () => {
    expect(csvTime('2027-03-27T23:30:00.000Z')).toBe('28.03.2027 00:30');
    expect(csvTime('2027-03-28T23:30:00.000Z')).toBe('29.03.2027 01:30');
  });
});
