import type { OpenAPIObject } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';

type Keywords = Record<string, unknown>;

/** Where @nestjs/swagger keeps each property's ApiProperty options (its DECORATORS, not exported). */
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';

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
 * The JSON Schema keyword each validator stands for. A rule on every entry of a list (`each`) and
 * a pattern with flags are left out: the first would belong to `items`, the second has no JSON
 * Schema form.
 */
function keywordsOf({ name, constraints, each }: ValidationMetadata): Keywords | undefined {
  if (each) return undefined;
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
    default:
      return undefined;
  }
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

/**
 * Writes the limits the request classes' validators enforce (lengths, list sizes, bounds, patterns,
 * UUIDs) into their OpenAPI properties where the property does not name them itself, so the API
 * document says what the gateway checks, from the one place that checks it. Run before the document
 * is built; filling in only what is missing makes a second run change nothing.
 */
export function documentValidationRules(): void {
  for (const [target, rules] of rulesByClass()) {
    const prototype = target.prototype as object;
    for (const rule of rules) {
      const keywords = keywordsOf(rule);
      if (!keywords) continue;
      const documented = Reflect.getMetadata(API_MODEL_PROPERTIES, prototype, rule.propertyName) as
        Keywords | undefined;
      if (!documented) continue;
      const missing = Object.entries(keywords).filter(
        ([keyword]) => documented[keyword] === undefined || (keyword === 'type' && isNumber(documented.type)),
      );
      if (missing.length === 0) continue;
      Reflect.defineMetadata(
        API_MODEL_PROPERTIES,
        { ...documented, ...Object.fromEntries(missing) },
        prototype,
        rule.propertyName,
      );
    }
  }
}

/**
 * A request refuses every field it does not know (forbidNonWhitelisted), so every schema a request
 * body refers to, directly or inside another, says `additionalProperties: false`.
 */
export function closeRequestSchemas(document: OpenAPIObject): void {
  const schemas = document.components?.schemas ?? {};
  const bodies = Object.values(document.paths).flatMap((item) =>
    Object.values(item as Record<string, { requestBody?: unknown }>).map(
      (operation) => operation.requestBody,
    ),
  );
  const pending = [...referencedSchemas(bodies)];
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
