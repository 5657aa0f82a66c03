import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from '../../infra/src/local/run-command';
import { InfraSetupError, machineCacheDir } from '../../infra/src/settings';
import { REPO_ROOT } from '../../scripts/lib/platform-runner';

/**
 * Helm, to check the chart offline (`helm lint`, `helm template`): no cluster runs here, and no
 * release binary can be downloaded, so it is built from its Go module with the machine's `go` and kept
 * in the machine's cache (`~/.cache/ic-platform/helm/<version>/`, IC_CACHE_DIR), for every clone. The
 * first build took 5.5 to 7 min of wall time beside the other checks on the two-core machine (2.5 min of
 * CPU, the Kubernetes client libraries mostly); kept in the clone, every fresh clone (CI) built it again.
 */
export const HELM_VERSION = 'v4.3.2';
const HELM_MODULE = 'helm.sh/helm/v4';

export const HELM = join(machineCacheDir(), 'helm', HELM_VERSION, 'helm');

/** The chart of the platform, which the chart spec and `npm test` check. */
export const CHART_DIR = join(REPO_ROOT, 'deploy', 'helm', 'innovators-club');

/** Makes sure the pinned Helm is built and returns the path of its command. */
export async function ensureHelm(log: (line: string) => void): Promise<string> {
  if (existsSync(HELM)) return HELM;
  log(`[helm] building Helm ${HELM_VERSION} from its Go module into ${HELM} (takes minutes, once)…`);
  const started = Date.now();
  try {
    await runCommand(
      'go',
      [
        'install',
        '-trimpath',
        // What `helm version` says; the module's own default names only the minor version.
        `-ldflags=-s -w -X ${HELM_MODULE}/internal/version.version=${HELM_VERSION} -X ${HELM_MODULE}/internal/version.metadata=`,
        `${HELM_MODULE}/cmd/helm@${HELM_VERSION}`,
      ],
      { env: { ...process.env, GOBIN: join(HELM, '..'), GOFLAGS: '-buildvcs=false' } },
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new InfraSetupError(
        'Checking the Helm chart needs Go (1.24 or later) to build Helm: go was not found.',
      );
    }
    throw error;
  }
  log(`[helm] Helm ${HELM_VERSION} built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return HELM;
}

/** Runs the pinned Helm (built first if needed) and returns its stdout. */
export async function helm(args: readonly string[]): Promise<string> {
  return runCommand(await ensureHelm((line) => process.stderr.write(`${line}\n`)), args);
}
