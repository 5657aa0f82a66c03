import { JsonSchema, publishedJsonSchema, Shape, TSchema } from '../schema';

export type { JsonSchema } from '../schema';

const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** An object with exactly these properties, the required ones present. */
export function closedObjectSchema(
  required: readonly string[],
  properties: Record<string, JsonSchema>,
): JsonSchema {
  return { type: 'object', additionalProperties: false, required, properties };
}

/** The schema of an event's data: a closed object, with its dialect. */
export function eventDataSchema(
  required: readonly string[],
  properties: Record<string, JsonSchema>,
): JsonSchema {
  return { $schema: JSON_SCHEMA_DIALECT, ...closedObjectSchema(required, properties) };
}

/** A string of 1 to `maxLength` characters. */
export function textSchema(maxLength: number): JsonSchema {
  return { type: 'string', minLength: 1, maxLength };
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

/** What a contract is written with: the data's schema, and an example the compiler checks against it. */
export type EventDefinition<Schema extends TSchema> = Omit<EventContract<Shape<Schema>>, 'schema'> & {
  readonly schema: Schema;
};

/** The contract as published: its schema plain JSON, its data the type the schema describes. */
export function defineEvent<Schema extends TSchema>(
  contract: EventDefinition<Schema>,
): EventContract<Shape<Schema>>;
/** A contract whose schema is still written by hand, with its data type beside it (until all are TypeBox). */
export function defineEvent<TData>(
  contract: Omit<EventContract<TData>, 'schema'> & { readonly schema: JsonSchema },
): EventContract<TData>;
export function defineEvent(
  contract: Omit<EventContract<unknown>, 'schema'> & { readonly schema: TSchema | JsonSchema },
): EventContract<unknown> {
  if (!TYPE_PATTERN.test(contract.type)) {
    throw new Error(`Event type ${contract.type} does not follow de.dstgb.ic.<service>.<Fact>.v<n>`);
  }
  return { ...contract, schema: publishedJsonSchema(contract.schema) };
}

export type EventData<C> = C extends EventContract<infer T> ? T : never;
