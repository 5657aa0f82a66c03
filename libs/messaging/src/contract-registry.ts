import { EventContract, isEmailAddress, JsonSchema } from '@ic/contracts';
import { FormatDefinition } from 'ajv';
import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats';

/**
 * The formats whose check splits the text and runs several regular expressions: more than half of
 * a registration event's validation (its event snapshot carries a dozen timestamps). The same
 * timestamps come again and again in one aggregate's events, so each format keeps its verdicts.
 */
const REMEMBERED_FORMATS = ['date', 'time', 'date-time'] as const;
/** The keywords of a closed object schema that check each property by itself (see checkApartFrom). */
const SPLITTING_KEYWORDS: ReadonlySet<string> = new Set([
  '$schema',
  'type',
  'additionalProperties',
  'required',
  'properties',
]);
/** Verdicts each format keeps at most (then it starts afresh): about 300 kB of timestamps. */
const REMEMBERED_VERDICTS = 4_096;

export class ContractViolationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContractViolationError';
  }
}

/**
 * The event contracts a service knows. A schema is compiled on its first validation: a service
 * publishes and consumes a few of the catalog's types, and compiling all of them at boot cost every
 * service about 400 ms and 40 MB of resident memory (the young generation grown for the generated
 * code). Every schema still compiles in strict mode in the catalog's spec.
 */
export class ContractRegistry {
  private readonly contracts = new Map<string, EventContract<unknown>>();
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly checksApartFrom = new Map<string, ValidateFunction | undefined>();
  private readonly propertySchemaTexts = new Map<string, string | undefined>();
  private readonly ajv = withRememberedFormats(
    addFormats(new Ajv2020({ allErrors: true, strict: true })),
  ).addFormat(
    // The requests' definition of an address (libs/contracts), so that what a request accepts its event carries.
    'email',
    { type: 'string', validate: isEmailAddress },
  );

  constructor(contracts: readonly EventContract<unknown>[]) {
    for (const contract of contracts) {
      if (this.contracts.has(contract.type)) throw new Error(`Event type ${contract.type} is defined twice`);
      this.contracts.set(contract.type, contract);
    }
  }

  get(type: string): EventContract<unknown> {
    const contract = this.contracts.get(type);
    if (!contract) throw new ContractViolationError(`unknown event type ${type}`);
    return contract;
  }

  has(type: string): boolean {
    return this.contracts.has(type);
  }

  /** Throws ContractViolationError naming every offending field. */
  assertValid(type: string, data: unknown): void {
    const validate = this.validatorOf(type);
    if (!validate(data)) {
      const problems = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
      throw new ContractViolationError(`${type} does not match its schema: ${problems.join('; ')}`);
    }
  }

  /**
   * A check of the type's data in everything but its top-level `property`, whose value it does not
   * look at; undefined when the schema does not split there. It splits when it is a closed object
   * whose properties are each checked on their own (no keyword relates one to another): then data
   * matches the schema exactly when this check passes and the property's value matches the
   * property's schema (see `propertySchemaText`).
   */
  checkApartFrom(type: string, property: string): ((data: unknown) => boolean) | undefined {
    const key = `${type}\0${property}`;
    if (!this.checksApartFrom.has(key)) {
      const schema = this.get(type).schema;
      const properties = schema.properties as Record<string, JsonSchema> | undefined;
      const splits =
        schema.type === 'object' &&
        properties?.[property] !== undefined &&
        Object.keys(schema).every((keyword) => SPLITTING_KEYWORDS.has(keyword));
      this.checksApartFrom.set(
        key,
        splits ? this.ajv.compile({ ...schema, properties: { ...properties, [property]: true } }) : undefined,
      );
    }
    return this.checksApartFrom.get(key);
  }

  /**
   * The JSON text of the schema of the type's top-level `property`: types whose texts are equal
   * check the property alike (their schemas may be copies of one another).
   */
  propertySchemaText(type: string, property: string): string | undefined {
    const key = `${type}\0${property}`;
    if (!this.propertySchemaTexts.has(key)) {
      const schema = (this.get(type).schema.properties as Record<string, JsonSchema> | undefined)?.[property];
      this.propertySchemaTexts.set(key, schema === undefined ? undefined : JSON.stringify(schema));
    }
    return this.propertySchemaTexts.get(key);
  }

  topicsOf(types: Iterable<string>): string[] {
    return [...new Set([...types].map((type) => this.get(type).topic))];
  }

  private validatorOf(type: string): ValidateFunction {
    let validate = this.validators.get(type);
    if (!validate) {
      validate = this.ajv.compile(this.get(type).schema);
      this.validators.set(type, validate);
    }
    return validate;
  }
}

/** The same verdicts as ajv-formats' full formats, each text checked once (a check is a pure function of the text). */
function withRememberedFormats(ajv: Ajv2020): Ajv2020 {
  for (const name of REMEMBERED_FORMATS) {
    const format = fullFormats[name] as FormatDefinition<string>;
    const check = format.validate as (text: string) => boolean;
    const verdicts = new Map<string, boolean>();
    ajv.addFormat(name, {
      ...format,
      validate: (text: string) => {
        let valid = verdicts.get(text);
        if (valid === undefined) {
          valid = check(text);
          if (verdicts.size >= REMEMBERED_VERDICTS) verdicts.clear();
          verdicts.set(text, valid);
        }
        return valid;
      },
    });
  }
  return ajv;
}
