import { AcademicTitle, Salutation } from '@ic/contracts';

/** What a mail needs to know to address a person. */
export interface Addressee {
  readonly salutation: Salutation;
  readonly academicTitle?: AcademicTitle;
  /** As the office entered it, e.g. Oberbürgermeisterin or Landrat; used as the form of address. */
  readonly officeTitle?: string;
  readonly firstName: string;
  readonly lastName: string;
}

function words(...parts: (string | undefined)[]): string {
  return parts
    .map((part) => part?.replace(/\s+/g, ' ').trim())
    .filter((part): part is string => Boolean(part))
    .join(' ');
}

/**
 * The letter salutation in German business style: salutation, office title (the form of address
 * for mayors and district administrators), academic title, surname. Without a gendered salutation
 * ("keine") the office title is left out, since its German form is gendered, and the full name is used:
 *
 * - Sehr geehrte Frau Oberbürgermeisterin Dr. Müller,
 * - Sehr geehrter Herr Landrat Meier,
 * - Sehr geehrter Herr Dr. Schulz,
 * - Sehr geehrte Frau Weber,
 * - Guten Tag Kim Berger,
 */
export function letterSalutation(person: Addressee): string {
  switch (person.salutation) {
    case 'Frau':
      return `Sehr geehrte ${words('Frau', person.officeTitle, person.academicTitle, person.lastName)},`;
    case 'Herr':
      return `Sehr geehrter ${words('Herr', person.officeTitle, person.academicTitle, person.lastName)},`;
    case 'keine':
      return `Guten Tag ${words(person.academicTitle, person.firstName, person.lastName)},`;
  }
}

/** The name for the To header, e.g. "Dr. Anna Müller". */
export function displayName(person: Addressee): string {
  return words(person.academicTitle, person.firstName, person.lastName);
}
