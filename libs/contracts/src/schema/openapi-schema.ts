import { TSchema } from '@sinclair/typebox';
import { JsonSchema, publishedJsonSchema } from './published-json-schema';

/**
 * A schema as the gateway's OpenAPI 3.0 document takes it: plain JSON without `$schema` (3.0 knows
 * no dialects), and a union with null written as the schema beside `nullable: true`, with null
 * among its `enum` (3.0's nullable does not widen an enum).
 */
export function openApiSchema(schema: TSchema): JsonSchema {
  return openApi30(publishedJsonSchema(schema)) as JsonSchema;
}

const isNull = (schema: unknown) => (schema as JsonSchema).type === 'null';

function openApi30(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(openApi30);
  if (value === null || typeof value !== 'object') return value;
  const { anyOf, ...rest } = value as Record<string, unknown>;
  delete rest.$schema;
  const variants = Array.isArray(anyOf) ? anyOf : undefined;
  const notNull = variants?.filter((variant) => !isNull(variant));
  if (variants && notNull?.length === 1 && variants.length === 2) {
    const schema: JsonSchema = { ...(notNull[0] as JsonSchema), ...rest, nullable: true };
    const values: unknown = schema.enum;
    return openApi30(Array.isArray(values) ? { ...schema, enum: [...(values as unknown[]), null] } : schema);
  }
  const plain = variants ? { ...rest, anyOf: variants } : rest;
  return Object.fromEntries(Object.entries(plain).map(([key, entry]) => [key, openApi30(entry)]));
}
