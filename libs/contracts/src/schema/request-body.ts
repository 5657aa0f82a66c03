import { TSchema } from '@sinclair/typebox';
import { Shape } from './shape';

/** Where a request class keeps its schema. */
const REQUEST_SCHEMA = Symbol('RequestSchema');

/**
 * A request class written as its schema:
 * `export class CreateWorkingGroupRequest extends RequestBody(createWorkingGroupSchema) {}`.
 * The class is what Nest hands to the validation pipe (`@Body()`, `@Payload()`) and what names the
 * shape in the API document; the pipe checks the request against the schema and hands on the
 * decoded plain object (texts trimmed and composed), and the document takes the schema as the
 * class's component. Its instances are the schema's Shape.
 */
export function RequestBody<S extends TSchema>(schema: S) {
  class SchemaRequest {
    static readonly [REQUEST_SCHEMA] = schema;
  }
  return SchemaRequest as unknown as new () => Shape<S>;
}

/** The schema of a class made by RequestBody, or undefined for any other (a class-validator class). */
export function requestSchemaOf(type: unknown): TSchema | undefined {
  return typeof type === 'function' ? (type as { [REQUEST_SCHEMA]?: TSchema })[REQUEST_SCHEMA] : undefined;
}

/** Kept under a symbol, which no published document shows. */
const GERMAN_MESSAGE = Symbol('GermanMessage');

/** German words for a refusal, by the constraint the validation messages name it with (`min`, `max`, …). */
export type OwnMessages = Readonly<Partial<Record<string, string>>>;

/**
 * The schema with a message of its own for a value it refuses (German, naming the field), instead of
 * the validation messages' general one: `withMessage(Type.String({ pattern }), 'ags ist …')`. A
 * length beyond its limits keeps the general words, which name the limit. With messages by
 * constraint (`{ min: 'capacity darf nicht negativ sein' }`) only those refusals have words of their
 * own.
 */
export function withMessage<S extends TSchema>(schema: S, message: string | OwnMessages): S {
  return { ...schema, [GERMAN_MESSAGE]: message };
}

const LENGTHS = ['maxLength', 'minLength'];

/** The schema's own words for a refusal of this constraint, or for a missing field without one. */
export function ownMessageOf(schema: TSchema, constraint?: string): string | undefined {
  const own = (schema as { [GERMAN_MESSAGE]?: string | OwnMessages })[GERMAN_MESSAGE];
  if (typeof own === 'string')
    return constraint !== undefined && LENGTHS.includes(constraint) ? undefined : own;
  return constraint === undefined ? undefined : own?.[constraint];
}
