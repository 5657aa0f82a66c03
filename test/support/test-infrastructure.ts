/**
 * Where the integration and end-to-end tests find Kafka and Mongo. `npm test` starts the
 * infrastructure and passes its endpoints in these variables; run a single test file by hand with
 * `npm run infra -- up --profile test` in another terminal and the printed variables exported.
 */
export interface TestInfrastructure {
  readonly kafkaBrokers: string[];
  readonly mongodbUri: string;
  readonly smtpHost?: string;
  readonly smtpPort?: number;
  readonly mailSinkUrl?: string;
}

/**
 * A JSON array of Kafka bootstrap servers, one cluster per jest worker, set by `npm test` for the
 * integration tests; a worker's test files use the cluster of its JEST_WORKER_ID (1, 2, …) in place
 * of KAFKA_BROKERS.
 */
export const KAFKA_CLUSTERS_BY_WORKER_VARIABLE = 'IC_TEST_KAFKA_CLUSTERS_BY_WORKER';

/**
 * Points KAFKA_BROKERS at this jest worker's own cluster when `npm test` gives one per worker, so that
 * the test file and every process it starts use it.
 */
export function useThisWorkersKafkaCluster(): boolean {
  const clusters = process.env[KAFKA_CLUSTERS_BY_WORKER_VARIABLE];
  if (!clusters) return false;
  const list = JSON.parse(clusters) as string[];
  const worker = jestWorker();
  const brokers = list[worker - 1];
  if (brokers === undefined) {
    throw new Error(`jest worker ${worker} has no Kafka cluster of its own (${list.length} given)`);
  }
  process.env.KAFKA_BROKERS = brokers;
  return true;
}

/**
 * What every service a test starts runs with beyond its defaults: the office's passwords at the
 * lowest scrypt cost the service accepts (a hash in about 10 ms instead of 0.4 s of a core), since
 * every platform a test starts creates the office's accounts and most tests sign in as the office.
 */
export const TEST_SERVICE_SETTINGS: Readonly<Record<string, string>> = { STAFF_PASSWORD_COST: '12' };

/**
 * The platform an end-to-end or browser test starts keeps its data in `<prefix>_<service>` when this
 * variable is set (scripts/lib/platform-runner.ts), else in the services' own `ic_<service>`.
 */
export const DATABASE_PREFIX_VARIABLE = 'IC_TEST_DATABASE_PREFIX';

/**
 * End-to-end files in several jest workers (`npm test`): besides its own Kafka cluster, each worker's
 * platform gets its own databases (`e2e<worker>_<service>`) and its own ports (IC_E2E_PORT_BASE + 10 ×
 * (worker − 1)), so that files in different workers share only the Mongo server and the mail sink.
 */
export function isolateThisE2eWorker(): void {
  if (!useThisWorkersKafkaCluster()) return;
  const worker = jestWorker();
  process.env[DATABASE_PREFIX_VARIABLE] = `e2e${worker}`;
  givePortsToThisWorker(10);
}

/** Ports an outage worker takes from IC_E2E_PORT_BASE: its platform's six, and the servers its file starts (up to + 25). */
const OUTAGE_PORTS_PER_WORKER = 30;

/**
 * Outage files side by side (`npm test` gives each a worker): each starts the Kafka it fails (and
 * platform.outage.ts its own Mongo server), so a worker needs only ports of its own for them and its
 * platform.
 */
export function isolateThisOutageWorker(): void {
  givePortsToThisWorker(OUTAGE_PORTS_PER_WORKER);
}

/** Moves IC_E2E_PORT_BASE past the ports of the workers before this one. */
function givePortsToThisWorker(portsPerWorker: number): void {
  const base = Number(process.env.IC_E2E_PORT_BASE ?? 13000);
  process.env.IC_E2E_PORT_BASE = String(base + portsPerWorker * (jestWorker() - 1));
}

function jestWorker(): number {
  return Number(process.env.JEST_WORKER_ID ?? '1');
}

export function testInfrastructure(): TestInfrastructure {
  const brokers = process.env.KAFKA_BROKERS;
  const mongodbUri = process.env.MONGODB_URI;
  if (!brokers || !mongodbUri) {
    throw new Error(
      'KAFKA_BROKERS and MONGODB_URI are not set. Run the tests with `npm test`, or start the test ' +
        'infrastructure with `npm run infra -- up --profile test` and export the variables it prints.',
    );
  }
  return {
    kafkaBrokers: brokers.split(','),
    mongodbUri,
    ...(process.env.SMTP_HOST ? { smtpHost: process.env.SMTP_HOST } : {}),
    ...(process.env.SMTP_PORT ? { smtpPort: Number(process.env.SMTP_PORT) } : {}),
    ...(process.env.MAIL_SINK_URL ? { mailSinkUrl: process.env.MAIL_SINK_URL } : {}),
  };
}

/** Lower-case letters only, so names fit every naming rule (topics, reply topics, databases). */
export function uniqueSuffix(length = 10): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  return Array.from({ length }, () => letters[Math.floor(Math.random() * letters.length)]).join('');
}
