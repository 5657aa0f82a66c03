import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { LOCALHOST, type InfraSettings } from '../settings';
import { recordDirOf } from './local-run';
import { ensureMavenJars } from './maven-jars';
import { startDetached, type ManagedProcess } from './processes';
import { runCommand } from './run-command';
import { Tools, type Tool } from './toolchain';
import { elapsedSince, waitUntilReady } from './wait-until-ready';

export const KAFKA_VERSION = '3.9.1';
const READY_TIMEOUT_MS = 60_000;

export interface KafkaServerOptions {
  readonly port: number;
  readonly controllerPort: number;
  readonly dataDir: string;
}

/** A single node that is broker and KRaft controller at once, bound to 127.0.0.1 only. */
export function kafkaServerProperties({ port, controllerPort, dataDir }: KafkaServerOptions): string {
  const properties: Record<string, string | number> = {
    'process.roles': 'broker,controller',
    'node.id': 1,
    'controller.quorum.voters': `1@${LOCALHOST}:${controllerPort}`,
    listeners: `PLAINTEXT://${LOCALHOST}:${port},CONTROLLER://${LOCALHOST}:${controllerPort}`,
    'advertised.listeners': `PLAINTEXT://${LOCALHOST}:${port}`,
    'controller.listener.names': 'CONTROLLER',
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'inter.broker.listener.name': 'PLAINTEXT',
    'log.dirs': dataDir,
    'num.partitions': 3,
    // Topics come from the catalog only; a typo in a topic name must fail, not create a topic.
    'auto.create.topics.enable': 'false',
    'offsets.topic.replication.factor': 1,
    'offsets.topic.num.partitions': 6,
    'transaction.state.log.replication.factor': 1,
    'transaction.state.log.min.isr': 1,
    // One broker: no point in waiting for more consumers before the first rebalance.
    'group.initial.rebalance.delay.ms': 0,
    'log.retention.hours': -1,
  };
  return Object.entries(properties)
    .map(([key, value]) => `${key}=${value}`)
    .join('\n')
    .concat('\n');
}

/** Only warnings and errors, to the process's stdout, which goes to its log file. */
const LOG4J_PROPERTIES = [
  'log4j.rootLogger=WARN, stdout',
  'log4j.appender.stdout=org.apache.log4j.ConsoleAppender',
  'log4j.appender.stdout.layout=org.apache.log4j.PatternLayout',
  'log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n',
  '',
].join('\n');

/** Starts the profile's Kafka cluster of this index (settings.kafka); the first is the platform's. */
export async function startLocalKafka(
  settings: InfraSettings,
  log: (line: string) => void,
  clusterIndex = 0,
): Promise<ManagedProcess> {
  const startedAt = Date.now();
  const cluster = settings.kafka[clusterIndex];
  if (!cluster) throw new Error(`the ${settings.profile} profile has no Kafka cluster ${clusterIndex + 1}`);
  const libsDir = await ensureKafkaJars(settings, log);

  const name = clusterIndex === 0 ? 'kafka' : `kafka-${clusterIndex + 1}`;
  const kafkaDir = join(settings.stateDir, name);
  const dataDir = join(kafkaDir, 'data');
  const serverProperties = join(kafkaDir, 'server.properties');
  const log4jProperties = join(kafkaDir, 'log4j.properties');
  await mkdir(dataDir, { recursive: true });
  const port = cluster.port.port;
  await writeFile(
    serverProperties,
    kafkaServerProperties({ port, controllerPort: cluster.controllerPort.port, dataDir }),
  );
  await writeFile(log4jProperties, LOG4J_PROPERTIES);
  const classpath = ['-cp', join(libsDir, '*')];

  if (!existsSync(join(dataDir, 'meta.properties'))) {
    await runCommand('java', [
      ...classpath,
      'kafka.tools.StorageTool',
      'format',
      '-t',
      newClusterId(),
      '-c',
      serverProperties,
    ]);
  }

  const kafka = await startDetached({
    name,
    command: 'java',
    args: [
      '-Xms256m',
      '-Xmx512m',
      `-Dlog4j.configuration=file:${log4jProperties}`,
      ...classpath,
      'kafka.Kafka',
      serverProperties,
    ],
    cwd: kafkaDir,
    marker: serverProperties,
    logFile: join(kafkaDir, 'kafka.log'),
    recordDir: recordDirOf(settings),
    log,
  });
  // An open port is not a ready broker: wait until it answers an admin request.
  await waitUntilReady(kafka, () => describeCluster(`${LOCALHOST}:${port}`), READY_TIMEOUT_MS);
  log(`[infra] ${cluster.port.service} ready on ${LOCALHOST}:${port} (${elapsedSince(startedAt)})`);
  return kafka;
}

/** Kafka's own cluster ids are 16 random bytes in URL-safe base64; one starting with '-' reads like a flag. */
function newClusterId(): string {
  const id = randomBytes(16).toString('base64url');
  return id.startsWith('-') ? newClusterId() : id;
}

/** Java to run; Maven only while the jars are not cached yet. */
export function kafkaToolsNeeded(settings: InfraSettings): Tool[] {
  return existsSync(kafkaLibsDir(settings)) ? [Tools.java] : [Tools.java, Tools.maven];
}

function kafkaLibsDir(settings: InfraSettings): string {
  return join(settings.cacheDir, `kafka-${KAFKA_VERSION}`, 'libs');
}

export function ensureKafkaJars(settings: InfraSettings, log: (line: string) => void): Promise<string> {
  return ensureMavenJars(
    {
      label: `Kafka ${KAFKA_VERSION}`,
      pom: join(settings.repoRoot, 'infra', 'kafka', 'pom.xml'),
      libsDir: kafkaLibsDir(settings),
    },
    log,
  );
}

async function describeCluster(broker: string): Promise<void> {
  const admin = new Kafka({
    clientId: 'ic-infra-probe',
    brokers: [broker],
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1_000,
    retry: { retries: 0 },
  }).admin();
  await admin.connect();
  try {
    await admin.describeCluster();
  } finally {
    await admin.disconnect();
  }
}
