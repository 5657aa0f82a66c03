/**
 * `npm test`: format, lint, type checks (backend and web), build (services and web app), then unit
 * and web component tests, integration, end-to-end and browser tests, and the check that every
 * event they produced matches the published contracts. The integration, end-to-end and browser
 * tests get real infrastructure from the provider (the environment, Docker via testcontainers, or
 * local processes), started here and stopped at the end. The integration tests run in one worker per
 * Kafka cluster; the end-to-end tests (two workers) and the browser tests run side by side, each
 * platform on a cluster and in databases of its own (README, "What runs side by side").
 */
import { quietKnownKafkajsWarnings } from '@ic/messaging';
import { provideInfrastructure, type Infrastructure } from '@ic/infra';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './lib/platform-runner';
import { newPlatformSecrets } from './lib/platform-secrets';
import { npx, runStep, StepResult } from './lib/steps';
import {
  CONFORMANCE_POSITIONS_VARIABLE,
  recordStreamPositions,
  skipLeftoversOfEarlierTests,
} from '../test/conformance/stream-positions';
import { BROWSER_CACHE_DIR, BROWSER_RESULTS_FILE } from '../test/browser/support/browser-settings';
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
 * A jest project. The unit tests use jest's default workers; the integration tests one worker per
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
  if (project !== 'unit') args.push(workers > 1 ? `--maxWorkers=${workers}` : '--runInBand');
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

/** Two steps at the same time (each collecting its output, see runStep), marked as such for the summary. */
async function besideEachOther(a: Promise<StepResult>, b: Promise<StepResult>): Promise<StepResult[]> {
  const [first, second] = await Promise.all([a, b]);
  return [
    { ...first, beside: second.name },
    { ...second, beside: first.name },
  ];
}

/**
 * Playwright in Debian's Chromium against a platform of its own (see test/browser/playwright.config.ts).
 * Screenshots go to the cache: a test run leaves the README's in docs/screenshots/ as they are.
 */
function browserTests(env: Record<string, string>, outputFile?: string): Promise<StepResult> {
  return runStep('browser tests', npx('playwright'), ['test', '--config', BROWSER_CONFIG], {
    env: { ...env, IC_SCREENSHOTS_DIR: join(BROWSER_CACHE_DIR, 'screenshots') },
    outputFile,
  });
}

/**
 * The Kafka clusters of the end-to-end and the browser tests. With clusters enough (the local test
 * profile starts four), the e2e files run in E2E_WORKERS workers and the browser tests beside them,
 * each platform on a cluster of its own: a platform's consumer groups are named by service, so two
 * platforms on one cluster would take each other's events. With a single cluster (your own Kafka,
 * testcontainers) everything runs on it, one step after the other.
 */
function clustersForPlatformTests(clusters: readonly string[]): {
  e2e: string[];
  browser: string;
  sideBySide: boolean;
} {
  if (clusters.length < 2) return { e2e: [clusters[0]], browser: clusters[0], sideBySide: false };
  const e2e = clusters.slice(0, Math.min(E2E_WORKERS, clusters.length - 1));
  return { e2e, browser: clusters[e2e.length], sideBySide: true };
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

function playwrightCounts(): TestCounts | undefined {
  const stats = readResults<PlaywrightSummary>(BROWSER_RESULTS_FILE)?.stats;
  // A flaky test passed on a retry; the config allows none, so this stays 0.
  return stats && { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped };
}

async function main(): Promise<number> {
  quietKnownKafkajsWarnings();
  // Only this run's reports count: a step that does not run leaves none behind.
  rmSync(RESULTS_DIR, { recursive: true, force: true });
  mkdirSync(RESULTS_DIR, { recursive: true });
  const started = Date.now();
  const steps: StepResult[] = [];

  for (const [name, command, args] of [
    ['format', npx('prettier'), ['--check', '.']],
    ['lint', npx('eslint'), ['.', '--max-warnings', '0']],
    ['type check', npx('tsc'), ['-p', 'tsconfig.json', '--noEmit']],
    ['web type check', npx('tsc'), ['-p', join('web', 'tsconfig.json'), '--noEmit']],
    ['build', 'npm', ['run', 'build']],
    // On the fresh build: the web's API types must be those of this gateway (npm run api:generate).
    ['web API types', npx('tsx'), [join('scripts', 'api-types.ts'), '--check']],
  ] as const) {
    const result = await runStep(name, command, args);
    steps.push(result);
    if (!result.ok) return finish(steps, started);
  }

  // Side by side: jest's unit tests take one of the two cores (its default workers), Vitest the other.
  steps.push(
    ...(await besideEachOther(
      jestProject('unit', { outputFile: join(RESULTS_DIR, 'unit.log') }),
      webComponentTests(join(RESULTS_DIR, 'web.log')),
    )),
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
    const used = [...new Set([...platforms.e2e, platforms.browser])];
    const positions = join(RESULTS_DIR, 'streams-before-e2e.json');
    await Promise.all(used.map((cluster) => skipLeftoversOfEarlierTests(cluster.split(','))));
    await recordStreamPositions(used, positions);
    const e2e = () =>
      jestProject('e2e', {
        env: { ...env, [KAFKA_CLUSTERS_BY_WORKER_VARIABLE]: JSON.stringify(platforms.e2e) },
        workers: platforms.e2e.length,
        outputFile: platforms.sideBySide ? join(RESULTS_DIR, 'e2e.log') : undefined,
      });
    // Its own databases: beside the e2e platforms on the one Mongo server, with staff bootstrapped afresh.
    const browser = () =>
      browserTests(
        { ...env, KAFKA_BROKERS: platforms.browser, [DATABASE_PREFIX_VARIABLE]: 'browser' },
        platforms.sideBySide ? join(RESULTS_DIR, 'browser.log') : undefined,
      );
    if (platforms.sideBySide) steps.push(...(await besideEachOther(e2e(), browser())));
    else steps.push(await e2e(), await browser());
    // After the end-to-end and browser tests, on their clusters: what they produced must match the contracts.
    steps.push(
      await jestProject('conformance', { env: { ...env, [CONFORMANCE_POSITIONS_VARIABLE]: positions } }),
    );
  } catch (error) {
    console.error(`✘ ${error instanceof Error ? error.message : String(error)}`);
    steps.push({ name: 'infrastructure', ok: false, seconds: 0 });
  } finally {
    await infrastructure?.stop();
  }
  return finish(steps, started);
}

function finish(steps: readonly StepResult[], started: number): number {
  const counts = [
    ...['unit', 'web', 'integration', 'e2e', 'conformance'].map(jestCounts),
    playwrightCounts(),
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
