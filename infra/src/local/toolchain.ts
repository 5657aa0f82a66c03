import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { InfraSetupError } from '../settings';
import { runCommand } from './run-command';

export interface Tool {
  readonly command: string;
  readonly aptPackage: string;
  /** Where the package puts the command, when the caller runs it by that path rather than from PATH. */
  readonly path?: string;
  /** For a package without a command of its own: a file it installs, whose presence means it is there. */
  readonly marker?: string;
}

/** Debian's Chromium, which the browser tests launch (Playwright cannot download its own here). */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export const Tools = {
  java: { command: 'java', aptPackage: 'openjdk-17-jre-headless' },
  maven: { command: 'mvn', aptPackage: 'maven' },
  javac: { command: 'javac', aptPackage: 'openjdk-17-jdk-headless' },
  chromium: { command: 'chromium', aptPackage: 'chromium', path: DEBIAN_CHROMIUM },
  // Without its German texts Chromium draws date and time fields in US format ("03/30/2086", "09:30 AM").
  chromiumGermanTexts: {
    command: 'chromium (German texts)',
    aptPackage: 'chromium-l10n',
    marker: '/usr/lib/chromium/locales/de.pak',
  },
} as const satisfies Record<string, Tool>;

/** Variables naming another Chromium or Chrome executable for the browser tests; the first set wins. */
export const CHROMIUM_PATH_VARIABLES = ['IC_CHROMIUM', 'CHROME_PATH'] as const;

/** The Chromium the browser tests launch: IC_CHROMIUM, else CHROME_PATH, else Debian's. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  for (const variable of CHROMIUM_PATH_VARIABLES) {
    const path = env[variable];
    if (path) return path;
  }
  return DEBIAN_CHROMIUM;
}

/**
 * Makes sure the browser tests' Chromium exists and returns its path: one named by a variable must
 * be executable; otherwise Debian's `chromium` package and its German texts are installed when missing
 * (see ensureTools).
 */
export async function ensureChromium(
  log: (line: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const path = chromiumPath(env);
  const variable = CHROMIUM_PATH_VARIABLES.find((name) => env[name]);
  if (variable) {
    if (await isExecutable(path)) return path;
    throw new InfraSetupError(`${variable}=${path} is not an executable file.`);
  }
  await ensureTools([Tools.chromium, Tools.chromiumGermanTexts], log);
  return path;
}

/**
 * Makes sure the commands exist. As root with apt available it installs what is missing;
 * otherwise it fails with one line per missing command naming the package to install.
 */
export async function ensureTools(tools: readonly Tool[], log: (line: string) => void): Promise<void> {
  const missing = await missingTools(tools);
  if (missing.length === 0) return;

  const commands = missing.map((tool) => tool.command).join(', ');
  if (
    await installDebianPackages(
      missing.map((tool) => tool.aptPackage),
      `${commands} not found`,
      log,
    )
  ) {
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

/**
 * Installs Debian packages with apt-get when this runs as root where apt exists; false otherwise (the
 * caller then says what to install).
 */
export async function installDebianPackages(
  packages: readonly string[],
  reason: string,
  log: (line: string) => void,
): Promise<boolean> {
  if (process.getuid?.() !== 0 || !(await findOnPath('apt-get'))) return false;
  log(`[infra] ${reason}: installing ${packages.join(' ')} with apt-get…`);
  const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await runCommand('apt-get', ['update'], { env: aptEnv });
  await runCommand('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { env: aptEnv });
  return true;
}

async function missingTools(tools: readonly Tool[]): Promise<Tool[]> {
  const found = await Promise.all(
    tools.map((tool) => {
      if (tool.marker) return exists(tool.marker);
      return tool.path ? isExecutable(tool.path) : findOnPath(tool.command);
    }),
  );
  return tools.filter((_, index) => !found[index]);
}

async function findOnPath(command: string): Promise<boolean> {
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    if (await isExecutable(join(dir, command))) return true;
  }
  return false;
}

function exists(path: string): Promise<boolean> {
  return access(path, constants.F_OK).then(
    () => true,
    () => false,
  );
}

function isExecutable(path: string): Promise<boolean> {
  return access(path, constants.X_OK).then(
    () => true,
    () => false,
  );
}
