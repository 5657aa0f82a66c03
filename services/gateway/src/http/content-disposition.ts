/**
 * `Content-Disposition` with a file name (RFC 6266): an ASCII `filename` for old clients and the
 * exact name as `filename*=UTF-8''…` (RFC 8187, formerly 5987), which every current browser prefers.
 */
export function contentDisposition(disposition: 'attachment' | 'inline', fileName: string): string {
  return `${disposition}; filename="${asciiFileName(fileName)}"; filename*=UTF-8''${encodeExtValue(fileName)}`;
}

const GERMAN_LETTERS: Readonly<Record<string, string>> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  Ä: 'Ae',
  Ö: 'Oe',
  Ü: 'Ue',
  ß: 'ss',
};

/** A stand-in of printable ASCII without quotes or backslashes: umlauts spelt out, accents dropped. */
export function asciiFileName(fileName: string): string {
  return (
    fileName
      .replace(/[äöüÄÖÜß]/g, (letter) => GERMAN_LETTERS[letter] ?? '_')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\x20-\x7e]|["\\]/gu, '_') || 'download'
  );
}

/** A title as part of a file name: lower-case ASCII words joined by hyphens, 80 characters at most. */
export function fileNameSlug(title: string): string {
  return asciiFileName(title)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/** Percent-encodes all but RFC 8187's attr-chars. */
function encodeExtValue(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
