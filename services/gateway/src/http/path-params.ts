import { InvalidInputError } from '@ic/platform';
import { Param, ParseUUIDPipe, PipeTransform } from '@nestjs/common';

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

/** A UUID (v4) in the path; `/members/abc` is a bad request, not "not found" and never a 500. */
export function UuidParam(name: string): ParameterDecorator {
  const message = `${name} muss eine UUID sein.`;
  return Param(
    name,
    new ParseUUIDPipe({
      version: '4',
      exceptionFactory: () => new InvalidInputError(message, [{ field: name, message }]),
    }),
  );
}

/** The short name of a working group, as in CreateWorkingGroupRequest.id. */
export const WORKING_GROUP_ID = /^[a-z0-9-]{2,60}$/;

export function WorkingGroupIdParam(name: string): ParameterDecorator {
  return Param(
    name,
    new PathPatternPipe(
      name,
      WORKING_GROUP_ID,
      `${name} ist keine gültige Arbeitsgruppen-Kennung (Kleinbuchstaben, Ziffern, Bindestriche, 2–60 Zeichen).`,
    ),
  );
}

/** The key of an e-mail link, as in LinkTokenRequest.token. */
export const LINK_TOKEN = /^[A-Za-z0-9_-]{32,64}$/;

export function LinkTokenParam(name: string): ParameterDecorator {
  return Param(name, new PathPatternPipe(name, LINK_TOKEN, `${name} ist kein gültiger Link-Schlüssel.`));
}
