import { safeFileName } from './document-transfer';

describe(safeFileName.name, () => {
  it.each([
    ['Programm.pdf', 'Programm.pdf'],
    ['C:\\Users\\amt\\Programm Übersicht.pdf', 'Programm Übersicht.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['pro"gr\u0000am\u001fm.pdf', 'programm.pdf'],
    ['  ..  ', 'dokument'],
    ['', 'dokument'],
  ])('%j → %j', (name, expected) => {
    expect(safeFileName(name)).toBe(expected);
  });

  it('shortens a long name to 200 characters and keeps the extension', () => {
    const sut = safeFileName(`${'ä'.repeat(300)}.docx`);

    expect([...sut]).toHaveLength(200);
    expect(sut.endsWith('ää.docx')).toBe(true);
  });
});
