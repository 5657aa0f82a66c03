// Runs before `npm start` and `npm test` with whatever `node` is on the machine: installs the
// project's dependencies (including the pinned Node 24 runtime from the `node` package) when they
// are missing or older than package-lock.json. Plain JavaScript on purpose: nothing is installed yet.
//
// `npm ci`, not `npm install`: it installs exactly what package-lock.json lists and never rewrites
// it, so a fresh clone stays clean after either README command. The lock lists every platform's
// optional binaries (e.g. @swc/core-darwin-arm64); `npm ci` fails when package.json and the lock
// disagree, which is the moment to run `npm install` by hand and commit the lock.
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
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('[setup] npm ci failed. Check that the npm registry is reachable and try again.');
    process.exit(result.status ?? 1);
  }
  console.log(`[setup] Dependencies installed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}
