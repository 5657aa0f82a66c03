import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { SERVICE_NODE_FLAGS } from '../../scripts/lib/platform-runner';

export const REPO_ROOT = join(__dirname, '..', '..');

/**
 * A Node program from the build output, run as its own process so a test can SIGKILL it.
 * Its stdout is kept, so a test can wait for the line that says it reached a certain point.
 */
export class ManagedProcess {
  private output = '';
  private exited?: Promise<number | null>;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  /** Starts `dist/<relativeScript>` with the pinned Node, the services' flags and the given environment. */
  static start(name: string, relativeScript: string, env: Record<string, string>): ManagedProcess {
    const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, join(REPO_ROOT, 'dist', relativeScript)], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new ManagedProcess(name, child);
  }

  get log(): string {
    return this.output;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  async waitForOutput(pattern: RegExp, timeoutMs = 30_000): Promise<RegExpMatchArray> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const match = this.output.match(pattern);
      if (match) return match;
      if (this.child.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(
      `${this.name} did not print ${pattern} within ${timeoutMs} ms. Output:\n${this.output.slice(-4000)}`,
    );
  }

  /** SIGKILL: no shutdown hooks, no flushing, like a crash or an OOM kill. */
  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    await this.exited;
  }

  async stop(timeoutMs = 10_000): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    await this.exited;
    clearTimeout(timer);
  }
}
