import { ClosedObject, Nullable, OneOf, Type } from '@ic/contracts';
import { OpenAPIObject } from '@nestjs/swagger';
import { addReplySchemas, ApiReply, ApiSchemaParts } from './api-replies';

describe(addReplySchemas.name, () => {
  const place = ClosedObject({ city: Type.String() });
  const trip = ClosedObject({
    kind: Type.Literal('trip'),
    state: OneOf(['open', 'closed']),
    from: place,
    to: Type.Optional(Type.Unsafe({ ...place, description: 'where it ends' })),
    note: Nullable(Type.String(), { description: 'null without one' }),
  });

  it('writes the named reply schemas in OpenAPI 3.0, their named parts as references', () => {
    ApiReply(200, 'TripTestResponse', trip);
    ApiSchemaParts({ PlaceTestResponse: place });
    const document = { components: {} } as OpenAPIObject;

    addReplySchemas(document);

    expect(document.components?.schemas?.PlaceTestResponse).toEqual({
      type: 'object',
      additionalProperties: false,
      required: ['city'],
      properties: { city: { type: 'string' } },
    });
    expect(document.components?.schemas?.TripTestResponse).toMatchObject({
      properties: {
        kind: { type: 'string', enum: ['trip'] },
        state: { type: 'string', enum: ['open', 'closed'] },
        from: { $ref: '#/components/schemas/PlaceTestResponse' },
        to: { description: 'where it ends', allOf: [{ $ref: '#/components/schemas/PlaceTestResponse' }] },
        note: { type: 'string', nullable: true, description: 'null without one' },
      },
    });
  });

  it('refuses two different schemas under one name', () => {
    ApiReply(200, 'TwiceTestResponse', place);

    expect(() => ApiReply(200, 'TwiceTestResponse', trip)).toThrow(/Two different reply schemas/);
  });
});
