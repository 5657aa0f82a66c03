import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError } from '../errors/problem-details';
import { FieldValidationException } from '../errors/to-problem';
import { jsonEntries } from './json-entries';
import { germanValidationMessage } from './validation-messages';

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

/**
 * Refuses `__proto__`, `constructor` and `prototype` keys by name like any other unexpected field,
 * before class-transformer would drop them and let the rest of the request through.
 */
class PlatformValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const paths = machineryKeyPaths(value);
    if (paths.length > 0)
      throw new FieldValidationException(paths.map((field) => ({ field, message: NOT_EXPECTED })));
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
