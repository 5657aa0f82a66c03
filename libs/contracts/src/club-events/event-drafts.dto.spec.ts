import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { UpdateCircleRequest, UpdateForumRequest, UpdateLoungeRequest } from './event-drafts.dto';

/** Where @nestjs/swagger keeps a property's @ApiProperty options (its DECORATORS.API_MODEL_PROPERTIES). */
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';

type UpdateRequest = typeof UpdateForumRequest | typeof UpdateLoungeRequest | typeof UpdateCircleRequest;

function fieldsRejected(request: UpdateRequest, body: object): string[] {
  return validateSync(plainToInstance(request, body), { whitelist: true, forbidNonWhitelisted: true }).map(
    (error) => error.property,
  );
}

function documented(request: UpdateRequest, field: string) {
  return Reflect.getMetadata(API_MODEL_PROPERTIES, request.prototype, field) as {
    nullable?: boolean;
    type?: unknown;
  };
}

describe('Update event requests', () => {
  const clearable: readonly [UpdateRequest, string][] = [
    [UpdateForumRequest, 'summary'],
    [UpdateForumRequest, 'targetGroup'],
    [UpdateForumRequest, 'edition'],
    [UpdateLoungeRequest, 'summary'],
    [UpdateLoungeRequest, 'targetGroup'],
    [UpdateCircleRequest, 'feeNote'],
  ];

  it('let the office clear the optional fields with null', () => {
    for (const [request, field] of clearable) {
      expect({ field, rejected: fieldsRejected(request, { [field]: null }) }).toEqual({
        field,
        rejected: [],
      });
    }
  });

  it('document null as a value of those fields, so that a typed client (the console) may send it', () => {
    for (const [request, field] of clearable) {
      const property = documented(request, field);
      expect({ field, nullable: property.nullable }).toEqual({ field, nullable: true });
      // `T | null` reflects as Object: without an explicit type the document would say "object".
      expect({ field, typed: property.type !== Object && property.type !== undefined }).toEqual({
        field,
        typed: true,
      });
    }
  });

  it('still check a value that is given', () => {
    expect(fieldsRejected(UpdateForumRequest, { edition: 0, summary: 'x'.repeat(501) }).sort()).toEqual([
      'edition',
      'summary',
    ]);
    expect(fieldsRejected(UpdateCircleRequest, { feeNote: '' })).toEqual(['feeNote']);
    expect(fieldsRejected(UpdateLoungeRequest, { targetGroup: { federalStates: [] } })).toEqual([
      'targetGroup',
    ]);
  });
});
