import { ClosedObject, EventDataSchema, Extended, OneOf, Shape, Text, Type } from './shape';
import { publishedJsonSchema } from './published-json-schema';

describe('Extended', () => {
  const change = EventDataSchema({
    id: Text(10),
    by: Type.Optional(Text(10)),
    note: Text(10),
  });

  it('adds the fields after the base and lists their requirement after the base', () => {
    const sut = Extended(change, { by: Text(10), cause: OneOf(['a', 'b']) });

    expect(JSON.stringify(publishedJsonSchema(sut))).toBe(
      JSON.stringify({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        type: 'object',
        additionalProperties: false,
        required: ['id', 'note', 'by', 'cause'],
        properties: {
          id: { type: 'string', minLength: 1, maxLength: 10 },
          by: { type: 'string', minLength: 1, maxLength: 10 },
          note: { type: 'string', minLength: 1, maxLength: 10 },
          cause: { enum: ['a', 'b'] },
        },
      }),
    );
  });

  it('types the fields it requires as required and the optional ones as optional', () => {
    const sut = Extended(change, { by: Text(10), hint: Type.Optional(Text(10)) });
    const value: Shape<typeof sut> = { id: 'x', by: 'y', note: 'z' };
    // @ts-expect-error `by` is required now
    const withoutBy: Shape<typeof sut> = { id: 'x', note: 'z' };

    expect([value, withoutBy]).toHaveLength(2);
    expect(sut.required).toEqual(['id', 'note', 'by']);
  });

  it('drops a field from `required` that it makes optional', () => {
    const sut = Extended(ClosedObject({ id: Text(10), note: Text(10) }), { note: Type.Optional(Text(10)) });

    expect(sut.required).toEqual(['id']);
    expect(sut.additionalProperties).toBe(false);
  });
});
