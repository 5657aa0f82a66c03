/**
 * `npm run bench`: starts the infrastructure and the platform on loopback, measures, and writes
 * bench/results/<date>.json and .md. Each figure is the median of several runs with min and max;
 * the machine is shared and noisy, so read ratios rather than absolute times (see bench/README.md).
 */
import { quietKnownKafkajsWarnings } from '@ic/messaging';
import { provideInfrastructure } from '@ic/infra';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PlatformRunner, REPO_ROOT } from '../scripts/lib/platform-runner';
import { newPlatformSecrets, secretsEnv } from '../scripts/lib/platform-secrets';
import { runStep } from '../scripts/lib/steps';
import { Figure, summarize } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CALLS = Number(process.env.BENCH_CALLS ?? 1000);
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 10);
const PORT_BASE = 23000;

interface BenchReport {
  readonly date: string;
  readonly node: string;
  readonly runs: number;
  readonly infrastructure: { source: string; startSeconds: Figure };
  readonly platformStartSeconds: Figure;
  readonly requestReply: { calls: number; medianMs: Figure; p99Ms: Figure; meanMs: Figure };
  readonly idleRssMiB: Record<string, Figure>;
}

/** One request/reply round trip through the gateway and Kafka to one service and back. */
async function requestReplyLatencies(gatewayUrl: string, calls: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let call = 0; call < calls; call++) {
    const started = performance.now();
    const response = await fetch(`${gatewayUrl}/api/v1/status/membership`);
    const body = (await response.json()) as { status: string };
    if (body.status !== 'ok') throw new Error(`call ${call}: membership answered ${JSON.stringify(body)}`);
    latencies.push(performance.now() - started);
  }
  return latencies;
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kib / 1024;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main(): Promise<void> {
  quietKnownKafkajsWarnings();
  const build = await runStep('build', 'npm', ['run', 'build']);
  if (!build.ok) throw new Error('build failed');

  const infraStarts: number[] = [];
  const platformStarts: number[] = [];
  const medians: number[] = [];
  const p99s: number[] = [];
  const means: number[] = [];
  const rss: Record<string, number[]> = {};
  let source = '';

  for (let run = 1; run <= RUNS; run++) {
    console.log(`\n— run ${run} of ${RUNS}`);
    const infraStarted = Date.now();
    const infrastructure = await provideInfrastructure({ profile: 'test', log: (line) => console.log(line) });
    infraStarts.push((Date.now() - infraStarted) / 1000);
    source = infrastructure.source;
    const platform = new PlatformRunner({
      env: {
        ...secretsEnv(newPlatformSecrets()),
        KAFKA_BROKERS: infrastructure.kafkaBrokers.join(','),
        MONGODB_URI: infrastructure.mongodbUri,
        SMTP_HOST: infrastructure.smtp.host,
        SMTP_PORT: String(infrastructure.smtp.port),
        LOG_FORMAT: 'json',
        LOG_LEVEL: 'warn',
      },
      portBase: PORT_BASE,
      logDir: join(REPO_ROOT, '.cache', 'logs', 'bench'),
      log: (line) => console.log(`[platform] ${line}`),
    });
    try {
      const platformStarted = Date.now();
      const services = await platform.start();
      platformStarts.push((Date.now() - platformStarted) / 1000);

      await new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1000));
      for (const service of services) (rss[service.name] ??= []).push(rssMiB(service.pid));

      await requestReplyLatencies(platform.gatewayUrl, 50); // warm-up, not counted
      const latencies = (await requestReplyLatencies(platform.gatewayUrl, CALLS)).sort((a, b) => a - b);
      medians.push(percentile(latencies, 50));
      p99s.push(percentile(latencies, 99));
      means.push(latencies.reduce((sum, value) => sum + value, 0) / latencies.length);
      console.log(
        `request/reply: median ${medians.at(-1)?.toFixed(2)} ms, p99 ${p99s.at(-1)?.toFixed(2)} ms over ${CALLS} calls`,
      );
    } finally {
      await platform.stop();
      await infrastructure.stop();
    }
  }

  const report: BenchReport = {
    date: new Date().toISOString(),
    node: process.versions.node,
    runs: RUNS,
    infrastructure: { source, startSeconds: summarize(infraStarts) },
    platformStartSeconds: summarize(platformStarts),
    requestReply: {
      calls: CALLS,
      medianMs: summarize(medians),
      p99Ms: summarize(p99s),
      meanMs: summarize(means),
    },
    idleRssMiB: Object.fromEntries(Object.entries(rss).map(([name, values]) => [name, summarize(values)])),
  };
  writeReport(report);
}

function writeReport(report: BenchReport): void {
  const dir = join(REPO_ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const stem = report.date.slice(0, 19).replace(/[:T]/g, '-');
  writeFileSync(join(dir, `${stem}.json`), `${JSON.stringify(report, null, 2)}\n`);
  const row = (label: string, figure: Figure, unit: string) =>
    `| ${label} | ${figure.median.toFixed(2)} ${unit} | ${figure.min.toFixed(2)} | ${figure.max.toFixed(2)} |`;
  const markdown = [
    `# Benchmark ${report.date} (Node ${report.node}, ${report.runs} runs, infrastructure: ${report.infrastructure.source})`,
    '',
    '| figure | median | min | max |',
    '|---|---|---|---|',
    row(
      `request/reply through the gateway, median of ${report.requestReply.calls} calls`,
      report.requestReply.medianMs,
      'ms',
    ),
    row(
      `request/reply through the gateway, p99 of ${report.requestReply.calls} calls`,
      report.requestReply.p99Ms,
      'ms',
    ),
    row('request/reply mean', report.requestReply.meanMs, 'ms'),
    row('infrastructure start (warm cache)', report.infrastructure.startSeconds, 's'),
    row('platform start (six services ready)', report.platformStartSeconds, 's'),
    ...Object.entries(report.idleRssMiB).map(([name, figure]) => row(`idle RSS ${name}`, figure, 'MiB')),
    '',
  ].join('\n');
  writeFileSync(join(dir, `${stem}.md`), markdown);
  console.log(`\n${markdown}\nWritten to bench/results/${stem}.json and .md`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
