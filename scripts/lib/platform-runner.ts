// The topic catalog alone, not the package's index with its decorated DTOs: the browser tests load
// this file through Playwright's compiler, which knows only standard (TC39) decorators.
import { ServiceName, ServiceNames } from '../../libs/contracts/src/topics';
import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, WriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..');

/**
 * The Node flags every service process runs with, here, in the tests and in the Dockerfile's CMD
 * (test/unit/docker-compose.spec.ts checks that they agree). Node 24 lets V8's young generation grow
 * to two 64 MB semi-spaces: start-up alone grows it to two of 32 MB, a rush or a catch-up further,
 * and V8 keeps those pages resident long after. Semi-spaces of 8 MB keep an idle service 8–17 MiB
 * smaller and one after a rush 20–100 MiB smaller; V8 scavenges more often under load, which three
 * small benches each way did not show in the rush or the replay (bench/README.md, "Footprint").
 */
export const SERVICE_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8'];

/** Start order: the gateway last, so that its status check finds the others up. */
export const START_ORDER: readonly ServiceName[] = [
  ...ServiceNames.filter((name) => name !== 'gateway'),
  'gateway',
];

export interface PlatformOptions {
  /** Variables every service gets: KAFKA_BROKERS, MONGODB_URI, SMTP_*, … */
  readonly env: Record<string, string>;
  /** The gateway listens on portBase, the other services on the following ports in ServiceNames order. */
  readonly portBase: number;
  /**
   * When given, each service keeps its data in the database `<prefix>_<service>` instead of its
   * default `ic_<service>`: platforms side by side on one Mongo server do not share data.
   */
  readonly databasePrefix?: string;
  readonly logDir: string;
  readonly log: (line: string) => void;
  readonly readyTimeoutMs?: number;
}

export interface RunningService {
  readonly name: ServiceName;
  readonly port: number;
  readonly pid: number;
  readonly logFile: string;
  readonly url: string;
}

/** One service process of the platform, started from the build output with the pinned Node. */
class ServiceProcess {
  private child?: ChildProcess;
  private output?: WriteStream;
  private exited?: Promise<void>;
  private stopping = false;

  constructor(
    readonly name: ServiceName,
    readonly port: number,
    private readonly options: PlatformOptions,
    /** Instances after the first (a second gateway) get their own instance id and log. */
    readonly instance = 1,
  ) {}

  get logFile(): string {
    return join(this.options.logDir, `${this.instance === 1 ? this.name : this.instanceId}.log`);
  }

  private get instanceId(): string {
    return `${this.name}-${this.instance}`;
  }

  get pid(): number {
    return this.child?.pid ?? -1;
  }

  start(extraEnv: Record<string, string> = {}): void {
    this.stopping = false;
    this.output = createWriteStream(this.logFile, { flags: 'a' });
    const child = spawn(
      process.execPath,
      [...SERVICE_NODE_FLAGS, join(REPO_ROOT, 'dist', 'services', this.name, 'src', 'main.js')],
      {
        cwd: REPO_ROOT,
        // A stable instance id lets a restarted service take over its own claims at once
        // instead of waiting for their lease to run out.
        env: {
          ...process.env,
          ...this.options.env,
          HTTP_PORT: String(this.port),
          INSTANCE_ID: this.instanceId,
          ...(this.options.databasePrefix
            ? { MONGODB_DATABASE: `${this.options.databasePrefix}_${this.name}` }
            : {}),
          ...extraEnv,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.child = child;
    child.stdout?.pipe(this.output, { end: false });
    child.stderr?.pipe(this.output, { end: false });
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        // Ctrl-C in a terminal reaches the services directly; they shut down gracefully on it.
        if (!this.stopping && signal !== 'SIGINT') {
          this.options.log(
            `${this.name} stopped unexpectedly (${signal ?? `exit code ${code}`}); see ${this.logFile}`,
          );
        }
        resolve();
      }),
    );
  }

  async waitUntilReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let lastProblem = 'no answer yet';
    while (Date.now() < deadline) {
      if (this.child?.exitCode !== null) {
        throw new Error(
          `${this.name} exited during start-up. Last lines of ${this.logFile}:\n${this.tail()}`,
        );
      }
      try {
        const response = await fetch(`http://127.0.0.1:${this.port}/health/ready`, {
          signal: AbortSignal.timeout(2000),
        });
        if (response.ok) return;
        lastProblem = JSON.stringify(await response.json());
      } catch (error) {
        lastProblem = error instanceof Error ? error.message : String(error);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(
      `${this.name} was not ready after ${timeoutMs / 1000} s (${lastProblem}); see ${this.logFile}`,
    );
  }

  /** SIGKILL, like a crash: no shutdown hooks. */
  async kill(): Promise<void> {
    this.stopping = true;
    this.child?.kill('SIGKILL');
    await this.exited;
  }

  async stop(timeoutMs = 15_000): Promise<void> {
    if (!this.child || this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.stopping = true;
    this.child.kill('SIGTERM');
    const forced = setTimeout(() => this.child?.kill('SIGKILL'), timeoutMs);
    await this.exited;
    clearTimeout(forced);
    this.output?.end();
  }

  private tail(lines = 30): string {
    try {
      return readFileSync(this.logFile, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  }
}

/** The six services as local processes: start, wait until each is ready, kill or restart one, stop all. */
export class PlatformRunner {
  private readonly services = new Map<ServiceName, ServiceProcess>();
  private readonly extraGateways: ServiceProcess[] = [];

  constructor(private readonly options: PlatformOptions) {
    mkdirSync(options.logDir, { recursive: true });
    ServiceNames.forEach((name, index) =>
      this.services.set(name, new ServiceProcess(name, options.portBase + index, options)),
    );
  }

  get gatewayUrl(): string {
    return `http://127.0.0.1:${this.options.portBase}`;
  }

  /** The database a service of this platform keeps its data in (the services' default: `ic_<service>`). */
  databaseOf(name: ServiceName): string {
    return `${this.options.databasePrefix ?? 'ic'}_${name}`;
  }

  async start(): Promise<RunningService[]> {
    await Promise.all(START_ORDER.map((name) => assertPortFree(this.service(name).port, name)));
    for (const name of START_ORDER) this.service(name).start();
    await Promise.all(START_ORDER.map((name) => this.service(name).waitUntilReady(this.readyTimeoutMs)));
    return this.running();
  }

  running(): RunningService[] {
    return ServiceNames.map((name) => {
      const service = this.service(name);
      return {
        name,
        port: service.port,
        pid: service.pid,
        logFile: service.logFile,
        url: `http://127.0.0.1:${service.port}`,
      };
    });
  }

  /**
   * Starts one more gateway instance beside the platform's (on the port after the services'), as a
   * deployment behind a load balancer has them, and returns its URL; `stop` stops it too.
   */
  async startAnotherGateway(): Promise<string> {
    const instance = this.extraGateways.length + 2;
    const gateway = new ServiceProcess(
      'gateway',
      this.options.portBase + ServiceNames.length + instance - 2,
      this.options,
      instance,
    );
    await assertPortFree(gateway.port, 'gateway');
    this.extraGateways.push(gateway);
    gateway.start();
    await gateway.waitUntilReady(this.readyTimeoutMs);
    return `http://127.0.0.1:${gateway.port}`;
  }

  async kill(name: ServiceName): Promise<void> {
    await this.service(name).kill();
  }

  async restart(name: ServiceName, extraEnv: Record<string, string> = {}): Promise<void> {
    const service = this.service(name);
    await service.stop();
    service.start(extraEnv);
    await service.waitUntilReady(this.readyTimeoutMs);
  }

  async stop(): Promise<void> {
    // The gateways first, so that no new requests reach services that are shutting down.
    await Promise.all([this.service('gateway'), ...this.extraGateways].map((gateway) => gateway.stop()));
    await Promise.all(
      START_ORDER.filter((name) => name !== 'gateway').map((name) => this.service(name).stop()),
    );
  }

  private get readyTimeoutMs(): number {
    return this.options.readyTimeoutMs ?? 90_000;
  }

  private service(name: ServiceName): ServiceProcess {
    const service = this.services.get(name);
    if (!service) throw new Error(`unknown service ${name}`);
    return service;
  }
}

/**
 * Refuses to start a service on a port something listens on already: its readiness check would get
 * the answers of that other process (another platform's service) while its own exits unheard.
 */
function assertPortFree(port: number, name: ServiceName): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          error.code === 'EADDRINUSE'
            ? `Port ${port} for ${name} is in use (another platform on these ports?)`
            : `Port ${port} for ${name}: ${error.message}`,
        ),
      ),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}
