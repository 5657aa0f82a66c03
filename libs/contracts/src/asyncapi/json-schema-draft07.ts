import { JsonSchema } from '../schema';

export const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

/** How AsyncAPI 3.0 names JSON Schema draft-07 payloads: the one JSON Schema format all its tools must read. */
export const DRAFT_07_SCHEMA_FORMAT = 'application/schema+json;version=draft-07';

/** 2020-12 keywords with no draft-07 equivalent: a schema using them cannot be published as draft-07. */
const UNTRANSLATABLE = [
  'unevaluatedProperties',
  'unevaluatedItems',
  'minContains',
  'maxContains',
  '$dynamicRef',
  '$dynamicAnchor',
  '$anchor',
  '$vocabulary',
] as const;

/** Keywords whose value is one subschema, a list of them or a map of them: only these hold keywords. */
const ONE_SCHEMA = [
  'additionalProperties',
  'items',
  'contains',
  'not',
  'if',
  'then',
  'else',
  'propertyNames',
];
const SCHEMA_LIST = ['allOf', 'anyOf', 'oneOf'];
const SCHEMA_MAP = ['properties', 'patternProperties'];

type Schema = JsonSchema | boolean;

/**
 * The event schemas are JSON Schema 2020-12, but AsyncAPI 3.0 requires its tools to read only
 * draft-07 (the official parser registers no other JSON Schema version). This rewrites the few
 * keywords that differ (`$defs`, `prefixItems`, `dependentRequired`/`dependentSchemas`, `$ref` with
 * siblings) so that a draft-07 validator accepts exactly what a 2020-12 validator accepts, and throws
 * for keywords draft-07 cannot express.
 */
export function toDraft07(schema: JsonSchema): JsonSchema {
  const converted = convert(schema, '#') as JsonSchema;
  return { $schema: DRAFT_07, ...converted };
}

function convert(schema: Schema, path: string): Schema {
  if (typeof schema === 'boolean') return schema;
  const result: Record<string, unknown> = {};
  const dependencies: Record<string, unknown> = {};
  for (const [keyword, value] of Object.entries(schema)) {
    const at = `${path}/${keyword}`;
    if ((UNTRANSLATABLE as readonly string[]).includes(keyword)) {
      throw new Error(`${at}: JSON Schema draft-07 has no equivalent of ${keyword}`);
    }
    if (keyword === '$schema') continue;
    if (keyword === '$ref') result.$ref = (value as string).replace(/^#\/\$defs\//, '#/definitions/');
    else if (keyword === '$defs' || keyword === 'definitions') {
      result.definitions = { ...(result.definitions as object), ...convertMap(value, at) };
    } else if (keyword === 'prefixItems') {
      result.items = (value as Schema[]).map((item, index) => convert(item, `${at}/${index}`));
    } else if (keyword === 'items' && 'prefixItems' in schema) {
      result.additionalItems = convert(value as Schema, at);
    } else if (keyword === 'dependentRequired' || keyword === 'dependentSchemas') {
      const entries = keyword === 'dependentSchemas' ? convertMap(value, at) : (value as object);
      for (const [name, dependency] of Object.entries(entries)) {
        if (name in dependencies)
          throw new Error(`${at}/${name}: draft-07 keeps one dependency per property`);
        dependencies[name] = dependency;
      }
    } else if (ONE_SCHEMA.includes(keyword)) result[keyword] = convert(value as Schema, at);
    else if (SCHEMA_LIST.includes(keyword)) {
      result[keyword] = (value as Schema[]).map((item, index) => convert(item, `${at}/${index}`));
    } else if (SCHEMA_MAP.includes(keyword)) result[keyword] = convertMap(value, at);
    // Everything else is an assertion or annotation spelled alike in both drafts (enum, const, format,
    // minLength …), or a value that must stay untouched (default, examples).
    else result[keyword] = value;
  }
  if (Object.keys(dependencies).length > 0) result.dependencies = dependencies;
  return withRefSiblings(result);
}

function convertMap(value: unknown, path: string): Record<string, Schema> {
  return Object.fromEntries(
    Object.entries(value as Record<string, Schema>).map(([name, schema]) => [
      name,
      convert(schema, `${path}/${name}`),
    ]),
  );
}

/**
 * Draft-07 ignores every keyword beside `$ref`; 2020-12 applies them. `allOf` keeps them applied;
 * `definitions` stay where the `$ref`s point.
 */
function withRefSiblings(schema: Record<string, unknown>): Record<string, unknown> {
  const { $ref, definitions, ...siblings } = schema;
  if ($ref === undefined || Object.keys(siblings).length === 0) return schema;
  return { ...(definitions ? { definitions } : {}), allOf: [{ $ref }, siblings] };
}
