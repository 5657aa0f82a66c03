import { isDeepStrictEqual } from 'node:util';
import { EventContract } from '../events/event-contract';
import { JsonSchema } from '../schema';
import { BreakingChange, breakingChanges } from './schema-compatibility';

/** The schema of every published event type, by type: what readers out there rely on. */
export type EventSchemaSnapshot = Readonly<Record<string, JsonSchema>>;

export interface SnapshotComparison {
  /** Published types whose current schema breaks their readers, or that are gone. */
  readonly breaking: readonly { readonly type: string; readonly changes: readonly BreakingChange[] }[];
  /** Types not published yet. */
  readonly added: readonly string[];
  /** Published types whose schema grew compatibly. */
  readonly grown: readonly string[];
}

export function eventSchemaSnapshotOf(contracts: readonly EventContract<unknown>[]): EventSchemaSnapshot {
  const sorted = [...contracts].sort((a, b) => a.type.localeCompare(b.type));
  return Object.fromEntries(sorted.map((contract) => [contract.type, contract.schema]));
}

export function compareWithSnapshot(
  published: EventSchemaSnapshot,
  contracts: readonly EventContract<unknown>[],
): SnapshotComparison {
  const current = eventSchemaSnapshotOf(contracts);
  const breaking: { type: string; changes: BreakingChange[] }[] = [];
  const grown: string[] = [];
  for (const [type, schema] of Object.entries(published)) {
    const now = current[type];
    if (!now) {
      breaking.push({ type, changes: [{ path: '/', change: 'event type removed' }] });
      continue;
    }
    const changes = breakingChanges(schema, now);
    if (changes.length > 0) breaking.push({ type, changes });
    else if (!isDeepStrictEqual(schema, now)) grown.push(type);
  }
  const added = Object.keys(current).filter((type) => !(type in published));
  return { breaking, added, grown };
}

/** One sentence per broken type, saying what broke and what to do instead. */
export function explainBreakingChanges(comparison: SnapshotComparison): string[] {
  return comparison.breaking.map(({ type, changes }) => {
    const what = changes.map(({ path, change }) => `${path}: ${change}`).join('; ');
    return (
      `${type} is published and this change breaks its readers (${what}). A breaking change needs a new ` +
      `version of the type: keep ${type} as it is and add ${nextVersionOf(type)} with the new schema.`
    );
  });
}

export function nextVersionOf(type: string): string {
  return type.replace(/\.v(\d+)$/, (_, version: string) => `.v${Number(version) + 1}`);
}
