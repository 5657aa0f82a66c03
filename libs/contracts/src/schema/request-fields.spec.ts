import { Kind, TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { Value } from '@sinclair/typebox/value';
import { getMetadataStorage } from 'class-validator';
import * as contracts from '../index';
import { requestSchemaOf } from './request-body';
import {
  AsTypedTextField,
  BerlinTimeField,
  BooleanQueryField,
  EmailAddressField,
  fieldProblem,
  IntegerQueryField,
  MatchingField,
  MultiLineTextField,
  SingleLineTextField,
} from './request-fields';

/** Every schema inside a schema, with its path. */
function* schemasIn(schema: TSchema, path: string): Generator<[string, TSchema]> {
  yield [path, schema];
  const properties = (schema.properties ?? {}) as Record<string, TSchema>;
  for (const [key, property] of Object.entries(properties)) yield* schemasIn(property, `${path}.${key}`);
  for (const variant of (schema.anyOf ?? []) as TSchema[]) yield* schemasIn(variant, path);
  if (schema.items) yield* schemasIn(schema.items as TSchema, `${path}[]`);
}

describe('request fields', () => {
  it('leave no string of a request schema free: each is a request field or has a pattern, format or enum', () => {
    const free = Object.entries(contracts).flatMap(([name, type]) => {
      const schema = requestSchemaOf(type);
      if (!schema) return [];
      return [...schemasIn(schema, name)]
        .filter(([, part]) => part.type === 'string' && part[Kind] !== 'RequestField')
        .filter(([, part]) => part.pattern === undefined && part.format === undefined)
        .map(([path]) => path);
    });

    expect(free).toEqual([]);
  });

  it('are the only way a request of the contracts is checked: no class of them has class-validator rules', () => {
    const storage = getMetadataStorage();
    const checkedByClassValidator = Object.entries(contracts)
      .filter(([, type]) => typeof type === 'function')
      .filter(
        ([, type]) =>
          storage.getTargetValidationMetadatas(type as new () => unknown, '', true, false).length > 0,
      )
      .map(([name]) => name);

    expect(checkedByClassValidator).toEqual([]);
  });

  describe(EmailAddressField.name, () => {
    const sut = EmailAddressField();

    it('decodes an address into the form it is stored in', () => {
      expect(Value.Decode(sut, ' Anna@Gemeinde-Lütjenburg.de ')).toBe('anna@xn--gemeinde-ltjenburg-v6b.de');
    });

    it('says what is wrong with an address', () => {
      expect(fieldProblem(sut, 'anna..b@kalletal.de')).toEqual({
        constraint: 'own',
        problem: expect.stringMatching(/^hat vor dem @ ein Zeichen, das dort nicht stehen darf/) as string,
      });
      expect(fieldProblem(sut, 5)).toEqual({
        constraint: 'own',
        problem: 'muss eine E-Mail-Adresse sein (ein Text wie name@gemeinde.de).',
      });
    });
  });

  describe(AsTypedTextField.name, () => {
    it('takes any text as typed, counting a character beyond U+FFFF as one', () => {
      const sut = AsTypedTextField(4);

      expect(Value.Decode(sut, ' 😀😀 ')).toBe(' 😀😀 ');
      expect(fieldProblem(sut, '')).toEqual({ constraint: 'minLength', limit: 1 });
      expect(fieldProblem(sut, '12345')).toEqual({ constraint: 'maxLength', limit: 4 });
    });
  });

  describe(MatchingField.name, () => {
    it('checks the length as JSON Schema counts it, then the pattern', () => {
      const sut = MatchingField(/^\/\S*$/, { maxLength: 3 });

      expect(Value.Check(sut, '/😀😀')).toBe(true);
      expect(fieldProblem(sut, '/abc')).toEqual({ constraint: 'maxLength', limit: 3 });
      expect(fieldProblem(sut, 'ab')).toEqual({ constraint: 'matches' });
    });
  });

  describe(IntegerQueryField.name, () => {
    const sut = IntegerQueryField({ minimum: 1, maximum: 100, default: 20 });

    it('decodes a number written in decimal digits, and takes the number itself', () => {
      expect(Value.Decode(sut, '16')).toBe(16);
      expect(Value.Decode(sut, 16)).toBe(16);
    });

    it.each(['0x10', '1e1', ' 7', '', '0b11', '16.0', 'zwei', 16.5, ['1', '2']])('refuses %p', (limit) => {
      expect(fieldProblem(sut, limit)).toEqual({ constraint: 'isInt' });
    });

    it('refuses a number beyond its bounds, naming the bound', () => {
      expect(fieldProblem(sut, '0')).toEqual({ constraint: 'min', limit: 1 });
      expect(fieldProblem(sut, '1000')).toEqual({ constraint: 'max', limit: 100 });
    });

    it('shows an integer with its bounds and default in the document', () => {
      expect(JSON.parse(JSON.stringify(sut))).toEqual({
        type: 'integer',
        minimum: 1,
        maximum: 100,
        default: 20,
      });
    });
  });

  describe(BooleanQueryField.name, () => {
    const sut = BooleanQueryField();

    it('decodes true and false, written or not', () => {
      expect(Value.Decode(sut, 'true')).toBe(true);
      expect(Value.Decode(sut, 'false')).toBe(false);
      expect(Value.Decode(sut, false)).toBe(false);
    });

    it.each(['ja', '1', '', 'TRUE'])('refuses %p', (value) => {
      expect(fieldProblem(sut, value)).toEqual({ constraint: 'isBoolean' });
    });
  });

  describe(SingleLineTextField.name, () => {
    it('checks a pattern of its own on the text as sent, and shows it in the document', () => {
      const sut = SingleLineTextField(20, { pattern: /^[^/]+$/ });

      expect(Value.Decode(sut, ' programm.pdf ')).toBe('programm.pdf');
      expect(fieldProblem(sut, 'a/b.pdf')).toEqual({ constraint: 'matches' });
      expect(fieldProblem(sut, 'a\u200Bb.pdf')).toMatchObject({ constraint: 'own' });
      expect(sut.pattern).toBe('^[^/]+$');
    });
  });

  describe('the text fields as the pattern of the API document', () => {
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
    /** The texts on which the document (pattern and maxLength) and the check, compiled as the validation pipe compiles it, disagree. */
    const disagreements = (field: TSchema) => {
      const pattern = new RegExp(field.pattern as string, 'u');
      const documented = (text: string) =>
        pattern.test(text) && [...text].length <= (field.maxLength as number);
      const accepted = TypeCompiler.Compile(field);
      return texts
        .filter((text) => documented(text) !== accepted.Check(text))
        .map((text) => JSON.stringify(text));
    };

    it('takes exactly the single-line texts the rules take: the least length once trimmed, the most as sent', () => {
      expect(disagreements(SingleLineTextField(5, { minLength: 3 }))).toEqual([]);
    });

    it('takes exactly the multi-line texts the rule takes', () => {
      expect(disagreements(MultiLineTextField(2000))).toEqual([]);
    });
  });

  describe(BerlinTimeField.name, () => {
    it('takes a Berlin wall time or one with its offset, and says why it refuses another', () => {
      const sut = BerlinTimeField();

      expect(Value.Check(sut, '2027-05-12T09:30')).toBe(true);
      expect(Value.Check(sut, '2027-05-12T09:30+02:00')).toBe(true);
      expect(fieldProblem(sut, '1999-05-12T09:30')).toEqual({
        constraint: 'reason',
        reason: expect.stringMatching(/^das Jahr muss zwischen/) as string,
      });
      expect(fieldProblem(sut, 'morgen')).toEqual({
        constraint: 'reason',
        reason: 'erwartet wird Datum und Uhrzeit wie 2027-05-12T09:30',
      });
    });
  });
});
