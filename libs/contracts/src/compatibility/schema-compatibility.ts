import { isDeepStrictEqual } from 'node:util';
import { JsonSchema } from '../schema';

/** One way a new schema breaks readers of the published one, at a JSON pointer into the data. */
export interface BreakingChange {
  readonly path: string;
  readonly change: string;
}

type Schema = JsonSchema | boolean;

/** Words for people; they change nothing about which data is valid. */
const ANNOTATIONS = new Set(['title', 'description', 'examples', '$comment', 'default', 'deprecated']);
/** A larger value asks more of the data. */
const LOWER_BOUNDS = ['minLength', 'minItems', 'minProperties', 'minimum', 'exclusiveMinimum'];
/** A smaller value asks more of the data. */
const UPPER_BOUNDS = ['maxLength', 'maxItems', 'maxProperties', 'maximum', 'exclusiveMaximum'];
/** Constraints whose new values cannot be compared with the old: any new or other value breaks. */
const OPAQUE_CONSTRAINTS = ['pattern', 'format', 'multipleOf', 'const'];
const HANDLED = new Set([
  'type',
  'properties',
  'required',
  'enum',
  'uniqueItems',
  'additionalProperties',
  'items',
  ...LOWER_BOUNDS,
  ...UPPER_BOUNDS,
  ...OPAQUE_CONSTRAINTS,
]);

/**
 * What a new schema of a published event type breaks. Events are kept forever and replayed from
 * the beginning, and outside readers rely on the fields they know, so a published version may only
 * grow: a new optional field, a new enum value, a looser limit. Everything else breaks: a field
 * removed, retyped, newly required or no longer required, an enum value removed, a limit or pattern
 * tightened or changed, a closed object, and any change of a keyword this check does not know.
 */
export function breakingChanges(published: JsonSchema, current: JsonSchema): BreakingChange[] {
  const changes: BreakingChange[] = [];
  compare(published, current, '', changes);
  return changes;
}

function compare(published: Schema, current: Schema, path: string, changes: BreakingChange[]): void {
  const at = path || '/';
  const report = (change: string) => changes.push({ path: at, change });
  if (typeof published === 'boolean' || typeof current === 'boolean') {
    if (current !== true && !isDeepStrictEqual(published, current)) report('schema replaced');
    return;
  }
  compareType(published, current, report);
  compareProperties(published, current, path, changes);
  compareEnum(published, current, report);
  for (const keyword of LOWER_BOUNDS)
    compareBound(keyword, published, current, report, (was, now) => now > was);
  for (const keyword of UPPER_BOUNDS)
    compareBound(keyword, published, current, report, (was, now) => now < was);
  for (const keyword of OPAQUE_CONSTRAINTS) {
    if (current[keyword] !== undefined && !isDeepStrictEqual(published[keyword], current[keyword])) {
      report(`${keyword} ${describeChange(published[keyword], current[keyword])}`);
    }
  }
  if (current.uniqueItems === true && published.uniqueItems !== true) report('uniqueItems now required');
  compareAdditionalProperties(published, current, path, changes);
  if (published.items !== undefined && current.items !== undefined) {
    compare(published.items as Schema, current.items as Schema, `${path}/items`, changes);
  } else if (current.items !== undefined) report('items now constrained');
  for (const keyword of new Set([...Object.keys(published), ...Object.keys(current)])) {
    if (HANDLED.has(keyword) || ANNOTATIONS.has(keyword)) continue;
    if (!isDeepStrictEqual(published[keyword], current[keyword])) {
      report(`${keyword} changed (this check cannot tell whether that is compatible)`);
    }
  }
}

function compareType(published: JsonSchema, current: JsonSchema, report: (change: string) => void): void {
  if (current.type === undefined) return;
  const types = (schema: JsonSchema) => [schema.type ?? []].flat().map(String).sort();
  if (!isDeepStrictEqual(types(published), types(current))) {
    report(`type changed from ${types(published).join('|') || 'any'} to ${types(current).join('|')}`);
  }
}

function compareProperties(
  published: JsonSchema,
  current: JsonSchema,
  path: string,
  changes: BreakingChange[],
): void {
  const was = (published.properties ?? {}) as Record<string, Schema>;
  const now = (current.properties ?? {}) as Record<string, Schema>;
  const wasRequired = new Set((published.required ?? []) as string[]);
  const nowRequired = new Set((current.required ?? []) as string[]);
  for (const [name, schema] of Object.entries(was)) {
    const fieldPath = `${path}/${name}`;
    if (!(name in now)) {
      changes.push({ path: fieldPath, change: 'field removed' });
      continue;
    }
    if (wasRequired.has(name) && !nowRequired.has(name)) {
      changes.push({ path: fieldPath, change: 'no longer required' });
    }
    compare(schema, now[name], fieldPath, changes);
  }
  for (const name of nowRequired) {
    if (wasRequired.has(name)) continue;
    const change = name in was ? 'now required' : 'new required field';
    changes.push({ path: `${path}/${name}`, change });
  }
}

function compareEnum(published: JsonSchema, current: JsonSchema, report: (change: string) => void): void {
  if (current.enum === undefined) return;
  if (published.enum === undefined) {
    report('enum added');
    return;
  }
  const now = current.enum as unknown[];
  const removed = (published.enum as unknown[]).filter(
    (value) => !now.some((v) => isDeepStrictEqual(v, value)),
  );
  if (removed.length > 0)
    report(`enum narrowed: ${removed.map((value) => JSON.stringify(value)).join(', ')} removed`);
}

function compareBound(
  keyword: string,
  published: JsonSchema,
  current: JsonSchema,
  report: (change: string) => void,
  tighter: (was: number, now: number) => boolean,
): void {
  const now = current[keyword];
  if (typeof now !== 'number') return;
  const was = published[keyword];
  if (typeof was !== 'number') report(`${keyword} ${now} added`);
  else if (tighter(was, now)) report(`${keyword} tightened from ${was} to ${now}`);
}

function compareAdditionalProperties(
  published: JsonSchema,
  current: JsonSchema,
  path: string,
  changes: BreakingChange[],
): void {
  const was = (published.additionalProperties ?? true) as Schema;
  const now = (current.additionalProperties ?? true) as Schema;
  if (now === true || isDeepStrictEqual(was, now)) return;
  if (was === true || now === false) {
    changes.push({ path: path || '/', change: 'additional properties now refused' });
    return;
  }
  if (was !== false) compare(was, now, `${path}/*`, changes);
}

function describeChange(was: unknown, now: unknown): string {
  return was === undefined
    ? `${JSON.stringify(now)} added`
    : `changed from ${JSON.stringify(was)} to ${JSON.stringify(now)}`;
}
