import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { InfraSetupError, LOCALHOST, type InfraSettings } from '../settings';
import { recordDirOf } from './local-run';
import { assertPortsFree } from './ports';
import { startDetached } from './processes';
import { runCommand } from './run-command';
import { elapsedSince, waitUntilReady } from './wait-until-ready';

/** Keep in step with infra/jaeger/go.mod (Jaeger's module is tagged v1.x for its v2 releases). */
export const JAEGER_MODULE_VERSION = 'v1.75.0';
const JAEGER_PACKAGE = 'github.com/jaegertracing/jaeger/cmd/jaeger';
const READY_TIMEOUT_MS = 30_000;

/** Ports of the trace viewer in `npm start` (Jaeger's own defaults); moved with the variables. */
const DEFAULT_PORTS = { ui: 16686, otlp: 4318 } as const;

export interface TraceViewer {
  /** Where the services send their spans (OTEL_EXPORTER_OTLP_ENDPOINT). */
  readonly otlpEndpoint: string;
  /** Jaeger's query API and (placeholder) UI. */
  readonly url: string;
  stop(): Promise<void>;
}

/** The ports of the viewer: IC_JAEGER_UI_PORT (its query gRPC port is the one below) and IC_JAEGER_OTLP_PORT. */
export function traceViewerPorts(env: NodeJS.ProcessEnv = process.env): { ui: number; otlp: number } {
  const port = (variable: string, fallback: number): number => {
    const value = Number(env[variable] ?? fallback);
    if (!Number.isInteger(value) || value < 2 || value > 65535)
      throw new InfraSetupError(`${variable} must be a port number, got "${env[variable]}".`);
    return value;
  };
  return {
    ui: port('IC_JAEGER_UI_PORT', DEFAULT_PORTS.ui),
    otlp: port('IC_JAEGER_OTLP_PORT', DEFAULT_PORTS.otlp),
  };
}

/**
 * Jaeger v2 as the local run's trace store: OTLP/HTTP in, traces in memory, the query API out
 * (`npm run traces` reads it). Built once from the Go module proxy with the machine's `go` into the
 * cache (about 4 CPU minutes; the module ships no web UI, whose assets Jaeger's own build makes with
 * npm from another repository, so its UI page is a placeholder).
 */
export async function startLocalTraceViewer(
  settings: InfraSettings,
  log: (line: string) => void,
): Promise<TraceViewer> {
  const ports = traceViewerPorts();
  await assertPortsFree([
    { port: ports.ui, service: 'trace viewer', envVar: 'IC_JAEGER_UI_PORT' },
    { port: ports.ui - 1, service: 'trace viewer (query gRPC)', envVar: 'IC_JAEGER_UI_PORT' },
    { port: ports.otlp, service: 'trace viewer (OTLP)', envVar: 'IC_JAEGER_OTLP_PORT' },
  ]);
  const binary = await ensureJaeger(settings, log);
  const startedAt = Date.now();
  const stateDir = join(settings.stateDir, 'jaeger');
  await mkdir(stateDir, { recursive: true });
  const config = join(settings.repoRoot, 'infra', 'jaeger', 'jaeger.yaml');
  const viewer = await startDetached({
    name: 'jaeger',
    command: binary,
    args: ['--config', `file:${config}`],
    cwd: stateDir,
    env: {
      ...process.env,
      IC_JAEGER_UI_PORT: String(ports.ui),
      IC_JAEGER_QUERY_GRPC_PORT: String(ports.ui - 1),
      IC_JAEGER_OTLP_PORT: String(ports.otlp),
    },
    marker: binary,
    logFile: join(stateDir, 'jaeger.log'),
    recordDir: recordDirOf(settings),
    log,
  });
  const url = `http://${LOCALHOST}:${ports.ui}`;
  await waitUntilReady(
    viewer,
    async () => {
      const response = await fetch(`${url}/api/services`);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
    },
    READY_TIMEOUT_MS,
  );
  log(
    `[infra] trace viewer (Jaeger v2) ready on ${url}, OTLP on ${LOCALHOST}:${ports.otlp} (${elapsedSince(startedAt)})`,
  );
  return { otlpEndpoint: `http://${LOCALHOST}:${ports.otlp}`, url, stop: () => viewer.stop() };
}

/** The Jaeger binary, built from infra/jaeger/go.mod when the cache has none for its exact content. */
async function ensureJaeger(settings: InfraSettings, log: (line: string) => void): Promise<string> {
  const moduleDir = join(settings.repoRoot, 'infra', 'jaeger');
  const pins = await Promise.all(['go.mod', 'go.sum'].map((file) => readFile(join(moduleDir, file))));
  const hash = createHash('sha256').update(Buffer.concat(pins)).digest('hex').slice(0, 12);
  const binary = join(settings.cacheDir, `jaeger-${JAEGER_MODULE_VERSION}-${hash}`, 'jaeger');
  if (existsSync(binary)) return binary;
  const startedAt = Date.now();
  log(`[infra] building the trace viewer (Jaeger ${JAEGER_MODULE_VERSION}) with go, once: a few minutes`);
  const scratch = `${binary}.partial`;
  await rm(scratch, { force: true });
  await mkdir(join(binary, '..'), { recursive: true });
  try {
    await runCommand('go', ['build', '-o', scratch, JAEGER_PACKAGE], { cwd: moduleDir });
  } catch (error) {
    throw new InfraSetupError(
      `The trace viewer could not be built (is Go installed?): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  await rename(scratch, binary);
  log(`[infra] trace viewer built in ${elapsedSince(startedAt)}`);
  return binary;
}
