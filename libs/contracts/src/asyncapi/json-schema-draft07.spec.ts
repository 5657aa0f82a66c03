import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { allEventContracts } from '../events/catalog';
import { JsonSchema } from '../schema';
import { DRAFT_07, toDraft07 } from './json-schema-draft07';

// Not strict: the small schemas here show single keywords, not well-formed contracts.
const draft07 = addFormats(new Ajv({ allErrors: true, strict: false }));
const draft2020 = addFormats(new Ajv2020({ allErrors: true, strict: false }));
const SCHEMA_2020 = 'https://json-schema.org/draft/2020-12/schema';

/** Whether each value satisfies the schema, by a 2020-12 validator and by draft-07 after conversion. */
function verdicts(schema: JsonSchema, values: unknown[]) {
  const original = draft2020.compile(schema);
  const converted = draft07.compile(toDraft07(schema));
  return values.map((value) => ({ value, draft2020: original(value), draft07: converted(value) }));
}

function agreeing(schema: JsonSchema, values: unknown[]) {
  return verdicts(schema, values).map(({ value, draft2020 }) => ({ value, draft2020, draft07: draft2020 }));
}

describe(toDraft07.name, () => {
  it('declares draft-07 instead of 2020-12 and keeps the keywords both spell alike', () => {
    const schema = {
      $schema: SCHEMA_2020,
      type: 'object',
      required: ['a'],
      properties: { a: { type: 'string', format: 'uuid', maxLength: 40 }, b: { enum: ['x', 'y'] } },
      additionalProperties: false,
    };

    expect(toDraft07(schema)).toEqual({ ...schema, $schema: DRAFT_07 });
  });

  it('moves $defs to definitions and points the references there', () => {
    const schema = {
      $schema: SCHEMA_2020,
      $defs: { id: { type: 'string', minLength: 3 } },
      type: 'object',
      properties: { a: { $ref: '#/$defs/id' } },
    };

    expect(toDraft07(schema)).toMatchObject({
      definitions: { id: { type: 'string', minLength: 3 } },
      properties: { a: { $ref: '#/definitions/id' } },
    });
    const values = [{ a: 'abcd' }, { a: 'ab' }, { a: 5 }];
    expect(verdicts(schema, values)).toEqual(agreeing(schema, values));
  });

  it('turns prefixItems and items into draft-07 items and additionalItems', () => {
    const schema = { type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }], items: false };

    expect(toDraft07(schema)).toEqual({
      $schema: DRAFT_07,
      type: 'array',
      items: [{ type: 'string' }, { type: 'integer' }],
      additionalItems: false,
    });
    const values = [['a', 1], ['a', 'b'], ['a', 1, 2], ['a']];
    expect(verdicts(schema, values)).toEqual(agreeing(schema, values));
  });

  it('turns dependentRequired and dependentSchemas into dependencies', () => {
    const schema = {
      type: 'object',
      dependentRequired: { startsAt: ['endsAt'] },
      dependentSchemas: { fee: { required: ['feeNote'] } },
    };

    expect(toDraft07(schema)).toEqual({
      $schema: DRAFT_07,
      type: 'object',
      dependencies: { startsAt: ['endsAt'], fee: { required: ['feeNote'] } },
    });
    const values = [{ startsAt: 1 }, { startsAt: 1, endsAt: 2 }, { fee: 1 }, { fee: 1, feeNote: 'x' }];
    expect(verdicts(schema, values)).toEqual(agreeing(schema, values));
  });

  it('keeps the keywords beside a $ref in force, which draft-07 would ignore', () => {
    const schema = {
      $defs: { text: { type: 'string' } },
      type: 'object',
      properties: { a: { $ref: '#/$defs/text', maxLength: 2 } },
    };

    expect(toDraft07(schema)).toMatchObject({
      properties: { a: { allOf: [{ $ref: '#/definitions/text' }, { maxLength: 2 }] } },
    });
    const values = [{ a: 'ab' }, { a: 'abc' }, { a: 1 }];
    expect(verdicts(schema, values)).toEqual(agreeing(schema, values));
  });

  it('leaves values alone that only look like keywords (enum, const, examples)', () => {
    const schema = { enum: [{ $defs: 1 }], examples: [{ prefixItems: [] }] };

    expect(toDraft07(schema)).toEqual({ $schema: DRAFT_07, ...schema });
  });

  it.each(['unevaluatedProperties', 'unevaluatedItems', 'minContains', '$dynamicRef'])(
    'refuses %s, which draft-07 cannot express, naming where it is',
    (keyword) => {
      const schema = { properties: { nested: { [keyword]: false } } };

      expect(() => toDraft07(schema)).toThrow(`#/properties/nested/${keyword}`);
    },
  );

  it.each(allEventContracts.map((contract) => [contract.type, contract]))(
    '%s: draft-07 and 2020-12 agree on its example and on broken copies of it',
    (_type, contract) => {
      const example = contract.example as Record<string, unknown>;
      const [firstField] = Object.keys(example);
      const values = [
        example,
        { ...example, unknownField: 1 },
        { ...example, [firstField]: 12345 },
        Object.fromEntries(Object.entries(example).slice(1)),
      ];

      const results = verdicts(contract.schema, values);

      expect(results).toEqual(agreeing(contract.schema, values));
      expect(results.map((result) => result.draft07)).toEqual([true, false, false, false]);
    },
  );
});
