import { LINK_TOKEN, WORKING_GROUP_ID } from '@ic/contracts';
import { InvalidInputError } from '@ic/platform';
import { Param, ParseUUIDPipe, PipeTransform } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** A path parameter that must match a pattern; anything else is a 400 naming the parameter. */
export class PathPatternPipe implements PipeTransform<string, string> {
  constructor(
    private readonly name: string,
    private readonly pattern: RegExp,
    private readonly message: string,
  ) {}

  transform(value: string): string {
    if (!this.pattern.test(value))
      throw new InvalidInputError(this.message, [{ field: this.name, message: this.message }]);
    return value;
  }
}

/**
 * A path parameter checked by the pipe, and documented in the OpenAPI document with the schema the
 * pipe enforces (a parameter decorator cannot carry ApiParam itself, so it applies it to its method).
 */
function checkedParam(name: string, pipe: PipeTransform, schema: SchemaObject): ParameterDecorator {
  const param = Param(name, pipe);
  return (target, method, index) => {
    param(target, method, index);
    if (method === undefined) return;
    const descriptor = Object.getOwnPropertyDescriptor(target, method);
    if (descriptor) ApiParam({ name, required: true, schema })(target, method, descriptor);
  };
}

/**
 * A UUID in the path; `/members/abc` is a bad request, not "not found" and never a 500. Any version,
 * as JSON Schema's `format: uuid` says: ours are v4, another one is simply not found (404).
 */
export function UuidParam(name: string): ParameterDecorator {
  const message = `${name} muss eine UUID sein.`;
  const pipe = new ParseUUIDPipe({
    exceptionFactory: () => new InvalidInputError(message, [{ field: name, message }]),
  });
  return checkedParam(name, pipe, { type: 'string', format: 'uuid' });
}

/** A path parameter matching the pattern, documented with it (and the example, if given). */
export function PatternParam(
  name: string,
  pattern: RegExp,
  message: string,
  example?: string,
): ParameterDecorator {
  const schema: SchemaObject = { type: 'string', pattern: pattern.source, ...(example ? { example } : {}) };
  return checkedParam(name, new PathPatternPipe(name, pattern, message), schema);
}

export function WorkingGroupIdParam(name: string): ParameterDecorator {
  return PatternParam(
    name,
    WORKING_GROUP_ID,
    `${name} ist keine gültige Arbeitsgruppen-Kennung (Kleinbuchstaben, Ziffern, Bindestriche, 2–60 Zeichen).`,
    'smartes-land',
  );
}

export function LinkTokenParam(name: string): ParameterDecorator {
  return PatternParam(name, LINK_TOKEN, `${name} ist kein gültiger Link-Schlüssel.`);
}
