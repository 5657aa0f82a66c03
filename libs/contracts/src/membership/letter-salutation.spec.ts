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
      'an ordinal before the office is not part of the form of address (Erste Bürgermeisterin)',
      { officeTitle: 'Erste Bürgermeisterin', lastName: 'Brenner' },
      'Sehr geehrte Frau Bürgermeisterin Brenner,',
    ],
    [
      'free-text office title with stray spaces and an ordinal',
      { salutation: 'Herr', officeTitle: '  Erster   Beigeordneter ', lastName: 'Klein' },
      'Sehr geehrter Herr Beigeordneter Klein,',
    ],
    [
      'Zweiter Bürgermeister (a deputy in Bavaria) is addressed as Bürgermeister',
      { salutation: 'Herr', officeTitle: 'Zweiter Bürgermeister', lastName: 'Huber' },
      'Sehr geehrter Herr Bürgermeister Huber,',
    ],
    [
      'the office without what follows it (der Stadt …, a. D.)',
      { officeTitle: 'Oberbürgermeisterin der Landeshauptstadt Kiel', lastName: 'Brenner' },
      'Sehr geehrte Frau Oberbürgermeisterin Brenner,',
    ],
    [
      'a compound mayor’s office (Ortsbürgermeister, Samtgemeindebürgermeisterin)',
      { officeTitle: 'Samtgemeindebürgermeisterin', lastName: 'Brenner' },
      'Sehr geehrte Frau Samtgemeindebürgermeisterin Brenner,',
    ],
    [
      'the office in the form of the salutation, however it was entered (Frau, Bürgermeister)',
      { officeTitle: 'Bürgermeister', lastName: 'Brenner' },
      'Sehr geehrte Frau Bürgermeisterin Brenner,',
    ],
    [
      'Landrätin for a woman entered as Landrat',
      { officeTitle: 'Landrat', lastName: 'Schmidt' },
      'Sehr geehrte Frau Landrätin Schmidt,',
    ],
    [
      'Regierender Bürgermeister keeps its adjective (the official title)',
      { salutation: 'Herr', officeTitle: 'Regierender Bürgermeister', lastName: 'Wegner' },
      'Sehr geehrter Herr Regierender Bürgermeister Wegner,',
    ],
    [
      'a minister (Staatsministerin)',
      { officeTitle: 'Staatsministerin', lastName: 'Brenner' },
      'Sehr geehrte Frau Staatsministerin Brenner,',
    ],
    [
      'a function, not an office of address, is left out (Geschäftsführerin)',
      { officeTitle: 'Geschäftsführerin', academicTitle: 'Dr.', lastName: 'Brenner' },
      'Sehr geehrte Frau Dr. Brenner,',
    ],
    [
      'a deputy is addressed by name (Stellvertretender Landrat)',
      { salutation: 'Herr', officeTitle: 'Stellvertretender Landrat', lastName: 'Klein' },
      'Sehr geehrter Herr Klein,',
    ],
    [
      'the line the office set, as it is',
      {
        officeTitle: 'Erste Bürgermeisterin',
        lastName: 'Brenner',
        salutationLine: 'Sehr geehrte Frau Bürgermeisterin, liebe Frau Brenner,',
      },
      'Sehr geehrte Frau Bürgermeisterin, liebe Frau Brenner,',
    ],
    [
      'the line the office set, with the comma a letter needs',
      { salutation: 'keine', salutationLine: '  Liebe Kim ' },
      'Liebe Kim,',
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
