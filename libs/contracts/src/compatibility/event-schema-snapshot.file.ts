import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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

/** The file's JSON; the script formats it as the repository's Prettier settings want. */
export function eventSchemaSnapshotJson(eventSchemas: EventSchemaSnapshot): string {
  const file: SnapshotFile = {
    comment:
      'The published JSON Schema of every event type. Recorded by `npm run contracts:snapshot`, which refuses ' +
      'a breaking change of a recorded type; libs/contracts/src/compatibility/published-event-schemas.spec.ts ' +
      'fails on one.',
    eventSchemas,
  };
  return JSON.stringify(file, null, 2);
}
