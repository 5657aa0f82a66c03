/** JSON Schema (draft 2020-12) of an event's data, as published for outside consumers. */
export type JsonSchema = Readonly<Record<string, unknown>>;

const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** The schema of an event's data: an object with exactly these properties. */
export function objectSchema(
  required: readonly string[],
  properties: Record<string, JsonSchema>,
): JsonSchema {
  return { $schema: JSON_SCHEMA_DIALECT, type: 'object', additionalProperties: false, required, properties };
}

/**
 * One published fact: its CloudEvents type (name and schema version), the topic it goes to and
 * the schema its data must satisfy, on produce and on consume.
 */
export interface EventContract<TData> {
  readonly type: string;
  readonly topic: string;
  readonly description: string;
  readonly schema: JsonSchema;
  readonly example: TData;
}

const TYPE_PATTERN = /^de\.dstgb\.ic\.[a-z]+\.[A-Za-z]+\.v\d+$/;

export function defineEvent<TData>(contract: EventContract<TData>): EventContract<TData> {
  if (!TYPE_PATTERN.test(contract.type)) {
    throw new Error(`Event type ${contract.type} does not follow de.dstgb.ic.<service>.<Fact>.v<n>`);
  }
  return contract;
}

export type EventData<C> = C extends EventContract<infer T> ? T : never;
