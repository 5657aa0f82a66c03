import { TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { requestSchemaOf } from '../schema';
import { UpdateCircleRequest, UpdateForumRequest, UpdateLoungeRequest } from './event-drafts.dto';

type UpdateRequest = typeof UpdateForumRequest | typeof UpdateLoungeRequest | typeof UpdateCircleRequest;

const schemaOf = (request: UpdateRequest) => requestSchemaOf(request) as TSchema;

/** The top-level fields the request's schema refuses in the body. */
function fieldsRejected(request: UpdateRequest, body: object): string[] {
  return [...new Set([...Value.Errors(schemaOf(request), body)].map((error) => error.path.split('/')[1]))];
}

function documented(request: UpdateRequest, field: string): TSchema {
  return (schemaOf(request).properties as Record<string, TSchema>)[field];
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

  it('document null as a value of those fields, beside the value they take otherwise', () => {
    for (const [request, field] of clearable) {
      const variants = (documented(request, field).anyOf ?? []) as TSchema[];
      const types = variants.map((variant): unknown => variant.type);
      expect({ field, types }).toEqual({ field, types: [expect.not.stringMatching(/^null$/), 'null'] });
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

  it('take none of the fields they do not know', () => {
    expect(fieldsRejected(UpdateLoungeRequest, { kind: 'kommunalzirkel' })).toEqual(['kind']);
  });
});
