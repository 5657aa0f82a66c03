import {
  Evaluate,
  FormatRegistry,
  Kind,
  KindGuard,
  SchemaOptions,
  Static,
  TObject,
  TProperties,
  TSchema,
  Type,
  TypeRegistry,
} from '@sinclair/typebox';
import { fullFormats } from 'ajv-formats/dist/formats';

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

// The same check as ajv's (ajv-formats), which checks the events: a time a request takes, its event carries.
const DATE_TIME = fullFormats['date-time'] as { validate: (value: string) => boolean };
FormatRegistry.Set('date-time', (value) => DATE_TIME.validate(value));

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

/** An object with exactly the properties of these objects together (an id next to a body). */
export function ClosedComposite<Schemas extends TObject[]>(schemas: [...Schemas]) {
  return Type.Composite(schemas, { additionalProperties: false });
}

const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** The data of an event: a closed object that names its dialect, as published to outside readers. */
export function EventDataSchema<Properties extends TProperties>(properties: Properties) {
  return Type.Object(properties, { $schema: JSON_SCHEMA_DIALECT, additionalProperties: false });
}

type Merged<Base extends TProperties, Fields extends TProperties> = Evaluate<
  Omit<Base, keyof Fields> & Fields
>;

/**
 * `base` with `fields` added; a field `base` already has keeps its place and takes the new schema
 * (a change event that always has an actor makes the shared `by` required). `required` lists the
 * base's first and then the new ones: the order the published change events have, which a plain
 * object in property order would not keep.
 */
export function Extended<Base extends TObject, Fields extends TProperties>(
  base: Base,
  fields: Fields,
): TObject<Merged<Base['properties'], Fields>> {
  const properties: TProperties = { ...base.properties, ...fields };
  const options = Object.fromEntries(
    Object.entries(base).filter(([key]) => !['type', 'required', 'properties'].includes(key)),
  );
  const schema = Type.Object(properties as Merged<Base['properties'], Fields>, options);
  const stillRequired = (key: string) => !KindGuard.IsOptional(properties[key]);
  const baseRequired = (base.required ?? []).filter(stillRequired);
  const added = Object.keys(fields).filter((key) => stillRequired(key) && !baseRequired.includes(key));
  const required = [...baseRequired, ...added];
  return required.length > 0 ? { ...schema, required } : schema;
}

/** A value of `schema` or null; the OpenAPI 3.0 document writes it as `nullable: true`. */
export function Nullable<S extends TSchema>(schema: S, options?: SchemaOptions) {
  return Type.Union([schema, Type.Null()], options);
}

/**
 * A copy of `value` with only what `schema` describes (the named properties of each object, all the
 * way down), so that whatever else a sender put in never goes further, e.g. into an HTTP answer.
 * A schema it cannot follow throws rather than pass the value on unread.
 */
export function pickShape<S extends TSchema>(schema: S, value: Shape<S>): Shape<S> {
  return pick(schema, value) as Shape<S>;
}

function pick(schema: TSchema, value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const variants = (schema.anyOf as TSchema[] | undefined)?.filter((variant) => variant.type !== 'null');
  if (variants?.length === 1) return pick(variants[0], value);
  if (Array.isArray(value) && schema.type === 'array') {
    return value.map((item: unknown) => pick(schema.items as TSchema, item));
  }
  const properties = schema.properties as TProperties | undefined;
  if (!Array.isArray(value) && schema.type === 'object' && properties) {
    const source = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(properties)
        .filter(([key]) => source[key] !== undefined)
        .map(([key, property]) => [key, pick(property, source[key])]),
    );
  }
  const [entries, ...others] = Object.values((schema.patternProperties ?? {}) as TProperties);
  if (!Array.isArray(value) && schema.type === 'object' && entries && others.length === 0) {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, pick(entries, entry)]));
  }
  throw new Error(`pickShape cannot follow the schema ${JSON.stringify(schema)} into a value`);
}

/** A copy of a schema with other options, e.g. the description of one property that uses it. */
export { CloneType } from '@sinclair/typebox';

/** A whole number of something, with the example (and the words) the API document shows for it. */
export function Count(example: number, description?: string) {
  return Type.Integer(description === undefined ? { example } : { example, description });
}
