/**
 * `npm run contracts:snapshot`: records the JSON Schema of every event type as published, in
 * libs/contracts/snapshots/event-schemas.json, which the compatibility check compares against.
 * Records new types and compatible growth; refuses a breaking change of a recorded type.
 */
import { allEventContracts } from '@ic/contracts';
import {
  compareWithSnapshot,
  eventSchemaSnapshotOf,
  explainBreakingChanges,
} from '../libs/contracts/src/compatibility';
import {
  EVENT_SCHEMA_SNAPSHOT_FILE,
  eventSchemaSnapshotJson,
  readEventSchemaSnapshot,
} from '../libs/contracts/src/compatibility/event-schema-snapshot.file';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { format, resolveConfig } from 'prettier';

async function main(): Promise<number> {
  const published = existsSync(EVENT_SCHEMA_SNAPSHOT_FILE) ? readEventSchemaSnapshot() : {};
  const comparison = compareWithSnapshot(published, allEventContracts);
  const refusals = explainBreakingChanges(comparison);
  if (refusals.length > 0) {
    console.error(`✘ Not recorded: ${refusals.length} published event type(s) would break.\n`);
    for (const refusal of refusals) console.error(`  ${refusal}\n`);
    return 1;
  }
  // Formatted as `npm run format` would, so that the format check of `npm test` passes.
  const options = (await resolveConfig(EVENT_SCHEMA_SNAPSHOT_FILE)) ?? {};
  const json = eventSchemaSnapshotJson(eventSchemaSnapshotOf(allEventContracts));
  mkdirSync(dirname(EVENT_SCHEMA_SNAPSHOT_FILE), { recursive: true });
  writeFileSync(
    EVENT_SCHEMA_SNAPSHOT_FILE,
    await format(json, { ...options, filepath: EVENT_SCHEMA_SNAPSHOT_FILE }),
  );
  const count = (list: readonly string[], what: string) =>
    `${list.length} ${what}${list.length ? `: ${list.join(', ')}` : ''}`;
  console.log(`✔ ${EVENT_SCHEMA_SNAPSHOT_FILE}: ${allEventContracts.length} event types`);
  console.log(`  ${count(comparison.added, 'new')}`);
  console.log(`  ${count(comparison.grown, 'grown compatibly')}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
