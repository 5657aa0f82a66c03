/**
 * Text keys for the directory: a search field that finds "Müller" by "müller", "mueller" and
 * "muller", and a sort key that orders names as a German phone book does (DIN 5007-2: ä = ae).
 */
const GERMAN_LETTERS: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function stripMarks(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

/** Lower case, ä→ae, ö→oe, ü→ue, ß→ss, other accents removed (é→e). */
export function foldGerman(text: string): string {
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
export function foldPlain(text: string): string {
  return collapse(stripMarks(text.normalize('NFC').toLowerCase()).replace(/ß/g, 'ss'));
}

/** The stored search field: both spellings, one per line, so a search term matches either. */
export function searchTextOf(parts: readonly (string | undefined)[]): string {
  const text = parts.filter((part): part is string => Boolean(part)).join(' ');
  const german = foldGerman(text);
  const plain = foldPlain(text);
  return german === plain ? german : `${german}\n${plain}`;
}

/** Makes user input match literally inside a regular expression. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** The regular expression (source) that finds a search term in a field made by searchTextOf. */
export function searchPatternFor(term: string): string {
  return escapeRegex(foldGerman(term));
}

/** How many characters of each name the sort key keeps; keeps page cursors short. */
const NAME_KEY_LENGTH = 30;

/** Sorts by last name, first name, then id (unique): the directory's order and its paging key. */
export function directoryKeyOf(lastName: string, firstName: string, id: string): string {
  const part = (name: string) => foldGerman(name).slice(0, NAME_KEY_LENGTH);
  return `${part(lastName)}\u0001${part(firstName)}\u0001${id}`;
}
