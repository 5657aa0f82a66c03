import { spawn } from 'node:child_process';
import { REPO_ROOT } from './platform-runner';

export interface StepResult {
  readonly name: string;
  readonly ok: boolean;
  readonly seconds: number;
}

/** Runs an npm-installed tool (or any command) in the repository, output straight to the terminal. */
export async function runStep(
  name: string,
  command: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<StepResult> {
  const started = Date.now();
  console.log(`\n▶ ${name}: ${[command, ...args].join(' ')}`);
  const code = await new Promise<number>((resolve) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
    child.once('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
    child.once('error', () => resolve(127));
  });
  const result = { name, ok: code === 0, seconds: (Date.now() - started) / 1000 };
  console.log(`${result.ok ? '✔' : '✘'} ${name} (${result.seconds.toFixed(1)} s)`);
  return result;
}

export function npx(tool: string): string {
  return `${REPO_ROOT}/node_modules/.bin/${tool}`;
}
