import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InfraSetupError } from '../settings';

const STOP_GRACE_MS = 15_000;
const KILL_WAIT_MS = 5_000;
const POLL_MS = 100;

/** What a started process leaves on disk, so that a later run can find and stop it. */
export interface ProcessRecord {
  readonly name: string;
  /** Also its process group id: every process is started as the leader of its own group. */
  readonly pid: number;
  /** A string in its command line (its state dir): a reused pid of another program never matches. */
  readonly marker: string;
  readonly logFile: string;
  readonly owner: { readonly pid: number; readonly commandLine: string };
}

export interface ManagedProcess {
  readonly name: string;
  readonly pid: number;
  readonly logFile: string;
  /** Set once the process has exited, e.g. `code 1` or `signal SIGKILL`. */
  readonly exitDescription: string | undefined;
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly marker: string;
  readonly logFile: string;
  readonly recordDir: string;
  readonly log: (line: string) => void;
}

/**
 * Starts a process detached in its own process group with output appended to its log file,
 * so that it outlives a crash of its owner and can be stopped as a whole, children included.
 */
export async function startDetached(options: StartOptions): Promise<ManagedProcess> {
  const logFd = openSync(options.logFile, 'a');
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: true,
    stdio: ['ignore', logFd, logFd],
  });
  try {
    await new Promise<void>((resolvePromise, reject) => {
      child.once('spawn', resolvePromise);
      child.once('error', reject);
    });
  } finally {
    closeSync(logFd);
  }
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${options.name} started without a pid`);
  child.unref();

  const record: ProcessRecord = {
    name: options.name,
    pid,
    marker: options.marker,
    logFile: options.logFile,
    owner: { pid: process.pid, commandLine: (await commandLineOf(process.pid)) ?? '' },
  };
  await mkdir(options.recordDir, { recursive: true });
  const recordFile = join(options.recordDir, `${options.name}.json`);
  await writeFile(recordFile, JSON.stringify(record, null, 2));

  let exitDescription: string | undefined;
  let stopping = false;
  child.once('exit', (code, signal) => {
    exitDescription = signal ? `signal ${signal}` : `code ${code}`;
    if (!stopping) {
      options.log(`[infra] ${options.name} exited unexpectedly (${exitDescription}); see ${options.logFile}`);
    }
  });

  return {
    name: options.name,
    pid,
    logFile: options.logFile,
    get exitDescription() {
      return exitDescription;
    },
    async stop() {
      stopping = true;
      await stopProcessGroup(pid, options.name);
      await rm(recordFile, { force: true });
    },
  };
}

/** SIGTERM to the whole group, SIGKILL if it lingers; returns once no member is left. */
export async function stopProcessGroup(pgid: number, name: string): Promise<void> {
  // A negative pid addresses the process group.
  if (!sendSignal(-pgid, 'SIGTERM')) return;
  if (await waitForGroupExit(pgid, STOP_GRACE_MS)) return;
  if (!sendSignal(-pgid, 'SIGKILL')) return;
  if (await waitForGroupExit(pgid, KILL_WAIT_MS)) return;
  throw new Error(`${name} (process group ${pgid}) is still running after SIGKILL`);
}

/** Records in the directory whose process still runs; records of finished processes are removed. */
export async function readLiveRecords(recordDir: string): Promise<ProcessRecord[]> {
  let files: string[];
  try {
    files = (await readdir(recordDir)).filter((file) => file.endsWith('.json'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const live: ProcessRecord[] = [];
  for (const file of files) {
    const path = join(recordDir, file);
    const record = await readRecord(path);
    if (record === undefined) continue;
    if ((await commandLineOf(record.pid))?.includes(record.marker)) live.push(record);
    else await rm(path, { force: true });
  }
  return live;
}

/** Undefined when the owner removed the record in the meantime, having stopped its process. */
async function readRecord(path: string): Promise<ProcessRecord | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as ProcessRecord;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export async function isOwnerAlive(record: ProcessRecord): Promise<boolean> {
  return (await commandLineOf(record.owner.pid)) === record.owner.commandLine;
}

/**
 * Stops what the records describe. An owner that still runs (a foreground `up`, a test run) is asked
 * to stop first, so that it shuts down cleanly instead of finding its processes gone.
 */
export async function stopRecordedProcesses(recordDir: string, log: (line: string) => void): Promise<number> {
  const live = await readLiveRecords(recordDir);
  const owners = new Map<number, string>();
  for (const record of live) {
    if (record.owner.pid !== process.pid && (await isOwnerAlive(record))) {
      owners.set(record.owner.pid, record.owner.commandLine);
    }
  }
  for (const [pid, commandLine] of owners) {
    log(`[infra] asking pid ${pid} (${commandLine}) to stop`);
    sendSignal(pid, 'SIGTERM');
  }
  // An owner that stops cleanly exits after its processes; one that just dies leaves them to us below.
  await Promise.all([...owners.keys()].map((pid) => waitForProcessExit(pid, STOP_GRACE_MS + KILL_WAIT_MS)));
  for (const record of await readLiveRecords(recordDir)) {
    log(`[infra] stopping ${record.name} (pid ${record.pid})`);
    await stopProcessGroup(record.pid, record.name);
    await rm(join(recordDir, `${record.name}.json`), { force: true });
  }
  return live.length;
}

/** Throws if another program still owns processes of this profile; stops processes a crashed run left. */
export async function cleanUpAfterEarlierRun(
  recordDir: string,
  describeOwnedRun: (record: ProcessRecord) => string,
  log: (line: string) => void,
): Promise<void> {
  const live = await readLiveRecords(recordDir);
  for (const record of live) {
    if (await isOwnerAlive(record)) throw new InfraSetupError(describeOwnedRun(record));
  }
  for (const record of live) {
    log(`[infra] stopping ${record.name} (pid ${record.pid}) left behind by an earlier run`);
    await stopProcessGroup(record.pid, record.name);
    await rm(join(recordDir, `${record.name}.json`), { force: true });
  }
}

/** The full command line of a running process, or undefined when there is none (zombies count as none). */
async function commandLineOf(pid: number): Promise<string | undefined> {
  const line = (await ps(['-ww', '-o', 'stat=', '-o', 'args=', '-p', String(pid)])).trim();
  if (line === '' || line.startsWith('Z')) return undefined;
  return line.slice(line.indexOf(' ') + 1).trim();
}

/**
 * Runs ps in a process group of its own, so that a Ctrl-C meant for us does not kill it halfway through
 * a clean stop. Exit code 1 with no output means "no such process".
 */
function ps(args: readonly string[]): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('ps', args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.once('error', reject);
    child.once('close', (code, signal) => {
      const output = Buffer.concat(stdout).toString('utf8');
      if (code === 0 || (code === 1 && output.trim() === '')) resolvePromise(output);
      else
        reject(
          new Error(
            `ps ${args.join(' ')} failed (${signal ?? `code ${code}`}): ${Buffer.concat(stderr).toString('utf8')}`,
          ),
        );
    });
  });
}

/** False when there is no such process (group) any more. */
function sendSignal(target: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(target, signal);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}

async function waitForGroupExit(pgid: number, timeoutMs: number): Promise<boolean> {
  return waitFor(async () => !(await isGroupAlive(pgid)), timeoutMs);
}

async function waitForProcessExit(pid: number, timeoutMs: number): Promise<boolean> {
  return waitFor(async () => (await commandLineOf(pid)) === undefined, timeoutMs);
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await sleep(POLL_MS);
  }
  return condition();
}

/** Zombies do not count: a member that has exited but whose parent has not reaped it yet is gone. */
async function isGroupAlive(pgid: number): Promise<boolean> {
  const stdout = await ps(['-A', '-o', 'pgid=', '-o', 'stat=']);
  return stdout.split('\n').some((line) => {
    const [group, state] = line.trim().split(/\s+/);
    return Number(group) === pgid && state !== undefined && !state.startsWith('Z');
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolvePromise) => setTimeout(resolvePromise, ms));
}
