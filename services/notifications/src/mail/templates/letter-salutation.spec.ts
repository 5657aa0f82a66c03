import { Addressee, displayName, letterSalutation } from './letter-salutation';

const person = (overrides: Partial<Addressee> = {}): Addressee => ({
  salutation: 'Frau',
  firstName: 'Anna',
  lastName: 'Müller',
  ...overrides,
});

describe(letterSalutation.name, () => {
  it.each<[string, Partial<Addressee>, string]>([
    [
      'office and academic title (Frau)',
      { officeTitle: 'Oberbürgermeisterin', academicTitle: 'Dr.' },
      'Sehr geehrte Frau Oberbürgermeisterin Dr. Müller,',
    ],
    [
      'office title (Herr)',
      { salutation: 'Herr', officeTitle: 'Landrat', lastName: 'Meier' },
      'Sehr geehrter Herr Landrat Meier,',
    ],
    [
      'academic title (Herr)',
      { salutation: 'Herr', academicTitle: 'Dr.', lastName: 'Schulz' },
      'Sehr geehrter Herr Dr. Schulz,',
    ],
    ['no title (Frau)', { lastName: 'Weber' }, 'Sehr geehrte Frau Weber,'],
    [
      'office title and Prof. Dr. (Herr)',
      { salutation: 'Herr', officeTitle: 'Bürgermeister', academicTitle: 'Prof. Dr.', lastName: 'Beispiel' },
      'Sehr geehrter Herr Bürgermeister Prof. Dr. Beispiel,',
    ],
    [
      'office title without academic title (Frau)',
      { officeTitle: 'Landrätin', lastName: 'Schmidt' },
      'Sehr geehrte Frau Landrätin Schmidt,',
    ],
    [
      'academic title (Frau)',
      { academicTitle: 'Prof.', lastName: 'Yılmaz' },
      'Sehr geehrte Frau Prof. Yılmaz,',
    ],
    [
      'no gendered salutation',
      { salutation: 'keine', firstName: 'Kim', lastName: 'Berger' },
      'Guten Tag Kim Berger,',
    ],
    [
      'no gendered salutation, with academic title',
      { salutation: 'keine', academicTitle: 'Dr.', firstName: 'Kim', lastName: 'Berger' },
      'Guten Tag Dr. Kim Berger,',
    ],
    [
      'no gendered salutation: the gendered office title is left out',
      { salutation: 'keine', officeTitle: 'Bürgermeister', firstName: 'Kim', lastName: 'Berger' },
      'Guten Tag Kim Berger,',
    ],
    [
      'free-text office title with stray spaces',
      { salutation: 'Herr', officeTitle: '  Erster   Beigeordneter ', lastName: 'Klein' },
      'Sehr geehrter Herr Erster Beigeordneter Klein,',
    ],
  ])('%s', (_case, overrides, expected) => {
    expect(letterSalutation(person(overrides))).toBe(expected);
  });
});

describe(displayName.name, () => {
  it('puts the academic title before the full name and leaves the office title out', () => {
    expect(displayName(person({ academicTitle: 'Dr.', officeTitle: 'Oberbürgermeisterin' }))).toBe(
      'Dr. Anna Müller',
    );
  });
});
