import { ClosedObject, OneOf, Text, Type } from './shape';
import { publishedJsonSchema } from './published-json-schema';

describe('publishedJsonSchema', () => {
  it('writes a TypeBox schema as plain JSON with the keys in the published order', () => {
    const schema = ClosedObject({ name: Text(80), kind: OneOf(['a', 'b']), note: Type.Optional(Text(10)) });

    const published = publishedJsonSchema(schema);

    expect(JSON.stringify(published)).toBe(
      JSON.stringify({
        type: 'object',
        additionalProperties: false,
        required: ['name', 'kind'],
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 80 },
          kind: { enum: ['a', 'b'] },
          note: { type: 'string', minLength: 1, maxLength: 10 },
        },
      }),
    );
    expect(Object.getOwnPropertySymbols(published)).toEqual([]);
  });
});
