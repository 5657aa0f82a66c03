import { EventContract } from '@ic/contracts';
import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

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
  private readonly ajv = addFormats(new Ajv2020({ allErrors: true, strict: true }));

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
