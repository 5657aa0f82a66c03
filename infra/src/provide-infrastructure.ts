import { platformTopicCatalog } from '@ic/contracts';
import { KafkaConnection } from '@ic/messaging';
import { isDockerEngineAvailable, startContainers } from './containers';
import { kafkaToolsNeeded, startLocalKafka, waitForTopicsOnEveryNode } from './local/local-kafka';
import { startLocalMailSink } from './local/local-mail-sink';
import { mongoToolsNeeded, startLocalMongo } from './local/local-mongo';
import { assertPortsFree } from './local/ports';
import { ensureTools } from './local/toolchain';
import { prepareLocalRun } from './local/local-run';
import { elapsedSince } from './local/wait-until-ready';
import {
  InfraSetupError,
  LOCALHOST,
  resolveInfraSettings,
  type InfraProfile,
  type InfraSettings,
  type PortClaim,
} from './settings';
import { startSideBySide } from './start-side-by-side';

export type InfraSource = 'env' | 'testcontainers' | 'local';

export interface Infrastructure {
  /** Where Kafka and MongoDB come from; the mail sink is ours unless SMTP_HOST is set. */
  readonly source: InfraSource;
  readonly kafkaBrokers: string[];
  /**
   * Bootstrap servers of separate Kafka clusters, one per parallel worker of the integration tests;
   * the first is kafkaBrokers. One entry unless the test profile runs local processes.
   */
  readonly isolatedKafkaClusters: string[];
  readonly mongodbUri: string;
  readonly smtp: { readonly host: string; readonly port: number };
  readonly mailSinkUrl: string;
  /** Stops what this call started (nothing of servers given by the environment); safe to call twice. */
  stop(): Promise<void>;
}

export interface ProvideInfrastructureOptions {
  readonly profile: InfraProfile;
  readonly log: (line: string) => void;
}

interface Endpoints<T> {
  readonly value: T;
  readonly stop: () => Promise<void>;
}

type Backends = Pick<Infrastructure, 'kafkaBrokers' | 'isolatedKafkaClusters' | 'mongodbUri'>;
type Mail = Pick<Infrastructure, 'smtp' | 'mailSinkUrl'>;

/**
 * A real Kafka (with every catalog topic), a MongoDB-protocol server and an SMTP sink, from the first
 * source that applies: the environment (KAFKA_BROKERS, MONGODB_URI), a Docker engine via testcontainers,
 * or local processes (Kafka and mongo-java-server from their Maven jars).
 */
export async function provideInfrastructure({
  profile,
  log,
}: ProvideInfrastructureOptions): Promise<Infrastructure> {
  const startedAt = Date.now();
  const settings = resolveInfraSettings(profile);
  const givenBackends = backendsFromEnv(process.env);
  const givenMail = mailFromEnv(process.env);
  const source: InfraSource = givenBackends
    ? 'env'
    : (await isDockerEngineAvailable())
      ? 'testcontainers'
      : 'local';

  const localClaims: PortClaim[] = [
    ...(source === 'local'
      ? [
          ...settings.kafka.flatMap((cluster) =>
            cluster.nodes.flatMap((node) => [node.port, node.controllerPort]),
          ),
          settings.mongo.port,
        ]
      : []),
    ...(givenMail ? [] : [settings.mailSink.smtpPort, settings.mailSink.webPort]),
  ];
  if (localClaims.length > 0) {
    await prepareLocalRun(settings, log);
    await assertPortsFree(localClaims);
  }
  if (source === 'local') {
    // All at once and before anything starts: one apt-get run, one message listing everything missing.
    await ensureTools([...kafkaToolsNeeded(settings), ...(await mongoToolsNeeded(settings))], log);
  }

  const [backends, mail] = await startSideBySide([
    givenBackends ? nothingToStop(givenBackends) : startBackends(source, settings, log),
    givenMail ? nothingToStop(givenMail) : startMail(settings, log),
  ]);
  const stopStarted = async (): Promise<void> => {
    await Promise.all([backends.stop(), mail.stop()]);
  };

  try {
    const topics = platformTopicCatalog();
    for (const brokers of backends.value.isolatedKafkaClusters) {
      const kafka = new KafkaConnection({
        clientId: 'ic-infra',
        brokers: brokers.split(','),
        sessionTimeoutMs: 10_000,
      });
      try {
        const { created } = await kafka.ensureTopics(topics);
        if (source === 'local') {
          await waitForTopicsOnEveryNode(
            brokers,
            topics.map((topic) => topic.name),
          );
        }
        log(`[infra] ${topics.length} topics ready on ${brokers} (${created.length} created)`);
      } finally {
        await kafka.disconnect();
      }
    }
  } catch (error) {
    await stopStarted();
    throw error;
  }
  log(`[infra] ready in ${elapsedSince(startedAt)} (${describeSource(source)}, profile ${profile})`);

  let stopping: Promise<void> | undefined;
  return {
    source,
    ...backends.value,
    ...mail.value,
    stop: () => (stopping ??= stopStarted()),
  };
}

async function startBackends(
  source: InfraSource,
  settings: InfraSettings,
  log: (line: string) => void,
): Promise<Endpoints<Backends>> {
  if (source === 'testcontainers') {
    const containers = await startContainers(log);
    return {
      value: { ...containers, isolatedKafkaClusters: [containers.kafkaBrokers.join(',')] },
      stop: () => containers.stop(),
    };
  }
  const [mongoServer, ...kafkaClusters] = await startSideBySide([
    startLocalMongo(settings, log),
    ...settings.kafka.map((_, index) => startLocalKafka(settings, log, index)),
  ]);
  const clusters = kafkaClusters.map((cluster) => cluster.bootstrapServers);
  return {
    value: {
      kafkaBrokers: clusters[0].split(','),
      isolatedKafkaClusters: clusters,
      mongodbUri: `mongodb://${LOCALHOST}:${settings.mongo.port.port}/`,
    },
    stop: async () => {
      await Promise.all([mongoServer, ...kafkaClusters].map((process) => process.stop()));
    },
  };
}

async function startMail(settings: InfraSettings, log: (line: string) => void): Promise<Endpoints<Mail>> {
  const sink = await startLocalMailSink(settings, log);
  return {
    value: {
      smtp: { host: LOCALHOST, port: settings.mailSink.smtpPort.port },
      mailSinkUrl: `http://${LOCALHOST}:${settings.mailSink.webPort.port}`,
    },
    stop: () => sink.stop(),
  };
}

function nothingToStop<T>(value: T): Promise<Endpoints<T>> {
  return Promise.resolve({ value, stop: () => Promise.resolve() });
}

function backendsFromEnv(env: NodeJS.ProcessEnv): Backends | undefined {
  const { KAFKA_BROKERS: brokers, MONGODB_URI: mongodbUri } = env;
  if (!brokers && !mongodbUri) return undefined;
  if (!brokers || !mongodbUri) {
    const [set, unset] = brokers ? ['KAFKA_BROKERS', 'MONGODB_URI'] : ['MONGODB_URI', 'KAFKA_BROKERS'];
    throw new InfraSetupError(
      `${set} is set but ${unset} is not: set both to use your own servers, or neither to have them started.`,
    );
  }
  const kafkaBrokers = brokers.split(',').map((broker) => broker.trim());
  return { kafkaBrokers, isolatedKafkaClusters: [kafkaBrokers.join(',')], mongodbUri };
}

function mailFromEnv(env: NodeJS.ProcessEnv): Mail | undefined {
  const { SMTP_HOST: host, SMTP_PORT: port, MAIL_SINK_URL: mailSinkUrl } = env;
  if (!host) return undefined;
  if (!port || !mailSinkUrl) {
    throw new InfraSetupError(
      'SMTP_HOST is set, so SMTP_PORT and MAIL_SINK_URL (the sink that lets tests read sent mail) must be set too.',
    );
  }
  return { smtp: { host, port: Number(port) }, mailSinkUrl };
}

function describeSource(source: InfraSource): string {
  switch (source) {
    case 'env':
      return 'Kafka and MongoDB from the environment';
    case 'testcontainers':
      return 'Kafka and MongoDB in containers';
    case 'local':
      return 'local processes';
  }
}
