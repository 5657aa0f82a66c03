import { JsonSchema, publishedJsonSchema, Shape, TSchema } from '../schema';

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

/** What a contract is written with: the data's schema, and an example the compiler checks against it. */
export type EventDefinition<Schema extends TSchema> = Omit<EventContract<Shape<Schema>>, 'schema'> & {
  readonly schema: Schema;
};

const TYPE_PATTERN = /^de\.dstgb\.ic\.[a-z]+\.[A-Za-z]+\.v\d+$/;

/** The contract as published: its schema plain JSON, its data the type the schema describes. */
export function defineEvent<Schema extends TSchema>(
  contract: EventDefinition<Schema>,
): EventContract<Shape<Schema>> {
  if (!TYPE_PATTERN.test(contract.type)) {
    throw new Error(`Event type ${contract.type} does not follow de.dstgb.ic.<service>.<Fact>.v<n>`);
  }
  return { ...contract, schema: publishedJsonSchema(contract.schema) };
}

export type EventData<C> = C extends EventContract<infer T> ? T : never;
