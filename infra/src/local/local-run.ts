import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { InfraSettings } from '../settings';
import {
  cleanUpAfterEarlierRun,
  readLiveRecords,
  stopRecordedProcesses,
  type ProcessRecord,
} from './processes';

/** Where the pid records of the profile's processes live. */
export function recordDirOf(settings: InfraSettings): string {
  return join(settings.stateDir, 'pids');
}

/**
 * Before local processes start: refuses while another program runs this profile, stops what a crashed
 * earlier run left behind, and empties the test profile's data.
 */
export async function prepareLocalRun(settings: InfraSettings, log: (line: string) => void): Promise<void> {
  await cleanUpAfterEarlierRun(
    recordDirOf(settings),
    (record) =>
      `The ${settings.profile} infrastructure is already running (${record.name} pid ${record.pid}, ` +
      `started by pid ${record.owner.pid}: ${record.owner.commandLine}). ` +
      `Use it, or stop it with: npx tsx infra/src/cli.ts down --profile ${settings.profile}`,
    log,
  );
  if (!settings.keepsData) await rm(settings.stateDir, { recursive: true, force: true });
  await mkdir(settings.stateDir, { recursive: true });
}

/** Stops the local processes of the profile, whoever started them; returns how many there were. */
export function stopLocalRun(settings: InfraSettings, log: (line: string) => void): Promise<number> {
  return stopRecordedProcesses(recordDirOf(settings), log);
}

export function localRunProcesses(settings: InfraSettings): Promise<ProcessRecord[]> {
  return readLiveRecords(recordDirOf(settings));
}
