import {
  BerlinTimeField,
  BooleanQueryField,
  ClosedObject,
  IntegerQueryField,
  MultiLineTextField,
  Nullable,
  OneOf,
  RequestBody,
  SingleLineTextField,
  Type,
  Uuid,
  withMessage,
} from '@ic/contracts';
import { ArgumentMetadata } from '@nestjs/common';
import { FieldError } from '../errors/problem-details';
import { FieldValidationException } from '../errors/to-problem';
import { createValidationPipe } from './validation';

const municipalitySchema = ClosedObject({
  name: SingleLineTextField(120),
  ags: withMessage(
    Type.String({ pattern: '^(0[1-9]|1[0-6])\\d{6}$' }),
    'ags muss der achtstellige Amtliche Gemeindeschlüssel sein',
  ),
});

class InvitePersonRequest extends RequestBody(
  ClosedObject({
    name: SingleLineTextField(20, { minLength: 2 }),
    note: Type.Optional(MultiLineTextField(30)),
    memberId: Uuid(),
    sector: OneOf(['Kommune', 'Wirtschaft']),
    themes: Type.Array(OneOf(['Klima', 'Digitales']), { uniqueItems: true, maxItems: 2 }),
    municipality: Type.Optional(municipalitySchema),
    phone: Type.Optional(Nullable(SingleLineTextField(40))),
    startsAt: Type.Optional(BerlinTimeField()),
    seats: Type.Optional(withMessage(Type.Integer({ minimum: 0 }), { min: 'seats darf nicht negativ sein' })),
  }),
) {}

class ListQuery extends RequestBody(
  ClosedObject({
    limit: Type.Optional(IntegerQueryField({ minimum: 1, maximum: 100 })),
    attended: Type.Optional(withMessage(BooleanQueryField(), 'attended muss true oder false sein')),
    q: Type.Optional(SingleLineTextField(80)),
  }),
) {}

class LeaveRequest extends RequestBody(ClosedObject({ note: Type.Optional(MultiLineTextField(30)) })) {}

/** A person's texts as the profiles write them, each optional so that a body checks only what it sends. */
class PersonTextsRequest extends RequestBody(
  ClosedObject({
    firstName: Type.Optional(SingleLineTextField(80)),
    lastName: Type.Optional(SingleLineTextField(80)),
    organisation: Type.Optional(SingleLineTextField(160)),
    officeTitle: Type.Optional(SingleLineTextField(80)),
    position: Type.Optional(SingleLineTextField(120)),
    biography: Type.Optional(MultiLineTextField(2000)),
    guidingQuestions: Type.Optional(Type.Array(SingleLineTextField(500))),
  }),
) {}

const valid = {
  name: 'Anna Beispiel',
  memberId: '5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10',
  sector: 'Kommune',
  themes: ['Klima'],
};

function sut(body: unknown, metadata: Partial<ArgumentMetadata> = {}): Promise<unknown> {
  return createValidationPipe().transform(body, { type: 'body', metatype: InvitePersonRequest, ...metadata });
}

async function refused(
  body: unknown,
  metadata: Partial<ArgumentMetadata> = {},
): Promise<readonly FieldError[]> {
  const error: unknown = await sut(body, metadata).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof FieldValidationException)) throw new Error('the body was taken');
  return error.fieldErrors;
}

describe('createValidationPipe with a RequestBody class', () => {
  it('hands on the body as the schema decodes it: texts trimmed and composed (NFC)', async () => {
    const decoded = await sut({ ...valid, name: '  Mu\u0308ller ', note: 'Zeile 1\r\nZeile 2 ' });

    expect(decoded).toEqual({ ...valid, name: 'Müller', note: 'Zeile 1\nZeile 2' });
  });

  it('checks a Kafka payload (not only a body) by its schema', async () => {
    await expect(sut({ ...valid, name: ' Anna ' }, { type: 'custom' })).resolves.toEqual({
      ...valid,
      name: ' Anna ',
    });
    expect(await sut({ ...valid, name: ' Anna ' }, { type: 'param' })).toEqual({ ...valid, name: 'Anna' });
  });

  it("decodes a query's texts into the numbers and booleans of its schema, in German when it refuses them", async () => {
    const query = (value: unknown) => sut(value, { type: 'query', metatype: ListQuery });

    await expect(query({ limit: '16', attended: 'false', q: ' Kalletal ' })).resolves.toEqual({
      limit: 16,
      attended: false,
      q: 'Kalletal',
    });
    await expect(query({ limit: '1000', attended: 'ja' })).rejects.toMatchObject({
      fieldErrors: [
        { field: 'limit', message: 'Der Wert darf höchstens 100 sein.' },
        { field: 'attended', message: 'attended muss true oder false sein' },
      ],
    });
    await expect(query({ limit: 'zwei' })).rejects.toMatchObject({
      fieldErrors: [{ field: 'limit', message: 'Bitte geben Sie eine ganze Zahl ein.' }],
    });
  });

  it('takes a body left out as an empty one, which a schema of optional fields takes', async () => {
    await expect(sut(undefined, { metatype: LeaveRequest })).resolves.toEqual({});
    expect((await refused(undefined)).map((error) => error.field)).toEqual([
      'name',
      'memberId',
      'sector',
      'themes',
    ]);
  });

  it('refuses unknown fields by name, in German', async () => {
    expect(await refused({ ...valid, isStaff: true })).toEqual([
      { field: 'isStaff', message: 'Diese Angabe ist hier nicht vorgesehen.' },
    ]);
  });

  it('refuses __proto__, constructor and prototype keys by name', async () => {
    const body = JSON.parse(
      `{"name":"Anna","memberId":"${valid.memberId}","sector":"Kommune","themes":[],` +
        '"__proto__":{"isStaff":true},"municipality":{"name":"Kalletal","ags":"05766040","constructor":{}}}',
    ) as unknown;

    expect((await refused(body)).map((error) => error.field)).toEqual([
      '__proto__',
      'municipality.constructor',
    ]);
  });

  it('refuses null unless the schema takes it, saying that null is not leaving the field out', async () => {
    await expect(sut({ ...valid, phone: null })).resolves.toEqual({ ...valid, phone: null });
    expect(await refused({ ...valid, note: null })).toEqual([
      {
        field: 'note',
        message:
          'note darf nicht null sein. Lassen Sie die Angabe weg, wenn Sie hier nichts angeben möchten.',
      },
    ]);
  });

  it('words every refusal in German, naming the field with its path', async () => {
    const body = {
      name: 5,
      memberId: 'nicht-uuid',
      sector: 'Verwaltung',
      themes: ['Klima', 'Klima', 'Digitales'],
      municipality: { name: 'Kalletal', ags: '123' },
    };

    expect(await refused(body)).toEqual([
      { field: 'name', message: 'Bitte geben Sie einen Text ein.' },
      { field: 'memberId', message: 'Das ist keine gültige Kennung.' },
      { field: 'sector', message: 'Bitte wählen Sie einen der vorgesehenen Werte.' },
      { field: 'themes', message: 'Bitte höchstens 2 Einträge.' },
      { field: 'municipality.ags', message: 'ags muss der achtstellige Amtliche Gemeindeschlüssel sein' },
    ]);
  });

  it('names a list of values for a value it does not take, as the field the value belongs to', async () => {
    expect(await refused({ ...valid, themes: ['Klima', 'Wetter'] })).toEqual([
      { field: 'themes', message: 'Jeder Eintrag: Bitte wählen Sie einen der vorgesehenen Werte.' },
    ]);
  });

  it("says why a time is refused after the field's name", async () => {
    expect(await refused({ ...valid, startsAt: '2027-02-30T10:00' })).toEqual([
      { field: 'startsAt', message: 'startsAt: 2027-02-30T10:00 ist kein gültiges Datum' },
    ]);
    expect(await refused({ ...valid, startsAt: 1 })).toEqual([
      { field: 'startsAt', message: 'startsAt: erwartet wird Datum und Uhrzeit wie 2027-05-12T09:30' },
    ]);
    await expect(sut({ ...valid, startsAt: '2027-05-12T09:30' })).resolves.toMatchObject({
      startsAt: '2027-05-12T09:30',
    });
  });

  it('words only the refusals a schema has words of its own for with those words', async () => {
    expect(await refused({ ...valid, seats: -1 })).toEqual([
      { field: 'seats', message: 'seats darf nicht negativ sein' },
    ]);
    expect(await refused({ ...valid, seats: 1.5 })).toEqual([
      { field: 'seats', message: 'Bitte geben Sie eine ganze Zahl ein.' },
    ]);
  });

  it('names a missing field', async () => {
    const withoutMemberId: Record<string, unknown> = { ...valid };
    delete withoutMemberId.memberId;

    expect(await refused(withoutMemberId)).toEqual([
      { field: 'memberId', message: 'Bitte füllen Sie dieses Feld aus.' },
    ]);
  });

  it('tells a missing field with words of its own those words: they say what to send', async () => {
    expect(await refused({ ...valid, municipality: { name: 'Kalletal' } })).toEqual([
      { field: 'municipality.ags', message: 'ags muss der achtstellige Amtliche Gemeindeschlüssel sein' },
    ]);
  });

  it("says why a nullable field's value is refused, not only that it is no null", async () => {
    expect(await refused({ ...valid, phone: 'x'.repeat(41) })).toEqual([
      { field: 'phone', message: 'Bitte höchstens 40 Zeichen.' },
    ]);
  });

  describe('the text rule, in its order', () => {
    it('refuses a text over its limit as sent, though it would fit trimmed', async () => {
      expect(await refused({ ...valid, name: ` ${'x'.repeat(20)}` })).toEqual([
        { field: 'name', message: 'Bitte höchstens 20 Zeichen.' },
      ]);
    });

    it('then refuses a character the rule does not take, naming it', async () => {
      expect(await refused({ ...valid, name: 'Anna\u200bB' })).toEqual([
        {
          field: 'name',
          message:
            'name enthält ein unsichtbares oder die Schreibrichtung änderndes Zeichen (U+200B). ' +
            'Bitte entfernen Sie es; am sichersten tippen Sie den Text neu, statt ihn einzufügen.',
        },
      ]);
    });

    it('then counts the least length once trimmed', async () => {
      expect(await refused({ ...valid, name: '  A  ' })).toEqual([
        { field: 'name', message: 'Bitte mindestens 2 Zeichen.' },
      ]);
    });

    it('takes a line break in a multi-line text only', async () => {
      await expect(sut({ ...valid, note: 'a\nb' })).resolves.toMatchObject({ note: 'a\nb' });
      expect((await refused({ ...valid, name: 'An\nna' }))[0]?.field).toBe('name');
    });

    it('counts a character beyond U+FFFF as one, as JSON Schema does', async () => {
      await expect(sut({ ...valid, name: '😀'.repeat(20) })).resolves.toMatchObject({
        name: '😀'.repeat(20),
      });
    });
  });

  describe("the text rule's characters, in a person's texts", () => {
    const person = (body: unknown) => sut(body, { metatype: PersonTextsRequest });
    /** The message of each field refused, by its field. */
    const personErrors = async (body: unknown) =>
      Object.fromEntries(
        (await refused(body, { metatype: PersonTextsRequest })).map(({ field, message }) => [field, message]),
      );

    it('refuses invisible and direction-changing characters in names, naming the field and the character', async () => {
      const cases = {
        firstName: 'An\u200Bna',
        lastName: 'Brenner\u202E',
        organisation: 'Gemeinde \u3164Kalletal',
        officeTitle: 'Bürger\uFEFFmeisterin',
        position: 'Leitung\u2066 Digitales',
      };
      const errors = await personErrors(cases);

      expect(Object.keys(errors).sort()).toEqual(Object.keys(cases).sort());
      expect(errors.firstName).toMatch(/^firstName enthält ein unsichtbares .*\(U\+200B\)\. Bitte /);
      expect(errors.organisation).toContain('U+3164');
    });

    it('refuses line breaks, tabs and other control characters in a single-line field', async () => {
      for (const firstName of [
        'Anna\tMaria',
        'Anna\nMaria',
        'Anna\u0000',
        'Anna\u0085Maria',
        'Anna\u2028Maria',
      ]) {
        expect({ firstName, errors: await personErrors({ firstName }) }).toEqual({
          firstName,
          errors: {
            firstName: expect.stringMatching(/^firstName darf keine Zeilenumbrüche.*Bitte /) as string,
          },
        });
      }
    });

    it('allows line breaks and tabs in a multi-line field, but no other control or direction-changing character', async () => {
      await expect(person({ biography: 'Erste Zeile\r\n\tZweite Zeile ❤️' })).resolves.toEqual({
        biography: 'Erste Zeile\n\tZweite Zeile ❤️',
      });
      for (const biography of [
        'Null\u0000Byte',
        'Glocke\u0007',
        'Escape\u001b[31m',
        'umgekehrt \u202Etxet',
      ]) {
        expect({ biography, errors: await personErrors({ biography }) }).toEqual({
          biography,
          errors: { biography: expect.stringMatching(/^biography .*Bitte /) as string },
        });
      }
    });

    it('refuses a lone surrogate (half of a character) in any text field', async () => {
      expect(await personErrors({ firstName: 'Anna\uD800', biography: '\uDC00Text' })).toEqual({
        firstName: expect.stringMatching(/^firstName enthält ein ungültiges Zeichen/) as string,
        biography: expect.stringMatching(/^biography enthält ein ungültiges Zeichen/) as string,
      });
    });

    it('stores text in its composed form (NFC), so that the same name is the same text', async () => {
      await expect(person({ lastName: 'Mu\u0308ller', biography: 'Bu\u0308rgermeisterin' })).resolves.toEqual(
        {
          lastName: 'Müller',
          biography: 'Bürgermeisterin',
        },
      );
    });

    it('checks each entry of a list of texts, naming the list, and keeps the spaces inside an entry', async () => {
      expect(
        await personErrors({ guidingQuestions: ['Wie gelingt  Beteiligung?', 'Wer macht mit\u200B?'] }),
      ).toEqual({
        guidingQuestions: expect.stringMatching(/^guidingQuestions enthält .*U\+200B/) as string,
      });
      await expect(person({ guidingQuestions: [' Wie gelingt  Beteiligung? '] })).resolves.toEqual({
        guidingQuestions: ['Wie gelingt  Beteiligung?'],
      });
    });
  });
});
