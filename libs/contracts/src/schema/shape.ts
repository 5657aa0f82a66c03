import { FormatRegistry, Kind, Static, TProperties, TSchema, Type, TypeRegistry } from '@sinclair/typebox';

/**
 * One definition per shape: a TypeBox schema is JSON Schema (ajv checks it as it is) and its
 * TypeScript type is derived from it, so a field is written once for the type, the event
 * contract and the API document.
 */
export { Type } from '@sinclair/typebox';
export type { Static, TSchema } from '@sinclair/typebox';

type DeepReadonly<T> = T extends readonly (infer Item)[]
  ? readonly DeepReadonly<Item>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** The type a schema describes, read-only all the way down as the domain's values are. */
export type Shape<S extends TSchema> = DeepReadonly<Static<S>>;

/** A string of 1 to `maxLength` characters. */
export function Text(maxLength: number) {
  return Type.String({ minLength: 1, maxLength });
}

/** Any UUID version, as the path parameters and class-validator's IsUUID('all') take them. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// TypeBox's own checker (the requests' pipe) knows no format until it is told; ajv knows uuid.
FormatRegistry.Set('uuid', (value) => UUID.test(value));

export function Uuid() {
  return Type.String({ format: 'uuid' });
}

/** An instant in ISO 8601 with offset, as every event states its times. */
export function Timestamp() {
  return Type.String({ format: 'date-time' });
}

const ONE_OF = 'OneOf';
TypeRegistry.Set(ONE_OF, (schema: { enum: readonly unknown[] }, value) => schema.enum.includes(value));

/**
 * One of these words, published as a bare `enum` (no `type` beside it). Its own kind, so that
 * TypeBox's checker can check it too (a bare Unsafe has no check).
 */
export function OneOf<const Values extends readonly string[]>(values: Values) {
  return Type.Unsafe<Values[number]>({ [Kind]: ONE_OF, enum: [...values] });
}

/** Whether TypeBox's checker refused the value as outside a OneOf. */
export function isOneOf(schema: TSchema): boolean {
  return schema[Kind] === ONE_OF;
}

/** An object with exactly these properties; `Type.Optional` marks the ones that may be missing. */
export function ClosedObject<Properties extends TProperties>(properties: Properties) {
  return Type.Object(properties, { additionalProperties: false });
}

const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** The data of an event: a closed object that names its dialect, as published to outside readers. */
export function EventDataSchema<Properties extends TProperties>(properties: Properties) {
  return Type.Object(properties, { $schema: JSON_SCHEMA_DIALECT, additionalProperties: false });
}
