import {
  kafkaClusterOnPorts,
  resolveInfraSettings,
  startLocalKafka,
  startLocalMongo,
  type InfraSettings,
} from '@ic/infra';
import { platformTopicCatalog } from '@ic/contracts';
import { KafkaConnection } from '@ic/messaging';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PlatformRunner, REPO_ROOT } from '../../scripts/lib/platform-runner';
import { ApiResponse, E2eClient, Problem } from '../support/e2e-client';
import { E2E_PORT_BASE, e2ePlatform } from '../support/e2e-platform';
import { eventually, sleep } from '../support/eventually';
import { Registrant, RegistrationBurst, seconds, statusOf } from '../support/registration-burst';
import { testInfrastructure, uniqueSuffix } from '../support/test-infrastructure';

/**
 * Issue 14, item 11: the platform survives its infrastructure failing. The broker, and then the
 * database, is stopped during a burst of registrations and started again. While it is away every
 * request answers 503 problem+json in German, well within the gateway's timeout, and the health
 * endpoints say what is missing; once it is back, without restarting any service, every
 * registration the platform accepted is there once, and every member has their confirmation once.
 *
 * The platform runs on a Kafka and a Mongo server of its own (the shared ones serve the other test
 * files meanwhile), on the three ports after the gateways' in this worker's range. The Mongo server
 * keeps its data in an H2 file, as `npm start` does, so that a restart loses nothing. Prints the
 * recovery time: from the restart of the process to the first registration accepted again.
 */

/** Members registering in each burst; IC_E2E_OUTAGE_BURST makes it smaller on a slow machine. */
const BURST = Number(process.env.IC_E2E_OUTAGE_BURST ?? 12);
/** Registrations sent before the outage starts; the rest meet a stopping or stopped server. */
const BEFORE_OUTAGE = Math.ceil(BURST / 3);
/** Between two registrations of a burst, as people click. */
const BURST_SPACING_MS = 100;
/** A refusal must come this fast; the gateway waits up to 30 s for a seat before it answers 504. */
const REFUSAL_WITHIN_MS = 10_000;
/**
 * How long the server stays away: longer than the Kafka clients' retries, so that their consumers
 * crash and start again, as they do in a real outage.
 */
const OUTAGE_MS = 15_000;

const KAFKA_PORT = E2E_PORT_BASE + 7;
const MONGO_PORT = E2E_PORT_BASE + 9;

const run = uniqueSuffix();
const domain = `${run}.e2e-ausfall.example`;
const title = `Innovators Lounge ${run}: Kommunen im Ausfall`;

interface Restartable {
  stop(): Promise<void>;
}

interface Outage {
  readonly server: 'Kafka' | 'MongoDB';
  stop(): Promise<void>;
  start(): Promise<void>;
  /** What the health endpoints and the platform status say while the server is away. */
  expectHealthSaysSo(): Promise<void>;
}

interface Readiness {
  status: string;
  checks: Record<string, { ok: boolean } | undefined>;
}

interface PlatformStatus {
  status: string;
  services: { service: string; status: string }[];
}

describe('The platform while its infrastructure fails', () => {
  let stateDir: string;
  let settings: InfraSettings;
  let broker: Restartable;
  let database: Restartable;
  let platform: PlatformRunner;
  let client: E2eClient;
  let lounge: RegistrationBurst;
  let pids: number[];
  const bursts: Registrant[][] = [];

  beforeAll(async () => {
    stateDir = await mkdtemp(join(tmpdir(), 'outage-'));
    const base = resolveInfraSettings('test');
    settings = {
      ...base,
      stateDir,
      keepsData: true,
      kafka: [kafkaClusterOnPorts(KAFKA_PORT, 1)],
      mongo: { port: { ...base.mongo.port, port: MONGO_PORT } },
    };
    [broker, database] = await Promise.all([startBroker(), startDatabase()]);
    const kafka = new KafkaConnection({
      clientId: `outage-${run}`,
      brokers: [`127.0.0.1:${KAFKA_PORT}`],
      sessionTimeoutMs: 10_000,
    });
    await kafka.ensureTopics(platformTopicCatalog()).finally(() => kafka.disconnect());

    platform = e2ePlatform({
      databasePrefix: 'outage',
      logDir: join(REPO_ROOT, '.cache', 'logs', `outage-${E2E_PORT_BASE}`),
      env: {
        KAFKA_BROKERS: `127.0.0.1:${KAFKA_PORT}`,
        MONGODB_URI: `mongodb://127.0.0.1:${MONGO_PORT}/`,
        // Every member asks for a sign-in link from this one address.
        SIGN_IN_LINK_REQUESTS_PER_IP: '10000',
      },
    });
    await platform.start();
    pids = platform.running().map((service) => service.pid);
    client = new E2eClient(platform.gatewayUrl, testInfrastructure().mailSinkUrl);
    const staff = await client.staffLogin(0);
    lounge = await RegistrationBurst.openLounge(client, staff, {
      title,
      description: 'Was eine Kommune tut, wenn die Technik ausfällt.',
      topic: 'Kommunen im Ausfall',
      capacity: 4 * BURST,
    });
    const registrants = await lounge.registrants(2 * BURST, domain, 'Ausfall');
    bursts.push(registrants.slice(0, BURST), registrants.slice(BURST));
  }, 600_000);

  afterAll(async () => {
    await platform?.stop();
    await Promise.all([broker?.stop(), database?.stop()]);
    if (stateDir) await rm(stateDir, { recursive: true, force: true });
  });

  it('refuses registrations with 503 while the broker is away and takes them again once it is back', async () => {
    await outage(bursts[0], {
      server: 'Kafka',
      stop: () => broker.stop(),
      start: async () => {
        broker = await startBroker();
      },
      async expectHealthSaysSo() {
        const gateway = await readiness(platform.gatewayUrl);
        expect([gateway.status, gateway.checks.kafka?.ok]).toEqual(['unavailable', false]);
        const status = await platformStatus();
        expect(status.status).toBe('degraded');
        expect(status.services.filter((service) => service.status !== 'unreachable')).toEqual([
          expect.objectContaining({ service: 'gateway', status: 'degraded' }),
        ]);
      },
    });
    await lounge.expectEachRegisteredOnceWithOneMail(bursts[0]);
  });

  it('refuses registrations with 503 while the database is away and takes them again once it is back', async () => {
    const since = Date.now();
    await outage(bursts[1], {
      server: 'MongoDB',
      stop: () => database.stop(),
      start: async () => {
        database = await startDatabase();
      },
      async expectHealthSaysSo() {
        // The gateway keeps no data; the services that do say they miss their database.
        const registrations = await readiness(urlOf('registrations'));
        expect([registrations.status, registrations.checks.mongodb?.ok]).toEqual(['unavailable', false]);
        const status = await platformStatus();
        expect(status.status).toBe('degraded');
        expect(status.services.find((service) => service.service === 'registrations')?.status).toBe(
          'degraded',
        );
      },
    });
    await lounge.expectEachRegisteredOnceWithOneMail(bursts[1]);
    // Each service that keeps data says in its log when it lost the database and when it reached it again.
    for (const service of platform.running().filter(({ name }) => name !== 'gateway')) {
      const messages = await logMessagesSince(service.logFile, since, 'Database server ');
      expect([service.name, messages.at(0), messages.at(-1)]).toEqual([
        service.name,
        expect.stringContaining(' lost: '),
        expect.stringMatching(/ reachable again$/),
      ]);
    }
  });

  it('needed no service to restart', async () => {
    expect(platform.running().map((service) => service.pid)).toEqual(pids);
    for (const service of platform.running()) {
      const ready = await fetch(`${service.url}/health/ready`);
      expect([service.name, ready.status]).toEqual([service.name, 200]);
    }
  });

  /**
   * The burst: registrations one after another; after the first third the server goes away. Each
   * answer is 201 or a 503 in German that came fast. While it is away (OUTAGE_MS, long enough for
   * every Kafka client to run out of retries), requests keep being refused that way, and the health
   * endpoints say so. Then the server starts again, and the refused registrations are sent again
   * with their keys (as the portal does) until each is accepted; the first acceptance after the
   * restart is the recovery.
   */
  async function outage(burst: Registrant[], server: Outage): Promise<void> {
    await lounge.lookAtOwnRegistrations(burst);
    const sent: Promise<void>[] = [];
    let stopped: Promise<void> | undefined;
    for (const [index, registrant] of burst.entries()) {
      if (index === BEFORE_OUTAGE) stopped = server.stop();
      sent.push(registerTimed(registrant));
      await sleep(BURST_SPACING_MS);
    }
    await Promise.all([...sent, stopped]);
    const awayFrom = Date.now();

    const waiting = burst.filter((registrant) => registrant.answer?.status !== 201);
    expect(waiting.length).toBeGreaterThan(0);
    await server.expectHealthSaysSo();
    while (Date.now() - awayFrom < OUTAGE_MS) {
      // The same refusal for a registration and for anyone reading the event, not a wait for the
      // gateway's timeout.
      await registerTimed(waiting[0]);
      expect(statusOf(waiting[0])).toBe(503);
      const started = Date.now();
      expectRefusal(await client.call('GET', `/events/${lounge.eventId}`), Date.now() - started);
      await sleep(1_000);
    }
    await server.expectHealthSaysSo();

    const restartedAt = Date.now();
    await server.start();
    const upAfter = Date.now() - restartedAt;
    const first = await eventually(
      async () => {
        await lounge.register(waiting[0]);
        expect([200, 201]).toContain(statusOf(waiting[0]));
        return Date.now();
      },
      120_000,
      250,
    );
    process.stdout.write(
      `outage: ${server.server} away for ${seconds(restartedAt - awayFrom)}, ` +
        `${waiting.length} of ${burst.length} registrations refused; after its restart (process up in ${seconds(upAfter)}) ` +
        `the first registration was accepted after ${seconds(first - restartedAt)}\n`,
    );
    for (const registrant of waiting.slice(1)) {
      await eventually(
        async () => {
          await lounge.register(registrant);
          expect([200, 201]).toContain(statusOf(registrant));
        },
        60_000,
        250,
      );
    }
    // Every service is back by itself: each answers the status request and says it is ready.
    await eventually(async () => expect((await platformStatus()).status).toBe('ok'), 60_000, 1_000);
  }

  async function readiness(url: string): Promise<Readiness> {
    const response = await fetch(`${url}/health/ready`);
    expect(response.status).toBe(503);
    return (await response.json()) as Readiness;
  }

  /** The messages of a service's log lines (JSON, one a line) since then that contain the text. */
  async function logMessagesSince(logFile: string, since: number, containing: string): Promise<string[]> {
    const log = await readFile(logFile, 'utf8');
    return log
      .split('\n')
      .filter((line) => line.includes(containing))
      .map((line) => JSON.parse(line) as { timestamp: number; message: string })
      .filter((entry) => entry.timestamp >= since)
      .map((entry) => entry.message);
  }

  async function platformStatus(): Promise<PlatformStatus> {
    const response = await client.call<PlatformStatus>('GET', '/status');
    expect(response.status).toBe(200);
    return response.body;
  }

  function urlOf(name: string): string {
    const service = platform.running().find((running) => running.name === name);
    if (!service) throw new Error(`no service ${name}`);
    return service.url;
  }

  /** Sends the registration and checks that it was accepted, or refused fast with a German 503. */
  async function registerTimed(registrant: Registrant): Promise<void> {
    const started = Date.now();
    await lounge.register(registrant);
    const took = Date.now() - started;
    if (registrant.answer?.status !== 201) expectRefusal(registrant.answer, took);
  }

  /** A 503 problem in German that says what to do, and that came fast. */
  function expectRefusal(answer: ApiResponse | undefined, took: number): void {
    expect({
      status: answer?.status,
      type: answer?.headers.get('content-type'),
      detail: (answer?.body as Problem | undefined)?.detail,
      fast: took < REFUSAL_WITHIN_MS,
    }).toEqual({
      status: 503,
      type: expect.stringContaining('application/problem+json'),
      detail: expect.stringMatching(/Bitte versuchen Sie es/),
      fast: true,
    });
  }

  function startBroker(): Promise<Restartable> {
    return startLocalKafka(settings, () => undefined);
  }

  function startDatabase(): Promise<Restartable> {
    return startLocalMongo(settings, () => undefined);
  }
});
