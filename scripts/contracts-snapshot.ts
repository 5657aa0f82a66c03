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
  readEventSchemaSnapshot,
  writeEventSchemaSnapshot,
} from '../libs/contracts/src/compatibility/event-schema-snapshot.file';
import { existsSync } from 'node:fs';

function main(): number {
  const published = existsSync(EVENT_SCHEMA_SNAPSHOT_FILE) ? readEventSchemaSnapshot() : {};
  const comparison = compareWithSnapshot(published, allEventContracts);
  const refusals = explainBreakingChanges(comparison);
  if (refusals.length > 0) {
    console.error(`✘ Not recorded: ${refusals.length} published event type(s) would break.\n`);
    for (const refusal of refusals) console.error(`  ${refusal}\n`);
    return 1;
  }
  writeEventSchemaSnapshot(eventSchemaSnapshotOf(allEventContracts));
  const count = (list: readonly string[], what: string) =>
    `${list.length} ${what}${list.length ? `: ${list.join(', ')}` : ''}`;
  console.log(`✔ ${EVENT_SCHEMA_SNAPSHOT_FILE}: ${allEventContracts.length} event types`);
  console.log(`  ${count(comparison.added, 'new')}`);
  console.log(`  ${count(comparison.grown, 'grown compatibly')}`);
  return 0;
}

process.exit(main());
