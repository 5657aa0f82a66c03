/**
 * The one rule for free text in requests: names, titles, notes, search words. Text is trimmed and
 * stored composed (NFC), so that "Müller" typed on a Mac and on Windows is the same text. Refused,
 * naming the field and the character: half a UTF-16 pair (a lone surrogate: the database would
 * store U+FFFD), control characters (line breaks and tabs only where the field has several lines),
 * in single-line fields every invisible character (zero-width spaces, joiners, the Hangul filler
 * U+3164 that looks like a blank name, the byte order mark …), and anywhere the characters that
 * change the writing direction of what follows (they can make a mail or list show other text than
 * was sent: "Trojan Source"). The invisible format characters beyond U+FFFF (tag characters, which
 * can hide text, and hieroglyph and musical format controls) are removed rather than refused: the
 * API document's pattern, which cannot name them (see textPattern), then still says what is taken.
 * A request schema applies it with SingleLineTextField and MultiLineTextField (schema/request-fields.ts).
 */
export type TextKind = 'single-line' | 'multi-line';

/** Half of a UTF-16 pair (String.isWellFormed, which the ES2023 library does not declare yet). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** C0 and C1 controls, DEL, and the Unicode line and paragraph separators. */
const CONTROL = /[\p{Cc}\u2028\u2029]/u;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_BUT_LINE_BREAK_OR_TAB = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/;
/** Embeddings, overrides and isolates: they reorder the text after them. */
const DIRECTION_CHANGING = /[\u202a-\u202e\u2066-\u2069]/;
/**
 * Format characters (Cf: zero-width space and joiners, direction marks, soft hyphen, BOM, …), the
 * Hangul fillers and the combining grapheme joiner: all invisible.
 */
const INVISIBLE = /[\p{Cf}\u115f\u1160\u3164\uffa0]|\u034f/u;

/** Format characters (Cf) beyond U+FFFF. */
const FORMAT_BEYOND_FFFF = /(?=[\u{10000}-\u{10ffff}])\p{Cf}/gu;
const EACH_LINE_BREAK = /\r\n?/g;

/** The text composed, without format characters beyond U+FFFF, in a multi-line text with `\n` breaks. */
function normaliseCharacters(text: string, kind: TextKind): string {
  const composed = text.normalize('NFC').replace(FORMAT_BEYOND_FFFF, '');
  return kind === 'multi-line' ? composed.replace(EACH_LINE_BREAK, '\n') : composed;
}

/** The text as it is stored: composed (NFC), trimmed, line breaks as `\n`. */
export function normaliseText(text: string, kind: TextKind): string {
  return normaliseCharacters(text, kind).trim();
}

const codePoint = (character: string) =>
  `U+${character.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`;

const RETYPE = 'Bitte entfernen Sie es; am sichersten tippen Sie den Text neu, statt ihn einzufügen.';

/** What is wrong with the text (German, to follow the field's name), or undefined. */
export function textProblem(text: string, kind: TextKind): string | undefined {
  if (LONE_SURROGATE.test(text)) {
    return 'enthält ein ungültiges Zeichen (die Hälfte eines UTF-16-Zeichenpaars). Bitte geben Sie den Text neu ein.';
  }
  if (kind === 'single-line') {
    if (CONTROL.test(text)) {
      return 'darf keine Zeilenumbrüche, Tabulatoren oder anderen Steuerzeichen enthalten. Bitte schreiben Sie alles in eine Zeile.';
    }
    const invisible = INVISIBLE.exec(text)?.[0];
    if (invisible) {
      return `enthält ein unsichtbares oder die Schreibrichtung änderndes Zeichen (${codePoint(invisible)}). ${RETYPE}`;
    }
    return undefined;
  }
  const control = CONTROL_BUT_LINE_BREAK_OR_TAB.exec(text)?.[0];
  if (control) {
    return `darf außer Zeilenumbrüchen und Tabulatoren keine Steuerzeichen enthalten (${codePoint(control)}). ${RETYPE}`;
  }
  const direction = DIRECTION_CHANGING.exec(text)?.[0];
  if (direction) {
    return `enthält ein Zeichen, das die Schreibrichtung ändert (${codePoint(direction)}). ${RETYPE}`;
  }
  return undefined;
}

/** Half of a UTF-16 pair, as a code point. */
const isHalfAPair = (codePoint: number) => codePoint >= 0xd800 && codePoint <= 0xdfff;

/**
 * The code points up to U+FFFF `matches` holds, as the ranges of a regular expression's character
 * class (beyond it, the rule refuses nothing: see normaliseCharacters). Without the surrogates: half a
 * pair is no character of a Unicode text, and engines that work on such texts (Rust's, which
 * schemathesis validates with) refuse them in a class.
 */
function characterClassOf(matches: (character: string) => boolean): string {
  const escape = (codePoint: number) => `\\u${codePoint.toString(16).padStart(4, '0')}`;
  const ranges: string[] = [];
  let start: number | undefined;
  for (let codePoint = 0; codePoint <= 0x10000; codePoint += 1) {
    const inside = codePoint <= 0xffff && !isHalfAPair(codePoint) && matches(String.fromCharCode(codePoint));
    if (inside && start === undefined) start = codePoint;
    if (!inside && start !== undefined) {
      const end = codePoint - 1;
      ranges.push(start === end ? escape(start) : `${escape(start)}-${escape(end)}`);
      start = undefined;
    }
  }
  return ranges.join('');
}

/** The characters a text field refuses inside the text, and those trim() removes from its ends. */
function characterClasses(kind: TextKind): { refused: string; trimmed: string } {
  // Checked as it comes to the check: in a multi-line text a carriage return becomes a line break.
  const refused = (character: string) =>
    textProblem(normaliseCharacters(character, kind), kind) !== undefined;
  return {
    refused: characterClassOf(refused),
    trimmed: characterClassOf((character) => /^\s$/.test(character)),
  };
}

const classesByKind = new Map<TextKind, { refused: string; trimmed: string }>();

/**
 * The JSON Schema `pattern` of a text field (ECMA-262 and Python's `re` read it alike): the texts
 * this rule takes that keep at least `minLength` characters once trimmed. Built from the same
 * expressions `textProblem` uses, so the API document says what the check refuses. (The length after
 * trimming beyond that, and NFC, no pattern can say: `maxLength` counts the text as sent.)
 */
export function textPattern(kind: TextKind, minLength = 0): string {
  let classes = classesByKind.get(kind);
  if (!classes) {
    classes = characterClasses(kind);
    classesByKind.set(kind, classes);
  }
  // Space at either end (trimmed, even a tab in a single line); inside, what the rule takes.
  const space = `[${classes.trimmed}]`;
  const inside = `[^${classes.refused}]`;
  const solid = `[^${classes.refused}${classes.trimmed}]`;
  const text =
    minLength <= 1 ? `${solid}(?:${inside}*${solid})?` : `${solid}${inside}{${minLength - 2},}${solid}`;
  return minLength <= 0 ? `^${space}*(?:${text})?${space}*$` : `^${space}*${text}${space}*$`;
}

/** Characters as the length rules and JSON Schema count them: a pair of UTF-16 halves is one. */
export const lengthOf = (text: string) => [...text].length;
