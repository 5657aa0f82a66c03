import { openApiSchema } from './openapi-schema';
import { SingleLineTextField } from './request-fields';
import { withMessage } from './request-body';
import { ClosedObject, EventDataSchema, OneOf, Type } from './shape';
import { textPattern } from '../validation/text-input';

describe(openApiSchema.name, () => {
  it("writes a request schema as OpenAPI 3.0's plain JSON: closed, the text rule as its pattern", () => {
    const schema = ClosedObject({
      id: withMessage(Type.String({ pattern: '^[a-z]{2,60}$', example: 'digitales' }), 'id ist ungültig'),
      name: SingleLineTextField(80, { minLength: 2, description: 'Der Name' }),
    });

    const component = openApiSchema(schema);

    expect(JSON.stringify(component)).toBe(
      JSON.stringify({
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name'],
        properties: {
          id: { type: 'string', pattern: '^[a-z]{2,60}$', example: 'digitales' },
          name: {
            type: 'string',
            description: 'Der Name',
            minLength: 2,
            maxLength: 80,
            pattern: textPattern('single-line', 2),
          },
        },
      }),
    );
    expect(Object.getOwnPropertySymbols((component.properties as Record<string, object>).name)).toEqual([]);
  });

  it('leaves out $schema, which OpenAPI 3.0 does not know', () => {
    expect(openApiSchema(EventDataSchema({}))).toEqual({
      type: 'object',
      additionalProperties: false,
      properties: {},
    });
  });

  it('writes the schema or null as the schema beside nullable, with null among its enum', () => {
    const schema = ClosedObject({
      phone: Type.Union([Type.String({ maxLength: 40 }), Type.Null()], { description: 'null löscht sie' }),
      title: Type.Optional(Type.Union([OneOf(['Dr.', 'Prof.']), Type.Null()])),
    });

    expect(openApiSchema(schema).properties).toEqual({
      phone: { type: 'string', maxLength: 40, description: 'null löscht sie', nullable: true },
      title: { enum: ['Dr.', 'Prof.', null], nullable: true },
    });
  });
});
