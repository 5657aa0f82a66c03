import { requestSchemaOf } from '@ic/contracts';
import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError } from '../errors/problem-details';
import { FieldValidationException } from '../errors/to-problem';
import { jsonEntries } from './json-entries';
import { decodeRequest } from './schema-validation';
import { germanValidationMessage, notNullMessage } from './validation-messages';

type Wording = (constraint: string, message: string) => string;

/** Flattens class-validator's error tree into dotted field paths with their messages. */
export function flattenValidationErrors(
  errors: readonly ValidationError[],
  parent = '',
  wording: Wording = (_constraint, message) => message,
): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      field,
      message: wording(constraint, message),
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field, wording)];
  });
}

/** Keys that name an object's machinery in JavaScript; class-transformer drops them without a word. */
const MACHINERY_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const NOT_EXPECTED = 'Diese Angabe ist hier nicht vorgesehen.';

/** The dotted paths of every such key in a parsed body or query. */
export function machineryKeyPaths(value: unknown): string[] {
  return [...jsonEntries(value, MACHINERY_KEYS)]
    .filter((entry) => MACHINERY_KEYS.has(entry.key))
    .map((entry) => entry.path)
    .sort();
}

/** Where @nestjs/swagger keeps each property's ApiProperty options (its DECORATORS, not exported). */
export const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';

interface DocumentedProperty {
  readonly nullable?: boolean;
  /** A class, `[Class]`, a function returning either, or a type name. */
  readonly type?: unknown;
}

type Constructor = abstract new (...args: never[]) => unknown;

/** The request class a documented property holds, if it holds one. */
function classOf(type: unknown): Constructor | undefined {
  // A class has a prototype; `() => Class`, the lazy form, has none.
  const resolved: unknown =
    typeof type === 'function' && !('prototype' in type) ? (type as () => unknown)() : type;
  const single: unknown = Array.isArray(resolved) ? resolved[0] : resolved;
  return typeof single === 'function' ? (single as Constructor) : undefined;
}

/**
 * The dotted paths of the nulls in a body where its request class does not document the property as
 * nullable: class-validator's IsOptional lets null through like a missing field, so `"returnTo": null`
 * was taken as if it were left out, against the API document. Properties without documentation are
 * left to their validators.
 */
export function undocumentedNullPaths(value: unknown, type: Constructor | undefined, parent = ''): string[] {
  if (!type || typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, entry]) => {
    const documented = Reflect.getMetadata(API_MODEL_PROPERTIES, type.prototype as object, key) as
      DocumentedProperty | undefined;
    if (!documented) return [];
    const path = parent ? `${parent}.${key}` : key;
    if (entry === null) return documented.nullable ? [] : [path];
    const nested = classOf(documented.type);
    return Array.isArray(entry)
      ? entry.flatMap((item, index) => undocumentedNullPaths(item, nested, `${path}.${index}`))
      : undocumentedNullPaths(entry, nested, path);
  });
}

/**
 * Refuses `__proto__`, `constructor` and `prototype` keys by name like any other unexpected field,
 * before class-transformer would drop them and let the rest of the request through. A class made by
 * RequestBody is then checked and decoded by its schema (TypeBox); any other by class-validator,
 * refusing first a null where the body's class does not say that null is taken (see
 * undocumentedNullPaths). Both kinds work side by side while the areas move to schemas.
 */
class PlatformValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const paths = machineryKeyPaths(value);
    if (paths.length > 0)
      throw new FieldValidationException(paths.map((field) => ({ field, message: NOT_EXPECTED })));
    const schema = metadata.type === 'custom' ? undefined : requestSchemaOf(metadata.metatype);
    // A body left out is an empty one, as ValidationPipe takes it (see documentOptionalBodies).
    if (schema) return decodeRequest(schema, value ?? {});
    if (metadata.type === 'body') {
      const nulls = undocumentedNullPaths(value, metadata.metatype);
      if (nulls.length > 0)
        throw new FieldValidationException(nulls.map((field) => ({ field, message: notNullMessage(field) })));
    }
    return super.transform(value, metadata);
  }
}

/** The one validation policy of the platform: known fields only, typed, every error named. */
export function createValidationPipe(): ValidationPipe {
  return new PlatformValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    // People read these beside the field: in German.
    exceptionFactory: (errors) =>
      new FieldValidationException(flattenValidationErrors(errors, '', germanValidationMessage)),
  });
}
