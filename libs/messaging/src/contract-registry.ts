import { EventContract } from '@ic/contracts';
import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

export class ContractViolationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContractViolationError';
  }
}

/** The event contracts a service knows, with their compiled JSON Schemas. */
export class ContractRegistry {
  private readonly contracts = new Map<
    string,
    { contract: EventContract<unknown>; validate: ValidateFunction }
  >();

  constructor(contracts: readonly EventContract<unknown>[]) {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    for (const contract of contracts) {
      if (this.contracts.has(contract.type)) throw new Error(`Event type ${contract.type} is defined twice`);
      this.contracts.set(contract.type, { contract, validate: ajv.compile(contract.schema) });
    }
  }

  get(type: string): EventContract<unknown> {
    const entry = this.contracts.get(type);
    if (!entry) throw new ContractViolationError(`unknown event type ${type}`);
    return entry.contract;
  }

  has(type: string): boolean {
    return this.contracts.has(type);
  }

  /** Throws ContractViolationError naming every offending field. */
  assertValid(type: string, data: unknown): void {
    const entry = this.contracts.get(type);
    if (!entry) throw new ContractViolationError(`unknown event type ${type}`);
    if (!entry.validate(data)) {
      const problems = (entry.validate.errors ?? []).map(
        (e) => `${e.instancePath || '/'} ${e.message ?? ''}`,
      );
      throw new ContractViolationError(`${type} does not match its schema: ${problems.join('; ')}`);
    }
  }

  topicsOf(types: Iterable<string>): string[] {
    return [...new Set([...types].map((type) => this.get(type).topic))];
  }
}
