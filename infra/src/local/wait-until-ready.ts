import { readFile } from 'node:fs/promises';
import { sleep, type ManagedProcess } from './processes';

const POLL_MS = 200;

/**
 * Polls the probe until it succeeds. Fails at once, with the end of its log, when the process exits,
 * and after the timeout with the probe's last error; a process that never became ready is stopped.
 */
export async function waitUntilReady(
  managed: ManagedProcess,
  probe: () => Promise<void>,
  timeoutMs: number,
): Promise<void> {
  try {
    await pollUntilReady(managed, probe, timeoutMs);
  } catch (error) {
    await managed.stop();
    throw error;
  }
}

async function pollUntilReady(
  managed: ManagedProcess,
  probe: () => Promise<void>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (managed.exitDescription !== undefined) {
      throw new Error(
        `${managed.name} exited during startup (${managed.exitDescription}). ` +
          `End of ${managed.logFile}:\n${await logTail(managed.logFile)}`,
      );
    }
    try {
      await probe();
      return;
    } catch (error) {
      lastError = error;
    }
    await sleep(POLL_MS);
  }
  const reason = lastError instanceof Error ? lastError.message : String(lastError);
  throw new Error(
    `${managed.name} was not ready after ${timeoutMs / 1000} s (last check: ${reason}). See ${managed.logFile}`,
  );
}

async function logTail(logFile: string): Promise<string> {
  const content = await readFile(logFile, 'utf8');
  return content.trimEnd().split('\n').slice(-20).join('\n');
}

export function elapsedSince(startedAt: number): string {
  return `${((Date.now() - startedAt) / 1000).toFixed(1)} s`;
}
