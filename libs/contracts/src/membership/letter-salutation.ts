import { AcademicTitle, Salutation } from './vocabulary';

/** What a letter (a mail, or the invitation's page) needs to know to address a person. */
export interface Addressee {
  readonly salutation: Salutation;
  readonly academicTitle?: AcademicTitle;
  /** As the office entered it, e.g. Oberbürgermeisterin, Erster Bürgermeister or Geschäftsführerin. */
  readonly officeTitle?: string;
  readonly firstName: string;
  readonly lastName: string;
  /** The line the office set for this member ("Sehr geehrte Frau Bürgermeisterin, liebe Frau Brenner"). */
  readonly salutationLine?: string;
}

function words(...parts: (string | undefined)[]): string {
  return parts
    .map((part) => part?.replace(/\s+/g, ' ').trim())
    .filter((part): part is string => Boolean(part))
    .join(' ');
}

type Gendered = Record<'Frau' | 'Herr', string>;

/**
 * Offices that are a form of address in German correspondence (Amtsbezeichnungen of elected and
 * public office: "Sehr geehrte Frau Bürgermeisterin", "Sehr geehrter Herr Landrat"), by the stem the
 * office title begins with, in the form of either salutation. Functions such as Geschäftsführerin or
 * Leitung Digitalisierung are no form of address and stay out of the salutation.
 */
const OFFICES_OF_ADDRESS: readonly [RegExp, (stem: string) => Gendered][] = [
  [
    /^(\p{L}*(?:bürgermeister|minister|präsident|staatssekretär|senator|direktor))(?:in)?$/iu,
    (stem) => ({ Frau: `${stem}in`, Herr: stem }),
  ],
  [/^(\p{L}*(?:beigeordnete|abgeordnete))r?$/iu, (stem) => ({ Frau: stem, Herr: `${stem}r` })],
  [/^landr(?:at|ätin)$/iu, () => ({ Frau: 'Landrätin', Herr: 'Landrat' })],
];

/** Ordinals name which of several office holders a person is; the form of address leaves them out. */
const ORDINAL = /^(?:erste|zweite|dritte)r?$/i;
/** A deputy is addressed by name, not by the office they stand in for. */
const DEPUTY = /^stellvertretende[rn]?$/i;
/** Part of the official title: der Regierende Bürgermeister (Berlin). */
const GOVERNING = /^regierende[rn]?$/i;

/**
 * The office as the salutation names it, in the salutation's form: "Erste Bürgermeisterin" →
 * "Bürgermeisterin", "Oberbürgermeister der Stadt Kiel" for a woman → "Oberbürgermeisterin";
 * undefined for a function or a deputy.
 */
function officeOfAddress(officeTitle: string | undefined, salutation: 'Frau' | 'Herr'): string | undefined {
  const parts = officeTitle?.trim().split(/\s+/) ?? [];
  if (parts[0] !== undefined && ORDINAL.test(parts[0])) parts.shift();
  if (parts[0] === undefined || DEPUTY.test(parts[0])) return undefined;
  const governing = GOVERNING.test(parts[0]);
  if (governing) parts.shift();
  const office = parts[0];
  if (office === undefined) return undefined;
  for (const [pattern, forms] of OFFICES_OF_ADDRESS) {
    const match = pattern.exec(office);
    if (!match) continue;
    const stem = match[1] ?? '';
    const form = forms(stem.charAt(0).toUpperCase() + stem.slice(1))[salutation];
    return governing ? `${salutation === 'Frau' ? 'Regierende' : 'Regierender'} ${form}` : form;
  }
  return undefined;
}

/**
 * The letter salutation in German business style: salutation, office (when it is a form of
 * address, without ordinals, in the form of the salutation), academic title, surname. Without a
 * gendered salutation ("keine") the office is left out, since its German form is gendered, and the
 * full name is used. A line the office set for the member is used as it is:
 *
 * - Sehr geehrte Frau Oberbürgermeisterin Dr. Müller,
 * - Sehr geehrte Frau Bürgermeisterin Brenner, (entered as Erste Bürgermeisterin)
 * - Sehr geehrter Herr Landrat Meier,
 * - Sehr geehrter Herr Dr. Schulz,
 * - Sehr geehrte Frau Weber, (Geschäftsführerin)
 * - Guten Tag Kim Berger,
 */
export function letterSalutation(person: Addressee): string {
  const line = person.salutationLine && words(person.salutationLine);
  if (line) return /[,!]$/.test(line) ? line : `${line},`;
  switch (person.salutation) {
    case 'Frau':
    case 'Herr': {
      const greeting = person.salutation === 'Frau' ? 'Sehr geehrte' : 'Sehr geehrter';
      const office = officeOfAddress(person.officeTitle, person.salutation);
      return `${greeting} ${words(person.salutation, office, person.academicTitle, person.lastName)},`;
    }
    case 'keine':
      return `Guten Tag ${words(person.academicTitle, person.firstName, person.lastName)},`;
  }
}

/** The name for the To header, e.g. "Dr. Anna Müller". */
export function displayName(person: Addressee): string {
  return words(person.academicTitle, person.firstName, person.lastName);
}
