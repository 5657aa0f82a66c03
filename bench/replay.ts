/**
 * `npm run bench:replay`: the replay of `npm run bench` alone, in seconds instead of a whole bench,
 * for working on the analytics rebuild. Starts the analytics service from dist/ (run `npm run
 * build` first) against the infrastructure of the bench (given by KAFKA_BROKERS and MONGODB_URI,
 * or started), with a database of its own, publishes BENCH_REPLAY_EVENTS made-up registration
 * events (as the bench does, by made-up members), and then BENCH_RUNS times: the rebuild with the
 * analytics process's CPU per event (all its threads, and its main thread alone), and the bare
 * kafkajs consume of the same topics. BENCH_PROFILE=analytics runs the service with --cpu-prof.
 */
import { DomainTopics } from '@ic/contracts';
import { provideInfrastructure } from '@ic/infra';
import { KafkaConnection } from '@ic/messaging';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, SERVICE_NODE_FLAGS } from '../scripts/lib/platform-runner';
import { cpuSeconds } from './scenarios/footprint';
import { measureRebuild, publishReplayEvents, rawConsume, waitUntilConsumed } from './scenarios/replay';

const setting = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const RUNS = setting('BENCH_RUNS', 3);
const REPLAY_EVENTS = setting('BENCH_REPLAY_EVENTS', 100_000);
const PORT = setting('BENCH_PORT_BASE', 23000) + 5;
const PROFILE = process.env.BENCH_PROFILE === 'analytics';
const log = (line: string) => console.log(`[bench:replay] ${line}`);

async function main(): Promise<void> {
  const infrastructure = await provideInfrastructure({ profile: 'test', log });
  const kafka = new KafkaConnection({
    clientId: 'bench-replay',
    brokers: infrastructure.kafkaBrokers,
    sessionTimeoutMs: 10_000,
  });
  const logDir = join(REPO_ROOT, '.cache', 'logs', 'bench-replay');
  const profileDir = join(REPO_ROOT, '.cache', 'bench-profiles', 'replay');
  mkdirSync(logDir, { recursive: true });
  mkdirSync(profileDir, { recursive: true });
  const analytics = spawn(
    process.execPath,
    [
      ...SERVICE_NODE_FLAGS,
      ...(PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
      join(REPO_ROOT, 'dist', 'services', 'analytics', 'src', 'main.js'),
    ],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        KAFKA_BROKERS: infrastructure.kafkaBrokers.join(','),
        MONGODB_URI: infrastructure.mongodbUri,
        MONGODB_DATABASE: 'bench_replay_analytics',
        HTTP_PORT: String(PORT),
        INSTANCE_ID: 'analytics-bench-replay',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output = createWriteStream(join(logDir, 'analytics.log'), { flags: 'a' });
  analytics.stdout.pipe(output);
  analytics.stderr.pipe(output);
  const exited = new Promise((resolve) => analytics.once('exit', resolve));
  const pid = analytics.pid as number;
  try {
    if (REPLAY_EVENTS > 0) {
      log(`publishing ${REPLAY_EVENTS} registration events`);
      await publishReplayEvents(
        kafka,
        REPLAY_EVENTS,
        Array.from({ length: 300 }, () => randomUUID()),
      );
    }
    await untilReady(PORT);
    await waitUntilConsumed(kafka, Object.values(DomainTopics), log);
    for (let run = 1; run <= RUNS; run++) {
      const [allThreads, mainThread] = [cpuSeconds(pid), cpuSeconds(pid, pid)];
      const rebuild = await measureRebuild(kafka, () => undefined);
      const perEvent = (seconds: number) => ((seconds / rebuild.events) * 1e6).toFixed(1);
      const raw = await rawConsume(infrastructure.kafkaBrokers);
      const rate = rebuild.events / rebuild.seconds;
      const rawRate = raw.events / raw.seconds;
      log(
        `run ${run}: ${rebuild.events} events, rebuild ${rate.toFixed(0)}/s, raw ${rawRate.toFixed(0)}/s, ` +
          `rebuild / raw ${(rate / rawRate).toFixed(2)}; analytics CPU ${perEvent(cpuSeconds(pid) - allThreads)} µs ` +
          `per event, its main thread ${perEvent(cpuSeconds(pid, pid) - mainThread)} µs`,
      );
    }
  } finally {
    analytics.kill('SIGTERM');
    await exited;
    await kafka.disconnect();
    await infrastructure.stop();
  }
  if (PROFILE) log(`profile in ${profileDir}`);
}

async function untilReady(port: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const ready = await fetch(`http://127.0.0.1:${port}/health/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`analytics was not ready on port ${port} after 60 s`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
