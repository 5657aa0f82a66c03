/**
 * `npm test`: format, lint, type check, build, then unit, integration and end-to-end tests, and the
 * check that every event they produced matches the published contracts. The
 * integration and end-to-end tests get real infrastructure from the provider (the environment,
 * Docker via testcontainers, or local processes), started here and stopped at the end.
 */
import { quietKnownKafkajsWarnings } from '@ic/messaging';
import { provideInfrastructure, type Infrastructure } from '@ic/infra';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './lib/platform-runner';
import { newPlatformSecrets } from './lib/platform-secrets';
import { npx, runStep, StepResult } from './lib/steps';
import {
  CONFORMANCE_POSITIONS_VARIABLE,
  recordStreamPositions,
  skipLeftoversOfEarlierTests,
} from '../test/conformance/stream-positions';

const RESULTS_DIR = join(REPO_ROOT, '.cache', 'test-results');

interface JestSummary {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
}

function jestProject(project: string, env: Record<string, string> = {}): Promise<StepResult> {
  const args = [
    '--selectProjects',
    project,
    '--json',
    `--outputFile=${join(RESULTS_DIR, `${project}.json`)}`,
  ];
  if (project !== 'unit') args.push('--runInBand');
  if (process.env.CI) args.push('--ci');
  return runStep(`${project} tests`, npx('jest'), args, env);
}

function readSummary(project: string): JestSummary | undefined {
  try {
    return JSON.parse(readFileSync(join(RESULTS_DIR, `${project}.json`), 'utf8')) as JestSummary;
  } catch {
    return undefined;
  }
}

async function main(): Promise<number> {
  quietKnownKafkajsWarnings();
  mkdirSync(RESULTS_DIR, { recursive: true });
  const started = Date.now();
  const steps: StepResult[] = [];

  for (const [name, command, args] of [
    ['format', npx('prettier'), ['--check', '.']],
    ['lint', npx('eslint'), ['.', '--max-warnings', '0']],
    ['type check', npx('tsc'), ['-p', 'tsconfig.json', '--noEmit']],
    ['build', 'npm', ['run', 'build']],
  ] as const) {
    const result = await runStep(name, command, args);
    steps.push(result);
    if (!result.ok) return finish(steps, started);
  }

  steps.push(await jestProject('unit'));

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
    steps.push(await jestProject('integration', env));
    const positions = join(RESULTS_DIR, 'streams-before-e2e.json');
    await skipLeftoversOfEarlierTests(infrastructure.kafkaBrokers);
    await recordStreamPositions(infrastructure.kafkaBrokers, positions);
    steps.push(await jestProject('e2e', env));
    // After every end-to-end file, on the same broker: what they produced must match the contracts.
    steps.push(await jestProject('conformance', { ...env, [CONFORMANCE_POSITIONS_VARIABLE]: positions }));
  } catch (error) {
    console.error(`✘ ${error instanceof Error ? error.message : String(error)}`);
    steps.push({ name: 'infrastructure', ok: false, seconds: 0 });
  } finally {
    await infrastructure?.stop();
  }
  return finish(steps, started);
}

function finish(steps: readonly StepResult[], started: number): number {
  const summaries = ['unit', 'integration', 'e2e', 'conformance']
    .map(readSummary)
    .filter((s): s is JestSummary => !!s);
  const passed = summaries.reduce((sum, s) => sum + s.numPassedTests, 0);
  const failed = summaries.reduce((sum, s) => sum + s.numFailedTests, 0);
  const skipped = summaries.reduce((sum, s) => sum + s.numPendingTests, 0);
  console.log('\nSummary');
  for (const step of steps)
    console.log(`  ${step.ok ? '✔' : '✘'} ${step.name.padEnd(34)} ${step.seconds.toFixed(1).padStart(7)} s`);
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
