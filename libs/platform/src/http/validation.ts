import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError } from '../errors/problem-details';
import { FieldValidationException } from '../errors/to-problem';
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

/** The one validation policy of the platform: known fields only, typed, every error named. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
