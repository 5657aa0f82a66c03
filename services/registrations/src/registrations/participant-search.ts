/**
 * Searching the participant list as the office types: "Müßig" is found by "müßig", "muessig" and
 * "mussig" (the member directory's rule: ä = ae, and without umlauts ä = a).
 */
const GERMAN_LETTERS: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function stripMarks(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

/** Lower case, ä→ae, ö→oe, ü→ue, ß→ss, other accents removed (é→e). */
function foldGerman(text: string): string {
  return collapse(
    stripMarks(
      text
        .normalize('NFC')
        .toLowerCase()
        .replace(/[äöüß]/g, (letter) => GERMAN_LETTERS[letter] ?? letter),
    ),
  );
}

/** Lower case with every accent removed (ä→a), the way people type without umlauts. */
function foldPlain(text: string): string {
  return collapse(stripMarks(text.normalize('NFC').toLowerCase()).replace(/ß/g, 'ss'));
}

/** The text a term is looked for in: every part in both spellings, one per line. */
export function searchTextOf(parts: readonly (string | undefined)[]): string {
  const text = parts.filter((part): part is string => Boolean(part)).join(' ');
  return `${foldGerman(text)}\n${foldPlain(text)}`;
}

/** What the office typed, folded like the text it is looked for in. */
export function searchTermOf(term: string): string {
  return foldGerman(term);
}
