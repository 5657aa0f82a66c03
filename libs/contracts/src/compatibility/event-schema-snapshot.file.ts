import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EventSchemaSnapshot } from './event-schema-snapshot';

/** Committed; written only by `npm run contracts:snapshot` (scripts/contracts-snapshot.ts). */
export const EVENT_SCHEMA_SNAPSHOT_FILE = join(__dirname, '..', '..', 'snapshots', 'event-schemas.json');

interface SnapshotFile {
  readonly comment: string;
  readonly eventSchemas: EventSchemaSnapshot;
}

export function readEventSchemaSnapshot(): EventSchemaSnapshot {
  return (JSON.parse(readFileSync(EVENT_SCHEMA_SNAPSHOT_FILE, 'utf8')) as SnapshotFile).eventSchemas;
}

export function writeEventSchemaSnapshot(eventSchemas: EventSchemaSnapshot): void {
  const file: SnapshotFile = {
    comment:
      'The published JSON Schema of every event type. Recorded by `npm run contracts:snapshot`, which refuses ' +
      'a breaking change of a recorded type; libs/contracts/src/compatibility/published-event-schemas.spec.ts ' +
      'fails on one.',
    eventSchemas,
  };
  mkdirSync(dirname(EVENT_SCHEMA_SNAPSHOT_FILE), { recursive: true });
  writeFileSync(EVENT_SCHEMA_SNAPSHOT_FILE, `${JSON.stringify(file, null, 2)}\n`);
}
