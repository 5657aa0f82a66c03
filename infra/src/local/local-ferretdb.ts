import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mongo } from 'mongoose';
import { InfraSetupError, LOCALHOST, type InfraSettings } from '../settings';
import { recordDirOf } from './local-run';
import { startDetached, type ManagedProcess } from './processes';
import { runCommand } from './run-command';
import { Tools, type Tool } from './toolchain';
import { elapsedSince, waitUntilReady } from './wait-until-ready';

export const FERRETDB_VERSION = 'v1.24.2';
const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';
/** FerretDB 1.24's go.mod asks for it; an older Go refuses to build the module. */
const MINIMUM_GO = [1, 24] as const;
const READY_TIMEOUT_MS = 30_000;

/**
 * FerretDB 1.24's SQLite backend looks `_id` up as `_ferretdb_sjson->'$._id'` but indexes it as
 * `_ferretdb_sjson->"_id"`. SQLite uses an expression index only for the same expression, so every
 * find, update and delete by `_id` read the whole table (EXPLAIN QUERY PLAN: SCAN instead of SEARCH
 * USING INDEX). The build looks it up as `->'_id'`, the index's expression, with the same result.
 */
const ID_LOOKUP_PATCH = {
  file: join('internal', 'backends', 'sqlite', 'metadata', 'metadata.go'),
  from: `IDColumn = DefaultColumn + "->'$._id'"`,
  to: `IDColumn = DefaultColumn + "->'_id'"`,
  /** Part of the binary's name, so that a binary built without the patch is not used. */
  marker: 'id-index',
} as const;

export async function startLocalFerretdb(
  settings: InfraSettings,
  log: (line: string) => void,
): Promise<ManagedProcess> {
  const startedAt = Date.now();
  const binary = await ensureFerretdbBinary(settings, log);
  const ferretdbDir = join(settings.stateDir, 'ferretdb');
  const dataDir = join(ferretdbDir, 'data');
  await mkdir(dataDir, { recursive: true });
  const port = settings.ferretdb.port.port;

  const ferretdb = await startDetached({
    name: 'ferretdb',
    command: binary,
    args: [
      '--handler=sqlite',
      // The trailing slash matters: FerretDB wants a directory URI, one SQLite file per database.
      `--sqlite-url=file:${dataDir}/`,
      `--state-dir=${ferretdbDir}`,
      `--listen-addr=${LOCALHOST}:${port}`,
      `--debug-addr=${LOCALHOST}:${settings.ferretdb.debugPort.port}`,
      '--telemetry=disable',
      '--log-level=WARN',
    ],
    cwd: ferretdbDir,
    marker: `--state-dir=${ferretdbDir}`,
    logFile: join(ferretdbDir, 'ferretdb.log'),
    recordDir: recordDirOf(settings),
    log,
  });
  await waitUntilReady(ferretdb, () => ping(`mongodb://${LOCALHOST}:${port}/`), READY_TIMEOUT_MS);
  log(`[infra] FerretDB ready on ${LOCALHOST}:${port} (${elapsedSince(startedAt)})`);
  return ferretdb;
}

/** Go only while the binary is not cached yet. */
export function ferretdbToolsNeeded(settings: InfraSettings): Tool[] {
  return existsSync(ferretdbBinary(settings)) ? [] : [Tools.go];
}

function ferretdbBinary(settings: InfraSettings): string {
  return join(settings.cacheDir, 'bin', `ferretdb-${FERRETDB_VERSION}-${ID_LOOKUP_PATCH.marker}`);
}

/**
 * `go install …@v1.24.2` does not work for FerretDB: the proxy refuses the version list that go install
 * needs for its deprecation check, and a plain build panics at start because the module ships without
 * build/version/version.txt. So: download the module, copy it, add the version file, patch the `_id`
 * lookup (ID_LOOKUP_PATCH), build the copy.
 */
async function ensureFerretdbBinary(settings: InfraSettings, log: (line: string) => void): Promise<string> {
  const binary = ferretdbBinary(settings);
  if (existsSync(binary)) return binary;

  await assertGoIsRecentEnough();
  log(
    `[infra] building FerretDB ${FERRETDB_VERSION} from the Go module proxy (first run only, about a minute)…`,
  );
  const buildRoot = join(settings.cacheDir, 'build');
  await mkdir(buildRoot, { recursive: true });
  const scratchDir = await mkdtemp(join(buildRoot, 'ferretdb-'));
  try {
    // A go.work of the surrounding environment must not leak into this build.
    const goEnv = { ...process.env, GOWORK: 'off' };
    await runCommand('go', ['mod', 'init', 'ic-platform/ferretdb-build'], { cwd: scratchDir, env: goEnv });
    const download = await runCommand(
      'go',
      ['mod', 'download', '-json', `${FERRETDB_MODULE}@${FERRETDB_VERSION}`],
      {
        cwd: scratchDir,
        env: goEnv,
      },
    );
    const moduleDir = (JSON.parse(download) as { Dir: string }).Dir;

    const sourceDir = join(scratchDir, 'src');
    await cp(moduleDir, sourceDir, { recursive: true });
    await runCommand('chmod', ['-R', 'u+w', sourceDir]);
    await writeFile(join(sourceDir, 'build', 'version', 'version.txt'), FERRETDB_VERSION);
    await patchIdLookup(sourceDir);

    await mkdir(join(settings.cacheDir, 'bin'), { recursive: true });
    const partialBinary = `${binary}.partial`;
    await runCommand('go', ['build', '-buildvcs=false', '-o', partialBinary, './cmd/ferretdb'], {
      cwd: sourceDir,
      env: goEnv,
    });
    await rename(partialBinary, binary);
    return binary;
  } finally {
    await rm(scratchDir, { recursive: true, force: true });
  }
}

async function patchIdLookup(sourceDir: string): Promise<void> {
  const file = join(sourceDir, ID_LOOKUP_PATCH.file);
  const source = await readFile(file, 'utf8');
  if (!source.includes(ID_LOOKUP_PATCH.from)) {
    throw new InfraSetupError(
      `FerretDB ${FERRETDB_VERSION}: ${ID_LOOKUP_PATCH.file} no longer has the line to patch`,
    );
  }
  await writeFile(file, source.replace(ID_LOOKUP_PATCH.from, ID_LOOKUP_PATCH.to));
}

async function assertGoIsRecentEnough(): Promise<void> {
  const version = (await runCommand('go', ['env', 'GOVERSION'])).trim();
  const [major = 0, minor = 0] = (/^go(\d+)\.(\d+)/.exec(version) ?? []).slice(1).map(Number);
  if (major < MINIMUM_GO[0] || (major === MINIMUM_GO[0] && minor < MINIMUM_GO[1])) {
    throw new InfraSetupError(
      `FerretDB ${FERRETDB_VERSION} needs Go ${MINIMUM_GO.join('.')} or newer to build, found ${version}. ` +
        'Install a newer Go (the apt package golang of older distributions is too old).',
    );
  }
}

async function ping(uri: string): Promise<void> {
  const client = new mongo.MongoClient(uri, { serverSelectionTimeoutMS: 1_000, connectTimeoutMS: 1_000 });
  try {
    await client.db('admin').command({ ping: 1 });
  } finally {
    await client.close();
  }
}
