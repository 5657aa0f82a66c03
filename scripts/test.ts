/**
 * `npm test`: format, lint, type checks (backend and web), build (services and web app), then unit
 * and web component tests, integration, end-to-end and browser tests, and the check that every
 * event they produced matches the published contracts. The integration, end-to-end and browser
 * tests get real infrastructure from the provider (the environment, Docker via testcontainers, or
 * local processes), started here and stopped at the end; the end-to-end tests include the API fuzzer,
 * schemathesis, in a Python environment made here. Steps that share nothing run side by side
 * (README, "What runs side by side"): the four checks; unit and web component tests; after the
 * integration tests (one worker per Kafka cluster), the end-to-end tests (two workers) and the browser
 * tests (two shards), each platform on a cluster and in databases of its own.
 */
import { quietKnownKafkajsWarnings } from '@ic/messaging';
import { provideInfrastructure, type Infrastructure } from '@ic/infra';
import { ensureChromium } from '../infra/src/local/toolchain';
import { ensureSchemathesis } from '../test/api-fuzz/schemathesis';
import { ensureHelm, HELM_VERSION } from '../deploy/helm/helm-tool';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './lib/platform-runner';
import { newPlatformSecrets } from './lib/platform-secrets';
import { npx, runStep, StepResult } from './lib/steps';
import {
  CONFORMANCE_POSITIONS_VARIABLE,
  recordStreamPositions,
  skipLeftoversOfEarlierTests,
} from '../test/conformance/stream-positions';
import { BROWSER_CACHE_DIR } from '../test/browser/support/browser-settings';
import {
  DATABASE_PREFIX_VARIABLE,
  KAFKA_CLUSTERS_BY_WORKER_VARIABLE,
} from '../test/support/test-infrastructure';

const RESULTS_DIR = join(REPO_ROOT, '.cache', 'test-results');
const WEB_CONFIG = join('web', 'vite.config.mts');
const BROWSER_CONFIG = join('test', 'browser', 'playwright.config.ts');

/**
 * Workers of the end-to-end tests. Their time is mostly waiting (for mails, consumers, the scheduler),
 * so two platforms and the browser tests' one share two cores well; more would compete for the CPU.
 */
const E2E_WORKERS = 2;

/** Shards of the browser tests, each with a platform and a Chromium of its own, beside the e2e workers. */
const BROWSER_SHARDS = 2;

/** The outage tests' ports (two workers, 30 each) start here, clear of the e2e workers' (13000) and the browser shards' (14000). */
const OUTAGE_PORT_BASE = 15000;

/** The JSON report of jest (`--json`); Vitest's JSON reporter writes the same fields. */
interface JestSummary {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
}

/** The part of Playwright's JSON report the summary counts. */
interface PlaywrightSummary {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
}

interface TestCounts {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
}

/**
 * A jest project. The unit tests one worker per core; the integration tests one worker per
 * Kafka cluster (workers: test files side by side never share a topic or a consumer group); the
 * e2e tests one worker per cluster given to them (each worker's platform with its own cluster,
 * databases and ports); the conformance check one.
 */
function jestProject(
  project: string,
  options: { env?: Record<string, string>; workers?: number; outputFile?: string } = {},
): Promise<StepResult> {
  const workers = options.workers ?? 1;
  const args = [
    '--selectProjects',
    project,
    '--json',
    `--outputFile=${join(RESULTS_DIR, `${project}.json`)}`,
  ];
  args.push(workers > 1 ? `--maxWorkers=${workers}` : '--runInBand');
  if (process.env.CI) args.push('--ci');
  const name = `${project} tests${workers > 1 ? ` (${workers} workers)` : ''}`;
  return runStep(name, npx('jest'), args, { env: options.env, outputFile: options.outputFile });
}

/** The web app's component tests (Vitest, jsdom), with a JSON report beside jest's. */
function webComponentTests(outputFile?: string): Promise<StepResult> {
  return runStep(
    'web component tests',
    npx('vitest'),
    [
      'run',
      '--config',
      WEB_CONFIG,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${join(RESULTS_DIR, 'web.json')}`,
    ],
    { outputFile },
  );
}

/**
 * Playwright in Debian's Chromium against a platform of its own (see test/browser/playwright.config.ts).
 * Screenshots go to the cache: a test run leaves the README's in docs/screenshots/ as they are. One
 * shard of `shards` (Playwright's --shard: whole files) on its Kafka cluster, in databases
 * `browser<shard>_<service>`, on ports 10 apart, with its own output directory and JSON report.
 */
function browserTests(
  env: Record<string, string>,
  shard: { index: number; of: number; cluster: string; outputFile?: string },
): Promise<StepResult> {
  const args = ['test', '--config', BROWSER_CONFIG];
  if (shard.of > 1) args.push(`--shard=${shard.index}/${shard.of}`);
  const portBase = Number(process.env.IC_BROWSER_PORT_BASE ?? 14000) + 10 * (shard.index - 1);
  const name = shard.of > 1 ? `browser tests (${shard.index}/${shard.of})` : 'browser tests';
  return runStep(name, npx('playwright'), args, {
    env: {
      ...env,
      KAFKA_BROKERS: shard.cluster,
      [DATABASE_PREFIX_VARIABLE]: `browser${shard.index}`,
      IC_BROWSER_PORT_BASE: String(portBase),
      IC_BROWSER_CACHE_DIR: join(BROWSER_CACHE_DIR, `shard-${shard.index}`),
      IC_BROWSER_RESULTS_FILE: join(RESULTS_DIR, `browser-${shard.index}.json`),
      IC_SCREENSHOTS_DIR: join(BROWSER_CACHE_DIR, 'screenshots'),
    },
    outputFile: shard.outputFile,
  });
}

/**
 * The Kafka clusters of the end-to-end tests (one per worker) and of the browser tests (one per
 * shard). With clusters enough (the local test profile starts four), two e2e workers and two browser
 * shards run side by side, each platform on a cluster of its own: a platform's consumer groups are
 * named by service, so two platforms on one cluster would take each other's events. With a single
 * cluster (your own Kafka, testcontainers) everything runs on it, one step after the other.
 */
function clustersForPlatformTests(clusters: readonly string[]): {
  e2e: string[];
  browser: string[];
  sideBySide: boolean;
} {
  if (clusters.length < 2) return { e2e: [clusters[0]], browser: [clusters[0]], sideBySide: false };
  const e2e = clusters.slice(0, Math.min(E2E_WORKERS, clusters.length - 1));
  const browser = clusters.slice(e2e.length, e2e.length + BROWSER_SHARDS);
  return { e2e, browser, sideBySide: true };
}

/** Steps at the same time (each collecting its output, see runStep), marked as such for the summary. */
async function sideBySide(runs: Promise<StepResult>[]): Promise<StepResult[]> {
  const results = await Promise.all(runs);
  return results.map((result) => ({
    ...result,
    beside: results
      .filter((other) => other !== result)
      .map((other) => other.name)
      .join(', '),
  }));
}

function readResults<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

function jestCounts(name: string): TestCounts | undefined {
  const summary = readResults<JestSummary>(join(RESULTS_DIR, `${name}.json`));
  return (
    summary && {
      passed: summary.numPassedTests,
      failed: summary.numFailedTests,
      skipped: summary.numPendingTests,
    }
  );
}

/** The counts of every browser shard's report. */
function playwrightCounts(): TestCounts[] {
  return readdirSync(RESULTS_DIR)
    .filter((file) => /^browser-\d+\.json$/.test(file))
    .map((file) => readResults<PlaywrightSummary>(join(RESULTS_DIR, file))?.stats)
    .filter((stats) => stats !== undefined)
    .map((stats) => ({
      // A flaky test passed on a retry; the config allows none, so this stays 0.
      passed: stats.expected + stats.flaky,
      failed: stats.unexpected,
      skipped: stats.skipped,
    }));
}

async function main(): Promise<number> {
  quietKnownKafkajsWarnings();
  // Every process of the run (some 200 service starts, the test runners, the checks) keeps V8's
  // compiled code of the modules it loads and reuses that of the ones before: a service loads its
  // modules with about 95 ms less CPU (620 → 525 ms).
  process.env.NODE_COMPILE_CACHE ??= join(REPO_ROOT, '.cache', 'node-compile-cache');
  // Only this run's reports count: a step that does not run leaves none behind.
  rmSync(RESULTS_DIR, { recursive: true, force: true });
  mkdirSync(RESULTS_DIR, { recursive: true });
  const started = Date.now();
  const steps: StepResult[] = [];

  // The four checks side by side: one process each, eslint the longest (about 45 s of CPU); beside
  // them Helm for the chart's spec among the unit tests, built once (2.5 min of CPU), then found.
  const checks = await sideBySide([
    ...(
      [
        ['format', npx('prettier'), ['--check', '.']],
        ['lint', npx('eslint'), ['.', '--max-warnings', '0']],
        ['type check', npx('tsc'), ['-p', 'tsconfig.json', '--noEmit']],
        ['web type check', npx('tsc'), ['-p', join('web', 'tsconfig.json'), '--noEmit']],
      ] as const
    ).map(([name, command, args]) =>
      runStep(name, command, args, { outputFile: join(RESULTS_DIR, `${name.replaceAll(' ', '-')}.log`) }),
    ),
    helmForTheChartCheck(),
  ]);
  steps.push(...checks);
  if (checks.some((check) => !check.ok)) return finish(steps, started);

  for (const [name, command, args] of [
    ['build', 'npm', ['run', 'build']],
    // On the fresh build: the web's API types must be those of this gateway (npm run api:generate).
    ['web API types', npx('tsx'), [join('scripts', 'api-types.ts'), '--check']],
  ] as const) {
    const result = await runStep(name, command, args);
    steps.push(result);
    if (!result.ok) return finish(steps, started);
  }

  // Side by side: jest's unit tests on every core, and Vitest, whose one worker needs about a third of
  // a core (VM contexts, see web/vite.config.mts); jest's default (one worker less than the cores)
  // left a core of two half idle.
  steps.push(
    ...(await sideBySide([
      jestProject('unit', { outputFile: join(RESULTS_DIR, 'unit.log'), workers: availableParallelism() }),
      webComponentTests(join(RESULTS_DIR, 'web.log')),
    ])),
  );

  let infrastructure: Infrastructure | undefined;
  try {
    const infraStarted = Date.now();
    infrastructure = await provideInfrastructure({ profile: 'test', log: (line) => console.log(line) });
    steps.push({
      name: `infrastructure (${infrastructure.source})`,
      ok: true,
      seconds: (Date.now() - infraStarted) / 1000,
    });
    const env = {
      KAFKA_BROKERS: infrastructure.kafkaBrokers.join(','),
      MONGODB_URI: infrastructure.mongodbUri,
      SMTP_HOST: infrastructure.smtp.host,
      SMTP_PORT: String(infrastructure.smtp.port),
      MAIL_SINK_URL: infrastructure.mailSinkUrl,
      // One set of secrets for every test file of this run (staff accounts are bootstrapped once).
      IC_TEST_SECRETS: JSON.stringify(newPlatformSecrets()),
    };
    const clusters = infrastructure.isolatedKafkaClusters;
    steps.push(
      await jestProject('integration', {
        env: { ...env, [KAFKA_CLUSTERS_BY_WORKER_VARIABLE]: JSON.stringify(clusters) },
        workers: clusters.length,
      }),
    );

    const platforms = clustersForPlatformTests(clusters);
    const used = [...new Set([...platforms.e2e, ...platforms.browser])];
    const positions = join(RESULTS_DIR, 'streams-before-e2e.json');
    await Promise.all(used.map((cluster) => skipLeftoversOfEarlierTests(cluster.split(','))));
    await recordStreamPositions(used, positions);
    // Once here, not in each shard's global setup at once (two apt-get runs would collide); the
    // API fuzz test's Python environment likewise, before the e2e workers start.
    const browserEnv = { ...env, IC_CHROMIUM: await ensureChromium((line) => console.log(line)) };
    await ensureSchemathesis((line) => console.log(line));
    const collect = (name: string) => (platforms.sideBySide ? join(RESULTS_DIR, `${name}.log`) : undefined);
    const e2e = () =>
      jestProject('e2e', {
        env: { ...env, [KAFKA_CLUSTERS_BY_WORKER_VARIABLE]: JSON.stringify(platforms.e2e) },
        workers: platforms.e2e.length,
        outputFile: collect('e2e'),
      });
    const browser = (cluster: string, index: number) =>
      browserTests(browserEnv, {
        index: index + 1,
        of: platforms.browser.length,
        cluster,
        outputFile: collect(`browser-${index + 1}`),
      });
    if (platforms.sideBySide) {
      steps.push(...(await sideBySide([e2e(), ...platforms.browser.map(browser)])));
    } else {
      steps.push(await e2e(), await browser(platforms.browser[0], 0));
    }
    // After the end-to-end and browser tests, on their clusters: what they produced must match the contracts.
    steps.push(
      await jestProject('conformance', { env: { ...env, [CONFORMANCE_POSITIONS_VARIABLE]: positions } }),
    );
    // Alone, on a Kafka and a database of their own that they stop and start, the two files side by
    // side on ports of their own from OUTAGE_PORT_BASE (test/support/outage-setup.ts), mostly waiting
    // for a server to come back. Beside the browser tests the machine was too busy for their 503s to
    // come in time; beside the last e2e files the API fuzzer's run went past its timeout.
    steps.push(
      await jestProject('outage', {
        env: { ...env, IC_E2E_PORT_BASE: String(OUTAGE_PORT_BASE) },
        workers: 2,
      }),
    );
  } catch (error) {
    console.error(`✘ ${error instanceof Error ? error.message : String(error)}`);
    steps.push({ name: 'infrastructure', ok: false, seconds: 0 });
  } finally {
    await infrastructure?.stop();
  }
  return finish(steps, started);
}

/** Helm for the chart's spec (test/unit/helm-chart.spec.ts), built from its Go module when missing. */
async function helmForTheChartCheck(): Promise<StepResult> {
  const name = `Helm ${HELM_VERSION}`;
  const started = Date.now();
  const ok = await ensureHelm((line) => console.log(line)).then(
    () => true,
    (error: unknown) => {
      console.error(`✘ ${name}: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    },
  );
  return { name, ok, seconds: (Date.now() - started) / 1000 };
}

function finish(steps: readonly StepResult[], started: number): number {
  const counts = [
    ...['unit', 'web', 'integration', 'e2e', 'conformance', 'outage'].map(jestCounts),
    ...playwrightCounts(),
  ].filter((c): c is TestCounts => !!c);
  const passed = counts.reduce((sum, c) => sum + c.passed, 0);
  const failed = counts.reduce((sum, c) => sum + c.failed, 0);
  const skipped = counts.reduce((sum, c) => sum + c.skipped, 0);
  console.log('\nSummary');
  for (const step of steps) {
    const beside = step.beside ? `   (beside ${step.beside})` : '';
    console.log(
      `  ${step.ok ? '✔' : '✘'} ${step.name.padEnd(34)} ${step.seconds.toFixed(1).padStart(7)} s${beside}`,
    );
  }
  console.log(`  total ${((Date.now() - started) / 1000).toFixed(0)} s on Node ${process.versions.node}`);
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  return steps.every((step) => step.ok) && failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
