import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { REPO_ROOT } from './platform-runner';

export interface StepResult {
  readonly name: string;
  readonly ok: boolean;
  readonly seconds: number;
  /** The step that ran at the same time, for the summary. */
  readonly beside?: string;
}

export interface StepOptions {
  readonly env?: Record<string, string>;
  /**
   * For a step that runs beside others: its output goes to this file and is printed as one block
   * when the step ends, so that their lines do not interleave.
   */
  readonly outputFile?: string;
}

/** Runs an npm-installed tool (or any command) in the repository, output straight to the terminal or to a file. */
export async function runStep(
  name: string,
  command: string,
  args: readonly string[],
  options: StepOptions = {},
): Promise<StepResult> {
  const started = Date.now();
  const { outputFile } = options;
  console.log(`\n▶ ${name}: ${[command, ...args].join(' ')}`);
  if (outputFile)
    console.log(
      `  (side by side with other steps: its output follows when it ends, meanwhile in ${outputFile})`,
    );
  const code = await new Promise<number>((resolve) => {
    const output = outputFile ? createWriteStream(outputFile) : undefined;
    const child = spawn(command, args, {
      cwd: REPO_ROOT,
      stdio: output ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env: { ...process.env, ...options.env },
    });
    if (output) {
      child.stdout?.pipe(output, { end: false });
      child.stderr?.pipe(output, { end: false });
    }
    // 'close', not 'exit': the pipes have delivered everything into the file.
    child.once('close', (exitCode, signal) => {
      const exit = exitCode ?? (signal ? 1 : 0);
      if (output) output.end(() => resolve(exit));
      else resolve(exit);
    });
    child.once('error', () => resolve(127));
  });
  const result = { name, ok: code === 0, seconds: (Date.now() - started) / 1000 };
  if (outputFile) {
    console.log(`\n▼ ${name}: output`);
    process.stdout.write(readFileSync(outputFile, 'utf8'));
  }
  console.log(`${result.ok ? '✔' : '✘'} ${name} (${result.seconds.toFixed(1)} s)`);
  return result;
}

export function npx(tool: string): string {
  return `${REPO_ROOT}/node_modules/.bin/${tool}`;
}
