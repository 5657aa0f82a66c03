import { TSchema } from '@sinclair/typebox';

/** JSON Schema as plain JSON: no TypeBox symbols, keys in the order the published schemas have. */
export type JsonSchema = Readonly<Record<string, unknown>>;

/**
 * The keys that lead, in this order; the rest follow in the order they were written. The published
 * snapshot (libs/contracts/snapshots) was written by hand in this order, and TypeBox puts `type`
 * last, so without it every unchanged event would show as changed.
 */
const LEADING_KEYS = ['$schema', 'type', 'additionalProperties', 'required', 'properties'];

export function publishedJsonSchema(schema: TSchema | JsonSchema): JsonSchema {
  return plainJson(schema) as JsonSchema;
}

function plainJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plainJson);
  if (value === null || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  const keys = Object.keys(source);
  const ordered = [
    ...LEADING_KEYS.filter((key) => keys.includes(key)),
    ...keys.filter((key) => !LEADING_KEYS.includes(key)),
  ];
  return Object.fromEntries(ordered.map((key) => [key, plainJson(source[key])]));
}
