import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat on Linux. */
const TICKS_PER_SECOND = 100;

export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kib / 1024;
}

/** CPU time (user + system) the process (or one of its threads) has used so far, in seconds. */
export function cpuSeconds(pid: number, thread?: number): number {
  const stat = readFileSync(
    thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`,
    'utf8',
  );
  // The command name in parentheses may contain spaces; the fields after it are fixed.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** Measures how busy each process is between `start()` and `stop()`, as a share of one core. */
export class CpuMeter {
  private readonly startedAt = performance.now();
  private readonly before: Map<string, number>;

  constructor(private readonly processes: readonly { readonly name: string; readonly pid: number }[]) {
    this.before = new Map(processes.map((process) => [process.name, cpuSeconds(process.pid)]));
  }

  /** Per process: CPU seconds used divided by the wall seconds passed (1 = one core fully busy). */
  read(): Record<string, number> {
    const seconds = (performance.now() - this.startedAt) / 1000;
    return Object.fromEntries(
      this.processes.map((process) => [
        process.name,
        (cpuSeconds(process.pid) - (this.before.get(process.name) ?? 0)) / seconds,
      ]),
    );
  }
}

/** The process listening on a loopback port (Kafka, the database, the mail sink), if `ss` can tell. */
export function pidListeningOn(port: number): number | undefined {
  try {
    const output = execFileSync('ss', ['-Hltnp', `sport = :${port}`], { encoding: 'utf8' });
    const pid = /pid=(\d+)/.exec(output)?.[1];
    return pid ? Number(pid) : undefined;
  } catch {
    return undefined;
  }
}
