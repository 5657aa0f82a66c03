import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { mongo } from 'mongoose';
import { LOCALHOST, type InfraSettings } from '../settings';
import { recordDirOf } from './local-run';
import { ensureMavenJars } from './maven-jars';
import { startDetached, type ManagedProcess } from './processes';
import { runCommand } from './run-command';
import { Tools, type Tool } from './toolchain';
import { elapsedSince, waitUntilReady } from './wait-until-ready';

/** Keep in step with infra/mongo/pom.xml. */
export const MONGO_JAVA_SERVER_VERSION = '1.47.0';
const READY_TIMEOUT_MS = 30_000;
const LAUNCHER_CLASS = 'LocalMongoServer';

/**
 * Heap per profile. The test profile keeps everything in memory (a whole `npm test` writes about
 * 60 MB of documents); dev keeps its data in an H2 file and needs only a cache.
 */
const HEAP = { test: '1g', dev: '256m' } as const;

/**
 * mongo-java-server: a MongoDB wire-protocol server in Java whose updates of one document are atomic
 * (a conditional update, `$inc`, `findOneAndUpdate` act as one step under any concurrency), which the
 * platform relies on. The test profile runs its memory backend, dev its H2 file backend, which keeps
 * the data between starts. What it lacks against MongoDB: test/integration/database/README.md.
 */
export async function startLocalMongo(
  settings: InfraSettings,
  log: (line: string) => void,
): Promise<ManagedProcess> {
  const startedAt = Date.now();
  const classpath = await ensureMongoLauncher(settings, log);
  const mongoDir = join(settings.stateDir, 'mongo');
  await mkdir(mongoDir, { recursive: true });
  const port = settings.mongo.port.port;
  const storage = settings.keepsData ? join(mongoDir, 'data.mv') : 'memory';

  const server = await startDetached({
    name: 'mongo',
    command: 'java',
    args: [
      `-Xmx${HEAP[settings.profile]}`,
      // Its own log lines (slf4j-simple, on stderr) only from warnings up.
      '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn',
      // The marker: the state dir names this process among others of the same class.
      `-Dic.stateDir=${mongoDir}`,
      '-cp',
      classpath,
      LAUNCHER_CLASS,
      String(port),
      storage,
    ],
    cwd: mongoDir,
    marker: `-Dic.stateDir=${mongoDir}`,
    logFile: join(mongoDir, 'mongo.log'),
    recordDir: recordDirOf(settings),
    log,
  });
  await waitUntilReady(server, () => ping(`mongodb://${LOCALHOST}:${port}/`), READY_TIMEOUT_MS);
  log(
    `[infra] mongo-java-server ${MONGO_JAVA_SERVER_VERSION} ready on ${LOCALHOST}:${port}, ` +
      `${settings.keepsData ? 'data in an H2 file' : 'data in memory'} (${elapsedSince(startedAt)})`,
  );
  return server;
}

/** Java to run; Maven and the compiler only while jars and launcher are not cached yet. */
export async function mongoToolsNeeded(settings: InfraSettings): Promise<Tool[]> {
  const jars = existsSync(mongoLibsDir(settings));
  const launcher = existsSync(await launcherDir(settings));
  return [Tools.java, ...(jars ? [] : [Tools.maven]), ...(launcher ? [] : [Tools.javac])];
}

function mongoHome(settings: InfraSettings): string {
  return join(settings.cacheDir, `mongo-java-server-${MONGO_JAVA_SERVER_VERSION}`);
}

function mongoLibsDir(settings: InfraSettings): string {
  return join(mongoHome(settings), 'libs');
}

function launcherSource(settings: InfraSettings): string {
  return join(settings.repoRoot, 'infra', 'mongo', `${LAUNCHER_CLASS}.java`);
}

/** Named by the source's hash: an edited launcher is compiled anew. */
async function launcherDir(settings: InfraSettings): Promise<string> {
  const source = await readFile(launcherSource(settings));
  const hash = createHash('sha256').update(source).digest('hex').slice(0, 12);
  return join(mongoHome(settings), `launcher-${hash}`);
}

/** The jars from Maven and the launcher compiled against them; returns the classpath to run. */
async function ensureMongoLauncher(settings: InfraSettings, log: (line: string) => void): Promise<string> {
  const libsDir = await ensureMavenJars(
    {
      label: `mongo-java-server ${MONGO_JAVA_SERVER_VERSION}`,
      pom: join(settings.repoRoot, 'infra', 'mongo', 'pom.xml'),
      libsDir: mongoLibsDir(settings),
    },
    log,
  );
  const classesDir = await launcherDir(settings);
  if (!existsSync(classesDir)) {
    const scratchDir = `${classesDir}.partial`;
    await rm(scratchDir, { recursive: true, force: true });
    await runCommand('javac', ['-d', scratchDir, '-cp', join(libsDir, '*'), launcherSource(settings)]);
    await rename(scratchDir, classesDir);
  }
  return [classesDir, join(libsDir, '*')].join(':');
}

async function ping(uri: string): Promise<void> {
  const client = new mongo.MongoClient(uri, { serverSelectionTimeoutMS: 1_000, connectTimeoutMS: 1_000 });
  try {
    await client.db('admin').command({ ping: 1 });
  } finally {
    await client.close();
  }
}
