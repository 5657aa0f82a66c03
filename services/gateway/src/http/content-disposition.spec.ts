import { asciiFileName, contentDisposition, fileNameSlug } from './content-disposition';

describe(contentDisposition.name, () => {
  it('gives an ASCII name and the exact UTF-8 name', () => {
    expect(contentDisposition('attachment', 'Programm Übersicht (Entwurf) 2027.pdf')).toBe(
      `attachment; filename="Programm Uebersicht (Entwurf) 2027.pdf"; ` +
        `filename*=UTF-8''Programm%20%C3%9Cbersicht%20%28Entwurf%29%202027.pdf`,
    );
  });

  it('keeps quotes, backslashes and apostrophes from breaking the header', () => {
    const header = contentDisposition('inline', `a"b\\c'd.ics`);

    expect(header).toBe(`inline; filename="a_b_c'd.ics"; filename*=UTF-8''a%22b%5Cc%27d.ics`);
  });
});

describe(asciiFileName.name, () => {
  it.each([
    ['Straße in Görlitz.pdf', 'Strasse in Goerlitz.pdf'],
    ['Café Zürich.png', 'Cafe Zuerich.png'],
    ['Łódź 😀.pdf', '_odz _.pdf'],
    ['😀', '_'],
    ['', 'download'],
  ])('%s → %s', (name, expected) => {
    expect(asciiFileName(name)).toBe(expected);
  });
});

describe(fileNameSlug.name, () => {
  it('writes a title as lower-case ASCII words joined by hyphens', () => {
    expect(fileNameSlug('Innovators Lounge „Görlitz“: Straße & Café!')).toBe(
      'innovators-lounge-goerlitz-strasse-cafe',
    );
  });

  it('keeps 80 characters at most and ends on no hyphen', () => {
    expect(fileNameSlug(`${'a'.repeat(79)} b`)).toBe('a'.repeat(79));
  });
});
