import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { runCommand } from './run-command';

export interface MavenJars {
  /** What the jars are, for the progress line, e.g. `Kafka 3.9.1`. */
  readonly label: string;
  /** The pom.xml whose runtime dependencies are the jars. */
  readonly pom: string;
  /** Where they go (in the cache, outside the work tree). */
  readonly libsDir: string;
}

/** Resolves a pom's runtime jars with Maven into libsDir once; later calls find them there. */
export async function ensureMavenJars(
  { label, pom, libsDir }: MavenJars,
  log: (line: string) => void,
): Promise<string> {
  if (existsSync(libsDir)) return libsDir;

  log(`[infra] resolving ${label} jars from Maven (first run only)…`);
  // Into a scratch folder first, so that an interrupted download never looks complete.
  const scratchDir = `${libsDir}.partial`;
  await rm(scratchDir, { recursive: true, force: true });
  await runCommand('mvn', [
    '-q',
    '-B',
    '-f',
    pom,
    'dependency:copy-dependencies',
    '-DincludeScope=runtime',
    `-DoutputDirectory=${scratchDir}`,
  ]);
  await rename(scratchDir, libsDir);
  return libsDir;
}
