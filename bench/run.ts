/**
 * `npm run bench`: starts the infrastructure and the platform on loopback, measures the scenarios of
 * bench/README.md (request/reply, the registration rush beside the raw Kafka and database limits,
 * registration → mail, the analytics replay beside a raw consume, footprint) and writes
 * bench/results/<date>.json and .md. Each figure is the median of several runs with min and max;
 * the machine is shared and noisy, so read ratios rather than absolute times.
 */
import { DomainTopics, ServiceName } from '@ic/contracts';
import { Infrastructure, provideInfrastructure } from '@ic/infra';
import { KafkaConnection, quietKnownKafkajsWarnings } from '@ic/messaging';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PlatformRunner, REPO_ROOT, RunningService } from '../scripts/lib/platform-runner';
import { loadOrCreateSecrets, PlatformSecrets, secretsEnv } from '../scripts/lib/platform-secrets';
import { runStep } from '../scripts/lib/steps';
import { E2eClient, SignedInMember } from '../test/support/e2e-client';
import { eventually } from '../test/support/eventually';
import { moveGroupToTopicEnds } from '../test/support/kafka-probe';
import { uniqueSuffix } from '../test/support/test-infrastructure';
import { FigureTable, BenchReport, writeReport } from './report';
import { setUpMembers } from './scenarios/bench-members';
import { CpuMeter, pidListeningOn, rssMiB } from './scenarios/footprint';
import { rawKafkaRoundTrips, rawRegistrationWrites } from './scenarios/raw-limits';
import { registrationMailTimes } from './scenarios/registration-mails';
import { checkRush, openLounge, rush, rushFigures } from './scenarios/registration-rush';
import { measureRebuild, publishReplayEvents, rawConsume, waitUntilConsumed } from './scenarios/replay';
import { requestReplyLatencies } from './scenarios/request-reply';
import { latenciesOf } from './stats';

const setting = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const RUNS = setting('BENCH_RUNS', 3);
const CALLS = setting('BENCH_CALLS', 1000);
const IDLE_SECONDS = setting('BENCH_IDLE_SECONDS', 10);
const MEMBERS = setting('BENCH_MEMBERS', 2000);
const SEATS = setting('BENCH_SEATS', 500);
/** Register requests started per second in the rush (0: all at once); the burst after it sends all at once. */
const RUSH_RATE = setting('BENCH_RUSH_RATE', 500);
/** Members who register for a lounge of their own before the rush (see warmUp). */
const WARM_UP = Math.min(100, MEMBERS);
const REPLAY_EVENTS = setting('BENCH_REPLAY_EVENTS', 100_000);
const MAIL_TIMEOUT_SECONDS = setting('BENCH_MAIL_TIMEOUT_SECONDS', 900);
/** Services (comma-separated) to run with `node --cpu-prof` during the rush and the mails after it. */
const PROFILED = (process.env.BENCH_PROFILE ?? '')
  .split(',')
  .map((name) => name.trim())
  .filter((name) => name.length > 0) as ServiceName[];
/** The gateway's port; the other services follow it (another bench on the machine needs another base). */
const PORT_BASE = setting('BENCH_PORT_BASE', 23000);
/** The consumer group of the notifications service's event consumer. */
const NOTIFICATIONS_EVENT_GROUP = 'notifications.events';

const started = Date.now();
function log(line: string): void {
  console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(5)} s] ${line}`);
}

async function main(): Promise<void> {
  quietKnownKafkajsWarnings();
  const build = await runStep('build', 'npm', ['run', 'build']);
  if (!build.ok) throw new Error('build failed');

  const table = new FigureTable();
  const checks: BenchReport['checks'][number][] = [];
  const profiles: string[] = [];
  // Started once: the members set up in the first run (most of a run's time) live in its database,
  // and every run rushes a new lounge with them.
  const infraStarted = Date.now();
  // One Kafka cluster: the others of the test profile are for parallel test workers, idle here.
  process.env.IC_TEST_KAFKA_CLUSTERS ??= '1';
  const infrastructure = await provideInfrastructure({ profile: 'test', log });
  table.add('infraStart', 'infrastructure start (warm cache)', 's', (Date.now() - infraStarted) / 1000);
  const kafka = new KafkaConnection({
    clientId: 'bench',
    brokers: infrastructure.kafkaBrokers,
    sessionTimeoutMs: 10_000,
  });
  // Kept across bench invocations: staff accounts are created only on the first start against an
  // empty database, and infrastructure given by the environment keeps its database.
  const { secrets } = loadOrCreateSecrets(join(REPO_ROOT, '.cache', 'bench-secrets.json'));
  try {
    let members: BenchMembers | undefined;
    for (let run = 1; run <= RUNS; run++) {
      log(`— run ${run} of ${RUNS}`);
      members = await measureRun(run, { infrastructure, secrets, kafka, table, checks, profiles }, members);
    }
  } finally {
    await kafka.disconnect();
    await infrastructure.stop();
  }

  const { stem, markdown } = writeReport(join(REPO_ROOT, 'bench', 'results'), {
    date: new Date().toISOString(),
    node: process.versions.node,
    runs: RUNS,
    infrastructure: infrastructure.source,
    settings: {
      BENCH_RUNS: RUNS,
      BENCH_MEMBERS: MEMBERS,
      BENCH_SEATS: SEATS,
      BENCH_RUSH_RATE: RUSH_RATE,
      BENCH_CALLS: CALLS,
      BENCH_REPLAY_EVENTS: REPLAY_EVENTS,
      BENCH_IDLE_SECONDS: IDLE_SECONDS,
      // The services read it from this process's environment; compared runs differ in it.
      CONSUMER_PARALLEL_KEYS: process.env.CONSUMER_PARALLEL_KEYS ?? 'default',
      SMTP_MAX_CONNECTIONS: process.env.SMTP_MAX_CONNECTIONS ?? 'default',
    },
    figures: table.summaries(),
    checks,
    profiles,
  });
  console.log(
    `\n${markdown}\nWritten to bench/results/${stem}.json and .md (${((Date.now() - started) / 1000).toFixed(0)} s in all)`,
  );
}

/** The members who rush, set up once, with the domain of their addresses (their mails are read by it). */
interface BenchMembers {
  readonly domain: string;
  readonly signedIn: SignedInMember[];
}

interface BenchContext {
  readonly infrastructure: Infrastructure;
  readonly secrets: PlatformSecrets;
  readonly kafka: KafkaConnection;
  readonly table: FigureTable;
  readonly checks: BenchReport['checks'][number][];
  readonly profiles: string[];
}

async function measureRun(
  run: number,
  { infrastructure, secrets, kafka, table, checks, profiles }: BenchContext,
  earlierMembers: BenchMembers | undefined,
): Promise<BenchMembers> {
  const platform = new PlatformRunner({
    env: {
      ...secretsEnv(secrets),
      KAFKA_BROKERS: infrastructure.kafkaBrokers.join(','),
      MONGODB_URI: infrastructure.mongodbUri,
      SMTP_HOST: infrastructure.smtp.host,
      SMTP_PORT: String(infrastructure.smtp.port),
      LINK_BASE_URL: `http://127.0.0.1:${PORT_BASE}`,
      // Every bench member asks for a sign-in link from the same loopback address.
      SIGN_IN_LINK_REQUESTS_PER_IP: '10000',
      SIGN_IN_LINK_REQUESTS_OVERALL: '10000',
      // The members sign in once, in the first run; their tokens must outlast every run.
      ACCESS_TOKEN_TTL_SECONDS: String(6 * 3600),
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'warn',
    },
    portBase: PORT_BASE,
    logDir: join(REPO_ROOT, '.cache', 'logs', 'bench'),
    log: (line) => log(`[platform] ${line}`),
  });
  try {
    const platformStarted = Date.now();
    const services = await platform.start();
    table.add(
      'platformStart',
      'platform start (six services ready, warm cache)',
      's',
      (Date.now() - platformStarted) / 1000,
    );
    log(`platform ready; idling ${IDLE_SECONDS} s`);
    await new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1000));
    for (const service of services)
      table.add(`idleRss.${service.name}`, `RSS idle: ${service.name}`, 'MiB', rssMiB(service.pid));

    await requestReplyLatencies(platform.gatewayUrl, 50); // warm-up, not counted
    const calls = latenciesOf(await requestReplyLatencies(platform.gatewayUrl, CALLS));
    table.add(
      'requestReply.median',
      `request/reply through the gateway (${CALLS} calls one by one): median`,
      'ms',
      calls.median,
    );
    table.add('requestReply.p99', 'request/reply through the gateway: p99', 'ms', calls.p99);
    log(`request/reply: median ${calls.median.toFixed(2)} ms, p99 ${calls.p99.toFixed(2)} ms`);

    // Setup, not measured: real members through invitation mails, and the lounge.
    const client = new E2eClient(platform.gatewayUrl, infrastructure.mailSinkUrl);
    const staff = secrets.staff[0];
    const login = await client.call<{ accessToken: string }>('POST', '/auth/staff/login', {
      body: { email: staff.email, password: staff.password },
    });
    if (login.status !== 200) throw new Error(`staff login: ${login.status} ${login.text}`);
    const staffToken = login.body.accessToken;
    let members = earlierMembers;
    if (!members) {
      const domain = `${uniqueSuffix(8)}.bench.example`;
      const setupStarted = Date.now();
      const signedIn = await setUpMembers(
        client,
        infrastructure.mailSinkUrl,
        staffToken,
        MEMBERS,
        domain,
        log,
      );
      table.add(
        'setup',
        `setup of ${MEMBERS} members through invitation mails, once (not a benchmark)`,
        's',
        (Date.now() - setupStarted) / 1000,
      );
      members = { domain, signedIn };
    }
    const eventId = await openLounge(client, staffToken, SEATS);
    // Every replica (registrations, notifications, …) must know the members before they register.
    await waitUntilConsumed(kafka, [DomainTopics.membership, DomainTopics.events], log);

    log(`raw limits: ${MEMBERS} Kafka round trips and ${MEMBERS} registrations' database writes`);
    const rawKafka = await rawKafkaRoundTrips(infrastructure.kafkaBrokers, MEMBERS);
    const rawDb = await rawRegistrationWrites(infrastructure.mongodbUri, MEMBERS);
    log(
      `raw limits: Kafka ${rawKafka.operationsPerSecond.toFixed(0)}/s, database ${rawDb.operationsPerSecond.toFixed(0)}/s`,
    );

    if (PROFILED.length > 0) {
      for (const name of PROFILED)
        await platform.restart(name, { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profileDir(run, name)}` });
      await waitUntilConsumed(kafka, [DomainTopics.membership, DomainTopics.events], log);
    }
    await warmUp(client, staffToken, members, infrastructure.mailSinkUrl);
    const processes = measuredProcesses(platform.running(), infrastructure);
    log(`rush: ${MEMBERS} members register, ${rushPace(RUSH_RATE)}, for ${SEATS} seats`);
    const rushCpu = new CpuMeter(processes);
    const sent = await rush(client, eventId, members.signedIn, RUSH_RATE);
    const rushCpuShare = rushCpu.read();
    const figures = rushFigures(sent);
    log(
      `rush: ${figures.registrationsPerSecond.toFixed(0)} registrations/s, errors ${JSON.stringify(figures.errors)}`,
    );
    for (const service of platform.running()) {
      table.add(
        `rushRss.${service.name}`,
        `RSS at the end of the rush: ${service.name}`,
        'MiB',
        rssMiB(service.pid),
      );
    }
    const mails = await registrationMailTimes(
      infrastructure.mailSinkUrl,
      members.domain,
      sent,
      MAIL_TIMEOUT_SECONDS,
      log,
    );
    const mailCpuShare = rushCpu.read();
    if (PROFILED.length > 0) {
      for (const name of PROFILED) {
        await platform.restart(name);
        profiles.push(profileDir(run, name));
      }
    }
    const check = await checkRush(client, staffToken, eventId, sent, SEATS);
    checks.push({ scenario: `Run ${run}, rush`, problems: check.problems, errors: figures.errors });
    log(`rush: correctness ${check.problems.length === 0 ? 'ok' : check.problems.join('; ')}`);

    table.add(
      'rush.rate',
      `rush: registrations answered per second (${MEMBERS}, ${rushPace(RUSH_RATE)}, ${SEATS} seats)`,
      '/s',
      figures.registrationsPerSecond,
    );
    table.add('rush.median', 'rush: latency median', 'ms', figures.latencyMs.median);
    table.add('rush.p95', 'rush: latency p95', 'ms', figures.latencyMs.p95);
    table.add('rush.p99', 'rush: latency p99', 'ms', figures.latencyMs.p99);
    table.add('rush.errors', 'rush: errors (answers other than 201)', '', figures.errorCount);
    table.add(
      'rush.confirmed',
      `rush: confirmed (expected ${Math.min(SEATS, MEMBERS)})`,
      '',
      check.confirmed,
    );
    table.add(
      'rush.waiting',
      'rush: waiting, places 1..n without gaps',
      '',
      check.waitingPlacesGapless ? check.waiting : -1,
    );
    table.add('rush.duplicates', 'rush: duplicate registrations', '', check.duplicates);
    table.add(
      'raw.kafka',
      'raw Kafka round trips (produce → consume → produce → consume) per second',
      '/s',
      rawKafka.operationsPerSecond,
    );
    table.add('raw.kafkaMedian', 'raw Kafka round trip: latency median', 'ms', rawKafka.latencyMs.median);
    table.add(
      'raw.db',
      'raw database writes of one registration (4 writes) per second',
      '/s',
      rawDb.operationsPerSecond,
    );
    table.add(
      'ratio.kafka',
      'platform / raw Kafka round trips',
      '×',
      figures.registrationsPerSecond / rawKafka.operationsPerSecond,
    );
    table.add(
      'ratio.db',
      'platform / raw registration writes',
      '×',
      figures.registrationsPerSecond / rawDb.operationsPerSecond,
    );
    table.add('mail.median', 'registration → mail accepted by SMTP: median', 'ms', mails.latencyMs.median);
    table.add('mail.p99', 'registration → mail accepted by SMTP: p99', 'ms', mails.latencyMs.p99);
    table.add(
      'mail.afterAnswer.median',
      'registration answered → mail accepted by SMTP: median',
      'ms',
      mails.afterAnswerMs.median,
    );
    table.add(
      'mail.afterAnswer.p99',
      'registration answered → mail accepted by SMTP: p99',
      'ms',
      mails.afterAnswerMs.p99,
    );
    table.add('mail.rate', 'mails received per second (first to last)', '/s', mails.mailsPerSecond);
    table.add('mail.last', 'last registration mail after the rush began', 's', mails.lastMailAfterSeconds);
    table.add(
      'mail.count',
      `registration mails received (of ${sent.filter((request) => request.registration).length})`,
      '',
      mails.mails,
    );
    table.add(
      'mail.order',
      'mails in the order of the seat decisions (1 = strictly)',
      '',
      mails.inDecisionOrder,
    );
    for (const [name, share] of Object.entries(rushCpuShare))
      table.add(`cpu.rush.${name}`, `CPU during the rush: ${name}`, 'cores', share);
    for (const [name, share] of Object.entries(mailCpuShare))
      table.add(`cpu.mails.${name}`, `CPU from the rush until the last mail: ${name}`, 'cores', share);

    await measureBurst(run, client, staffToken, members, infrastructure.mailSinkUrl, table, checks);

    // The notifications service would work through every made-up event one by one (no mail, but
    // its replica): it is stopped first and its group moved past them afterwards.
    await platform.kill('notifications');
    log(`replay: notifications stopped; publishing ${REPLAY_EVENTS} registration events`);
    await publishReplayEvents(
      kafka,
      REPLAY_EVENTS,
      members.signedIn.map((member) => member.id),
    );
    await waitUntilConsumed(kafka, Object.values(DomainTopics), log);
    const rebuild = await measureRebuild(kafka, log);
    const raw = await rawConsume(infrastructure.kafkaBrokers);
    await skipReplayEventsForNotifications(kafka);
    log(
      `replay: rebuild ${rebuild.eventsPerSecond} events/s over ${rebuild.events}, raw ${(raw.events / raw.seconds).toFixed(0)} events/s`,
    );
    table.add('replay.events', 'replay: events on the domain topics', '', rebuild.events);
    table.add('replay.rebuild', 'replay: analytics rebuild', 'events/s', rebuild.events / rebuild.seconds);
    table.add(
      'replay.raw',
      'replay: raw kafkajs consume of the same topics',
      'events/s',
      raw.events / raw.seconds,
    );
    table.add(
      'ratio.replay',
      'analytics rebuild / raw consume',
      '×',
      rebuild.events / rebuild.seconds / (raw.events / raw.seconds),
    );
    return members;
  } finally {
    await platform.stop();
  }
}

/**
 * A platform just started has not run the registration path yet (its code is compiled on first
 * use, its database and Kafka connections opened on demand): WARM_UP members register for a small
 * lounge at once first, and their mails are awaited, so that none arrives during the rush.
 */
async function warmUp(
  client: E2eClient,
  staffToken: string,
  members: BenchMembers,
  mailSinkUrl: string,
): Promise<void> {
  const eventId = await openLounge(client, staffToken, Math.ceil(WARM_UP / 2));
  const sent = await rush(client, eventId, members.signedIn.slice(0, WARM_UP), 0);
  const failed = sent.filter((request) => request.status !== 201).length;
  if (failed > 0) throw new Error(`warm-up: ${failed} of ${sent.length} registrations failed`);
  await registrationMailTimes(mailSinkUrl, members.domain, sent, MAIL_TIMEOUT_SECONDS, log);
  log(`warm-up: ${sent.length} registrations and their mails`);
}

/**
 * The same members rush a second lounge all at once: every request waits behind all the others,
 * so its latencies say how long the platform takes for all of them rather than for one.
 */
async function measureBurst(
  run: number,
  client: E2eClient,
  staffToken: string,
  members: BenchMembers,
  mailSinkUrl: string,
  table: FigureTable,
  checks: BenchReport['checks'][number][],
): Promise<void> {
  const eventId = await openLounge(client, staffToken, SEATS);
  log(`burst: ${members.signedIn.length} members register at once for ${SEATS} seats`);
  const sent = await rush(client, eventId, members.signedIn, 0);
  const figures = rushFigures(sent);
  const check = await checkRush(client, staffToken, eventId, sent, SEATS);
  checks.push({ scenario: `Run ${run}, burst`, problems: check.problems, errors: figures.errors });
  log(
    `burst: ${figures.registrationsPerSecond.toFixed(0)} registrations/s, errors ${JSON.stringify(figures.errors)}, correctness ${check.problems.length === 0 ? 'ok' : check.problems.join('; ')}`,
  );
  table.add(
    'burst.rate',
    `burst: registrations answered per second (${members.signedIn.length} at once, ${SEATS} seats)`,
    '/s',
    figures.registrationsPerSecond,
  );
  table.add('burst.p99', 'burst: latency p99', 'ms', figures.latencyMs.p99);
  table.add('burst.errors', 'burst: errors (answers other than 201)', '', figures.errorCount);
  // Its mails go out before the replay stops the notifications service, so none is left for the next run.
  const mails = await registrationMailTimes(mailSinkUrl, members.domain, sent, MAIL_TIMEOUT_SECONDS, log);
  table.add('burst.mails', `burst: registration mails received (of ${sent.length})`, '', mails.mails);
}

function rushPace(perSecond: number): string {
  return perSecond > 0 ? `${perSecond} a second` : 'all at once';
}

/** Once the killed instance has left the group (after its session), so that a later start skips them. */
async function skipReplayEventsForNotifications(kafka: KafkaConnection): Promise<void> {
  await eventually(
    () =>
      kafka.withAdmin((admin) =>
        moveGroupToTopicEnds(admin, NOTIFICATIONS_EVENT_GROUP, [DomainTopics.registrations]),
      ),
    60_000,
    1000,
  );
}

function profileDir(run: number, service: ServiceName): string {
  const dir = join(REPO_ROOT, '.cache', 'bench-profiles', `run-${run}`, service);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The services and, where `ss` finds them, Kafka, the database and the mail sink. */
function measuredProcesses(
  services: readonly RunningService[],
  infrastructure: { kafkaBrokers: readonly string[]; mongodbUri: string; smtp: { port: number } },
): { name: string; pid: number }[] {
  const portOf = (address: string) => Number(/:(\d+)\/?$/.exec(address)?.[1]);
  const infra = [
    { name: 'kafka', port: portOf(infrastructure.kafkaBrokers[0]) },
    { name: 'mongo', port: portOf(infrastructure.mongodbUri) },
    { name: 'mail-sink', port: infrastructure.smtp.port },
  ].flatMap(({ name, port }) => {
    const pid = pidListeningOn(port);
    return pid ? [{ name, pid }] : [];
  });
  return [...services.map(({ name, pid }) => ({ name, pid })), ...infra];
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
