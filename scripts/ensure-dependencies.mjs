// Runs before `npm start` and `npm test` with whatever `node` is on the machine: installs the
// project's dependencies (including the pinned Node 24 runtime from the `node` package) when they
// are missing or older than package-lock.json. Plain JavaScript on purpose: nothing is installed yet.
//
// `npm install` with the committed lock, not `npm ci`: the registry these machines reach lacks
// other platforms' optional binaries (e.g. @swc/core-darwin-arm64), so the lock cannot list them
// and `npm ci` refuses it as out of sync. `npm install` installs exactly the locked versions.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lockfile = join(root, 'package-lock.json');
const installed = join(root, 'node_modules', '.package-lock.json');
const pinnedNode = join(root, 'node_modules', '.bin', 'node');

const upToDate =
  existsSync(installed) &&
  existsSync(pinnedNode) &&
  statSync(installed).mtimeMs >= statSync(lockfile).mtimeMs;

if (!upToDate) {
  console.log('[setup] Installing dependencies, first run only…');
  const started = Date.now();
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('[setup] npm install failed. Check that the npm registry is reachable and try again.');
    process.exit(result.status ?? 1);
  }
  console.log(`[setup] Dependencies installed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}
