import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from '../../infra/src/local/run-command';
import { installDebianPackages } from '../../infra/src/local/toolchain';
import { REPO_ROOT } from '../../scripts/lib/platform-runner';

/** Where the fuzzer runs: its Python environment, and its own cache (`.schemathesis/`, kept out of the repo). */
export const SCHEMATHESIS_HOME = join(REPO_ROOT, '.cache', 'schemathesis');
/** The fuzzer's own Python environment, made by the test command (pip installs from its package index). */
const VENV = join(SCHEMATHESIS_HOME, 'venv');
const REQUIREMENTS = join(__dirname, 'requirements.txt');

export const SCHEMATHESIS = join(VENV, 'bin', 'schemathesis');

/** The one version requirements.txt pins, e.g. `4.32.5`. */
function pinnedVersion(): string {
  const pin = /^schemathesis==(\S+)$/m.exec(readFileSync(REQUIREMENTS, 'utf8'));
  if (!pin) throw new Error(`${REQUIREMENTS} pins no schemathesis version`);
  return pin[1];
}

async function installedVersion(): Promise<string | undefined> {
  if (!existsSync(SCHEMATHESIS)) return undefined;
  const output = await runCommand(SCHEMATHESIS, ['--version']).catch(() => '');
  return /version (\S+)/.exec(output)?.[1];
}

/** `python3 -m venv`; Debian's Python needs its python3-venv package for that, installed when missing. */
async function makeVirtualEnvironment(log: (line: string) => void): Promise<void> {
  try {
    await runCommand('python3', ['-m', 'venv', '--clear', VENV]);
  } catch (error) {
    const installed = await installDebianPackages(['python3-venv'], 'python3 -m venv failed', log);
    if (!installed) {
      throw new Error(
        `The API fuzz test needs Python 3 with venv (Debian: sudo apt-get install -y python3-venv).\n${String(error)}`,
      );
    }
    await runCommand('python3', ['-m', 'venv', '--clear', VENV]);
  }
}

/**
 * Makes sure the pinned schemathesis is installed in .cache/schemathesis/venv and returns the path of
 * its command. Once installed, this only asks it for its version.
 */
export async function ensureSchemathesis(log: (line: string) => void): Promise<string> {
  const pinned = pinnedVersion();
  if ((await installedVersion()) === pinned) return SCHEMATHESIS;
  log(`[api fuzz] installing schemathesis ${pinned} into ${VENV}…`);
  await makeVirtualEnvironment(log);
  await runCommand(join(VENV, 'bin', 'pip'), [
    'install',
    '--quiet',
    '--disable-pip-version-check',
    '--requirement',
    REQUIREMENTS,
  ]);
  const installed = await installedVersion();
  if (installed !== pinned)
    throw new Error(`schemathesis ${pinned} was installed, but it reports ${installed}`);
  return SCHEMATHESIS;
}
