import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError } from '../errors/problem-details';
import { FieldValidationException } from '../errors/to-problem';

/** Flattens class-validator's error tree into dotted field paths with their messages. */
export function flattenValidationErrors(errors: readonly ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
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
    exceptionFactory: (errors) => new FieldValidationException(flattenValidationErrors(errors)),
  });
}
