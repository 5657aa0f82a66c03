import type { OpenAPIObject } from '@nestjs/swagger';
import {
  BERLIN_TIME_PATTERN,
  EMAIL_ADDRESS_MAX_LENGTH,
  EMAIL_ADDRESS_PATTERN,
  textPattern,
} from '@ic/contracts';
import { API_MODEL_PROPERTIES } from '@ic/platform';
import { getMetadataStorage } from 'class-validator';

type Keywords = Record<string, unknown>;

/** What this reads of a rule (class-validator's ValidationMetadata, which it does not export). */
interface ValidationMetadata {
  readonly name?: string;
  readonly propertyName: string;
  readonly constraints?: unknown[];
  readonly each?: boolean;
}

/** class-validator keeps its rules per class in this map; its public API asks per class only. */
interface RulesByClass {
  readonly validationMetadatas: Map<abstract new () => unknown, ValidationMetadata[]>;
}

/**
 * The JSON Schema keywords one validator stands for, given the other rules of its property. A pattern
 * with flags is left out: it has no JSON Schema form. A text rule gives the pattern of the texts it
 * takes (see textPattern), unless the property has a pattern of its own, which then says more.
 */
function keywordsOf(
  { name, constraints }: ValidationMetadata,
  siblings: readonly ValidationMetadata[],
): Keywords | undefined {
  const [first, second] = constraints ?? [];
  switch (name) {
    case 'minLength':
      return { minLength: first };
    case 'maxLength':
      return { maxLength: first };
    case 'isLength':
      return second === undefined ? { minLength: first } : { minLength: first, maxLength: second };
    case 'arrayMinSize':
      return { minItems: first };
    case 'arrayMaxSize':
      return { maxItems: first };
    case 'arrayNotEmpty':
      return { minItems: 1 };
    case 'arrayUnique':
      return { uniqueItems: true };
    case 'min':
      return { minimum: first };
    case 'max':
      return { maximum: first };
    case 'isInt':
      return { type: 'integer' };
    case 'isUuid':
      return { format: 'uuid' };
    case 'matches':
      return first instanceof RegExp && first.flags === '' ? { pattern: first.source } : undefined;
    case 'isEmailAddress':
      return { pattern: EMAIL_ADDRESS_PATTERN, maxLength: EMAIL_ADDRESS_MAX_LENGTH };
    case 'isBerlinTime':
      return { pattern: BERLIN_TIME_PATTERN };
    case 'singleLineText':
    case 'multiLineText':
      if (siblings.some((rule) => rule.name === 'matches')) return undefined;
      return {
        pattern: textPattern(name === 'singleLineText' ? 'single-line' : 'multi-line', minLengthOf(siblings)),
      };
    default:
      return undefined;
  }
}

/** The least length the property's rules ask for, 0 without one. */
function minLengthOf(rules: readonly ValidationMetadata[]): number {
  const least = rules
    .filter((rule) => rule.name === 'minLength' || rule.name === 'isLength')
    .map((rule) => Number(rule.constraints?.[0] ?? 0));
  return Math.max(0, ...least);
}

/** The keywords of all rules of one property (for a list: of the list, or of each entry). */
function keywordsOfAll(rules: readonly ValidationMetadata[]): Keywords {
  return Object.assign({}, ...rules.map((rule) => keywordsOf(rule, rules))) as Keywords;
}

/** A property documented as a number, which isInt narrows to a whole one. */
function isNumber(type: unknown): boolean {
  return type === Number || type === 'number';
}

function rulesByClass(): RulesByClass['validationMetadatas'] {
  const rules = (getMetadataStorage() as unknown as Partial<RulesByClass>).validationMetadatas;
  if (!(rules instanceof Map))
    throw new Error('class-validator keeps its rules elsewhere than this code expects');
  return rules;
}

/** Each request class's rules per property, those on the property and those on each of its entries. */
function rulesByProperty(): {
  target: abstract new () => unknown;
  property: string;
  own: ValidationMetadata[];
  ofEachEntry: ValidationMetadata[];
}[] {
  return [...rulesByClass()].flatMap(([target, rules]) =>
    [...new Set(rules.map((rule) => rule.propertyName))].map((property) => {
      const ofProperty = rules.filter((rule) => rule.propertyName === property);
      return {
        target,
        property,
        own: ofProperty.filter((rule) => !rule.each),
        ofEachEntry: ofProperty.filter((rule) => rule.each),
      };
    }),
  );
}

/**
 * Writes the limits the request classes' validators enforce (lengths, list sizes, bounds, patterns of
 * text, e-mail addresses and times, UUIDs) into their OpenAPI properties where the property does not
 * name them itself, so the API document says what the gateway checks, from the one place that checks
 * it. Run before the document is built; filling in only what is missing makes a second run change
 * nothing. The rules on each entry of a list go into the built document (documentListEntryRules).
 */
export function documentValidationRules(): void {
  for (const { target, property, own } of rulesByProperty()) {
    const prototype = target.prototype as object;
    const documented = Reflect.getMetadata(API_MODEL_PROPERTIES, prototype, property) as Keywords | undefined;
    if (!documented) continue;
    const missing = Object.entries(keywordsOfAll(own)).filter(
      ([keyword]) => documented[keyword] === undefined || (keyword === 'type' && isNumber(documented.type)),
    );
    if (missing.length === 0) continue;
    Reflect.defineMetadata(
      API_MODEL_PROPERTIES,
      { ...documented, ...Object.fromEntries(missing) },
      prototype,
      property,
    );
  }
}

/**
 * The rules on each entry of a list (`{ each: true }`) as keywords of the list's `items` in the
 * built document, whose schemas are named by their classes.
 */
export function documentListEntryRules(document: OpenAPIObject): void {
  const schemas = document.components?.schemas ?? {};
  for (const { target, property, ofEachEntry } of rulesByProperty()) {
    const schema = schemas[target.name];
    const items = schema && 'properties' in schema ? schema.properties?.[property] : undefined;
    const entry = items && 'items' in items ? items.items : undefined;
    if (ofEachEntry.length === 0 || !entry || '$ref' in entry) continue;
    const entryKeywords = entry as Keywords;
    for (const [keyword, value] of Object.entries(keywordsOfAll(ofEachEntry))) {
      entryKeywords[keyword] ??= value;
    }
  }
}

/**
 * A body whose fields are all optional may be left out, and is then taken as `{}` (a change of
 * nothing, a leave without a note): its requestBody says `required: false`.
 */
export function documentOptionalBodies(document: OpenAPIObject): void {
  const schemas = document.components?.schemas ?? {};
  for (const body of requestBodiesOf(document)) {
    const reference = body.content?.['application/json']?.schema?.$ref;
    const schema = reference ? schemas[reference.split('/').at(-1) ?? ''] : undefined;
    if (schema && !('$ref' in schema) && (schema.required ?? []).length === 0) body.required = false;
  }
}

interface RequestBody {
  required?: boolean;
  content?: Record<string, { schema?: { $ref?: string } }>;
}

/** The request body of every operation that has one. */
function requestBodiesOf(document: OpenAPIObject): RequestBody[] {
  return Object.values(document.paths).flatMap((item) =>
    Object.values(item as Record<string, { requestBody?: RequestBody }>)
      .map((operation) => operation.requestBody)
      .filter((body): body is RequestBody => body !== undefined),
  );
}

/**
 * In OpenAPI 3.0 `nullable` does not widen an `enum`: a nullable property with a list of values must
 * list null among them, or null breaks the document (`"academicTitle": null` clears the title).
 */
export function listNullInNullableEnums(document: OpenAPIObject): void {
  for (const schema of Object.values(document.components?.schemas ?? {})) {
    const properties = 'properties' in schema ? Object.values(schema.properties ?? {}) : [];
    for (const property of properties) {
      const values: unknown[] | undefined = 'enum' in property ? property.enum : undefined;
      if ('nullable' in property && property.nullable && values && !values.includes(null))
        property.enum = [...values, null];
    }
  }
}

/**
 * A request refuses every field it does not know (forbidNonWhitelisted), so every schema a request
 * body refers to, directly or inside another, says `additionalProperties: false`.
 */
export function closeRequestSchemas(document: OpenAPIObject): void {
  const schemas = document.components?.schemas ?? {};
  const pending = [...referencedSchemas(requestBodiesOf(document))];
  const closed = new Set<string>();
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    const schema = schemas[name];
    if (closed.has(name) || !schema || !('properties' in schema)) continue;
    closed.add(name);
    schema.additionalProperties = false;
    pending.push(...referencedSchemas(schema.properties));
  }
}

/** The names of the component schemas a part of the document refers to. */
function referencedSchemas(part: unknown): string[] {
  return [...JSON.stringify(part ?? null).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(
    ([, name]) => name,
  );
}
