import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, IsString, Length, MaxLength, validateSync } from 'class-validator';
import * as contracts from '../index';
import { MultiLineText, SingleLineText, textPattern } from './text-input';

type Body = Record<string, unknown>;

function check<T extends object>(
  type: new () => T,
  body: Body,
): { value: T; errors: Record<string, string[]> } {
  const value = plainToInstance(type, body);
  const errors = Object.fromEntries(
    validateSync(value, { skipMissingProperties: true }).map((error) => [
      error.property,
      Object.values(error.constraints ?? {}),
    ]),
  );
  return { value, errors };
}

/** A person's fields as a class-validator request class writes them. */
class PersonFields {
  @IsString() @Length(1, 80) @SingleLineText() firstName!: string;
  @IsString() @Length(1, 80) @SingleLineText() lastName!: string;
  @IsString() @Length(1, 160) @SingleLineText() organisation!: string;
  @IsString() @Length(1, 80) @SingleLineText() officeTitle!: string;
  @IsString() @Length(1, 120) @SingleLineText() position!: string;
  @IsString() @MaxLength(2000) @MultiLineText() biography!: string;
}

const memberErrors = (body: Body) => check(PersonFields, body).errors;

describe('text fields', () => {
  it('refuses invisible and direction-changing characters in names, naming the field and the character', () => {
    const cases: Body = {
      firstName: 'An\u200Bna',
      lastName: 'Brenner\u202E',
      organisation: 'Gemeinde \u3164Kalletal',
      officeTitle: 'Bürger\uFEFFmeisterin',
      position: 'Leitung\u2066 Digitales',
    };
    const errors = memberErrors(cases);
    expect(Object.keys(errors).sort()).toEqual(Object.keys(cases).sort());
    expect(errors.firstName).toEqual([
      expect.stringMatching(/^firstName enthält ein unsichtbares .*\(U\+200B\)\. Bitte /),
    ]);
    expect(errors.organisation).toEqual([expect.stringContaining('U+3164')]);
  });

  it('refuses line breaks, tabs and other control characters in a single-line field', () => {
    for (const firstName of [
      'Anna\tMaria',
      'Anna\nMaria',
      'Anna\u0000',
      'Anna\u0085Maria',
      'Anna\u2028Maria',
    ]) {
      expect({ firstName, errors: memberErrors({ firstName }) }).toEqual({
        firstName,
        errors: { firstName: [expect.stringMatching(/^firstName darf keine Zeilenumbrüche.*Bitte /)] },
      });
    }
  });

  it('allows line breaks and tabs in a multi-line field, but no other control or direction-changing character', () => {
    expect(check(PersonFields, { biography: 'Erste Zeile\r\n\tZweite Zeile ❤️' })).toEqual({
      value: expect.objectContaining({ biography: 'Erste Zeile\n\tZweite Zeile ❤️' }),
      errors: {},
    });
    for (const biography of ['Null\u0000Byte', 'Glocke\u0007', 'Escape\u001b[31m', 'umgekehrt \u202Etxet']) {
      expect({ biography, errors: memberErrors({ biography }) }).toEqual({
        biography,
        errors: { biography: [expect.stringMatching(/^biography .*Bitte /)] },
      });
    }
  });

  it('refuses a lone surrogate (half of a character) in any text field', () => {
    expect(memberErrors({ firstName: 'Anna\uD800', biography: '\uDC00Text' })).toEqual({
      firstName: [expect.stringMatching(/^firstName enthält ein ungültiges Zeichen/)],
      biography: [expect.stringMatching(/^biography enthält ein ungültiges Zeichen/)],
    });
  });

  it('stores text in its composed form (NFC), so that the same name is the same text', () => {
    const { value, errors } = check(PersonFields, {
      lastName: 'Mu\u0308ller',
      biography: 'Bu\u0308rgermeisterin',
    });
    expect(errors).toEqual({});
    expect(value.lastName).toBe('Müller');
    expect(value.biography).toBe('Bürgermeisterin');
  });

  it('checks each entry of a list of texts', () => {
    class CircleQuestions {
      @IsString({ each: true })
      @Length(1, 500, { each: true })
      @SingleLineText({ each: true })
      guidingQuestions!: string[];
    }
    const { value, errors } = check(CircleQuestions, {
      guidingQuestions: ['Wie gelingt  Beteiligung?', 'Wer macht mit\u200B?'],
    });
    expect(errors).toEqual({ guidingQuestions: [expect.stringContaining('U+200B')] });
    expect(value.guidingQuestions[0]).toBe('Wie gelingt  Beteiligung?');
  });

  it('is applied to every free text field of every request (found by their IsString)', () => {
    const storage = getMetadataStorage();
    const unchecked: string[] = [];
    for (const [name, type] of Object.entries(contracts)) {
      if (typeof type !== 'function') continue;
      const metadata = storage.getTargetValidationMetadatas(type, '', true, false);
      const byProperty = storage.groupByPropertyName(metadata);
      for (const [property, rules] of Object.entries(byProperty)) {
        const names = new Set(rules.map((rule) => rule.name));
        if (!names.has('isString')) continue;
        // A pattern or the e-mail rule allows only its own characters.
        if (names.has('matches') || names.has('isEmailAddress')) continue;
        if (names.has('singleLineText') || names.has('multiLineText')) continue;
        unchecked.push(`${name}.${property}`);
      }
    }
    expect(unchecked).toEqual([]);
  });

  describe('as the pattern of the API document', () => {
    class Title {
      @SingleLineText()
      @Length(3, 5)
      title!: string;
    }
    class Note {
      @MultiLineText()
      note!: string;
    }
    // Letters, spaces that are trimmed, the characters each kind refuses, and a tag character beyond
    // U+FFFF, which the rule removes.
    const alphabet = [
      'a',
      'ö',
      ' ',
      '\u00A0',
      '\t',
      '\n',
      '\r',
      '\u0007',
      '\u200B',
      '\u202E',
      '\u3164',
      '\u{E0041}',
    ];
    let seed = 7;
    const nextIndex = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) % alphabet.length;
    const texts = Array.from({ length: 5000 }, (_, index) =>
      Array.from({ length: index % 8 }, () => alphabet[nextIndex()]).join(''),
    );
    const accepted = <T extends object>(type: new () => T, body: object) =>
      validateSync(plainToInstance(type, body)).length === 0;

    it('takes exactly the single-line texts the rules take: the least length once trimmed, the most as sent', () => {
      const pattern = new RegExp(textPattern('single-line', 3), 'u');
      // maxLength counts the text as sent, spaces around it too.
      const documented = (title: string) => pattern.test(title) && [...title].length <= 5;
      const disagreements = texts.filter((title) => documented(title) !== accepted(Title, { title }));
      expect(disagreements.map((title) => JSON.stringify(title))).toEqual([]);
    });

    it('takes exactly the multi-line texts the rule takes', () => {
      const pattern = new RegExp(textPattern('multi-line'), 'u');
      const disagreements = texts.filter((note) => pattern.test(note) !== accepted(Note, { note }));
      expect(disagreements.map((note) => JSON.stringify(note))).toEqual([]);
    });
  });
});
