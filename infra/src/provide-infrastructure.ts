import { platformTopicCatalog } from '@ic/contracts';
import { KafkaConnection } from '@ic/messaging';
import { isDockerEngineAvailable, startContainers } from './containers';
import { ferretdbToolsNeeded, startLocalFerretdb } from './local/local-ferretdb';
import { kafkaToolsNeeded, startLocalKafka } from './local/local-kafka';
import { startLocalMailSink } from './local/local-mail-sink';
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

type Backends = Pick<Infrastructure, 'kafkaBrokers' | 'mongodbUri'>;
type Mail = Pick<Infrastructure, 'smtp' | 'mailSinkUrl'>;

/**
 * A real Kafka (with every catalog topic), a MongoDB-protocol server and an SMTP sink, from the first
 * source that applies: the environment (KAFKA_BROKERS, MONGODB_URI), a Docker engine via testcontainers,
 * or local processes (Kafka from its Maven jars, FerretDB built from its Go module).
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
          settings.kafka.port,
          settings.kafka.controllerPort,
          settings.ferretdb.port,
          settings.ferretdb.debugPort,
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
    await ensureTools([...kafkaToolsNeeded(settings), ...ferretdbToolsNeeded(settings)], log);
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
    const kafka = new KafkaConnection({
      clientId: 'ic-infra',
      brokers: backends.value.kafkaBrokers,
      sessionTimeoutMs: 10_000,
    });
    try {
      const { created } = await kafka.ensureTopics(topics);
      log(`[infra] ${topics.length} topics ready (${created.length} created)`);
    } finally {
      await kafka.disconnect();
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
    return { value: containers, stop: () => containers.stop() };
  }
  const [kafka, ferretdb] = await startSideBySide([
    startLocalKafka(settings, log),
    startLocalFerretdb(settings, log),
  ]);
  return {
    value: {
      kafkaBrokers: [`${LOCALHOST}:${settings.kafka.port.port}`],
      mongodbUri: `mongodb://${LOCALHOST}:${settings.ferretdb.port.port}/`,
    },
    stop: async () => {
      await Promise.all([kafka.stop(), ferretdb.stop()]);
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
  return { kafkaBrokers: brokers.split(',').map((broker) => broker.trim()), mongodbUri };
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
