import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors } from '../http/validation';

export class ConfigValidationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigValidationError';
  }
}

/**
 * Validates the environment once at boot into a typed object. A bad value stops the service with a
 * message naming the variable; unknown variables are ignored (the environment holds much else).
 */
export function validateConfig<T extends object>(schema: new () => T, env: Record<string, unknown>): T {
  const config = plainToInstance(schema, env, { exposeDefaultValues: true, enableImplicitConversion: false });
  const errors = validateSync(config, { whitelist: false, skipMissingProperties: false });
  if (errors.length > 0) {
    throw new ConfigValidationError(flattenValidationErrors(errors).map((e) => `${e.field}: ${e.message}`));
  }
  return config;
}
