import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { InfraSetupError } from '../settings';
import { runCommand } from './run-command';

export interface Tool {
  readonly command: string;
  readonly aptPackage: string;
}

export const Tools = {
  java: { command: 'java', aptPackage: 'openjdk-17-jre-headless' },
  maven: { command: 'mvn', aptPackage: 'maven' },
  go: { command: 'go', aptPackage: 'golang' },
} as const satisfies Record<string, Tool>;

/**
 * Makes sure the commands exist. As root with apt available it installs what is missing;
 * otherwise it fails with one line per missing command naming the package to install.
 */
export async function ensureTools(tools: readonly Tool[], log: (line: string) => void): Promise<void> {
  const missing = await missingTools(tools);
  if (missing.length === 0) return;

  if (process.getuid?.() === 0 && (await findOnPath('apt-get'))) {
    const packages = missing.map((tool) => tool.aptPackage);
    const commands = missing.map((tool) => tool.command).join(', ');
    log(`[infra] ${commands} not found: installing ${packages.join(' ')} with apt-get…`);
    const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    await runCommand('apt-get', ['update'], { env: aptEnv });
    await runCommand('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { env: aptEnv });
    if ((await missingTools(tools)).length === 0) return;
  }

  throw new InfraSetupError(
    (await missingTools(tools))
      .map(
        (tool) =>
          `${tool.command} is not installed. Install it with: sudo apt-get install -y ${tool.aptPackage}`,
      )
      .join('\n'),
  );
}

async function missingTools(tools: readonly Tool[]): Promise<Tool[]> {
  const found = await Promise.all(tools.map((tool) => findOnPath(tool.command)));
  return tools.filter((_, index) => !found[index]);
}

async function findOnPath(command: string): Promise<boolean> {
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    if (await isExecutable(join(dir, command))) return true;
  }
  return false;
}

function isExecutable(path: string): Promise<boolean> {
  return access(path, constants.X_OK).then(
    () => true,
    () => false,
  );
}
