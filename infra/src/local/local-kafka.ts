import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Admin, Kafka, logLevel } from 'kafkajs';
import { kafkaBootstrapServers, LOCALHOST, type InfraSettings, type KafkaUser } from '../settings';
import { startSideBySide } from '../start-side-by-side';
import { recordDirOf } from './local-run';
import { ensureMavenJars } from './maven-jars';
import { sleep, startDetached, type ManagedProcess } from './processes';
import { runCommand } from './run-command';
import { Tools, type Tool } from './toolchain';
import { elapsedSince, waitUntilReady } from './wait-until-ready';

export const KAFKA_VERSION = '3.9.1';
const READY_TIMEOUT_MS = 60_000;

export interface KafkaServerOptions {
  /** This node's id, from 1; the other nodes of its cluster are `voters`. */
  readonly nodeId: number;
  readonly port: number;
  readonly controllerPort: number;
  /** Controller ports of every node of the cluster, this one's included, in node order. */
  readonly voters: readonly number[];
  readonly dataDir: string;
  /** Clients sign in with SASL PLAIN as this user (the nodes among themselves too); unset: no sign-in. */
  readonly saslPlainUser?: KafkaUser;
}

/**
 * A node that is broker and KRaft controller at once, bound to 127.0.0.1 only. Alone, or one of
 * three: then every topic has three replicas and a write counts once two have it, so that the cluster
 * keeps taking writes, and loses none, while one node is down.
 */
export function kafkaServerProperties({
  nodeId,
  port,
  controllerPort,
  voters,
  dataDir,
  saslPlainUser,
}: KafkaServerOptions): string {
  const replicas = voters.length;
  const listener = saslPlainUser ? 'SASL_PLAINTEXT' : 'PLAINTEXT';
  const minInSync = replicas === 1 ? 1 : 2;
  const properties: Record<string, string | number> = {
    'process.roles': 'broker,controller',
    'node.id': nodeId,
    'controller.quorum.voters': voters
      .map((voterPort, index) => `${index + 1}@${LOCALHOST}:${voterPort}`)
      .join(','),
    listeners: `${listener}://${LOCALHOST}:${port},CONTROLLER://${LOCALHOST}:${controllerPort}`,
    'advertised.listeners': `${listener}://${LOCALHOST}:${port}`,
    'controller.listener.names': 'CONTROLLER',
    'listener.security.protocol.map': `${listener}:${listener},CONTROLLER:PLAINTEXT`,
    'inter.broker.listener.name': listener,
    ...(saslPlainUser && {
      'sasl.enabled.mechanisms': 'PLAIN',
      'sasl.mechanism.inter.broker.protocol': 'PLAIN',
      'listener.name.sasl_plaintext.plain.sasl.jaas.config':
        'org.apache.kafka.common.security.plain.PlainLoginModule required ' +
        `username="${saslPlainUser.username}" password="${saslPlainUser.password}" ` +
        `user_${saslPlainUser.username}="${saslPlainUser.password}";`,
    }),
    'log.dirs': dataDir,
    'num.partitions': 3,
    // Topics come from the catalog only; a typo in a topic name must fail, not create a topic.
    'auto.create.topics.enable': 'false',
    'default.replication.factor': replicas,
    'min.insync.replicas': minInSync,
    'offsets.topic.replication.factor': replicas,
    'offsets.topic.num.partitions': 6,
    'transaction.state.log.replication.factor': replicas,
    'transaction.state.log.min.isr': minInSync,
    // No point in waiting for more consumers before the first rebalance.
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

/** A local Kafka cluster: its nodes, each a process of its own, and the bootstrap servers naming all. */
export interface LocalKafkaCluster {
  readonly bootstrapServers: string;
  readonly nodes: readonly ManagedProcess[];
  stop(): Promise<void>;
}

/**
 * Starts the profile's Kafka cluster of this index (settings.kafka; the first is the platform's): its
 * nodes side by side (a node of three waits for a quorum before it serves), ready once every node
 * answers and the cluster counts all of them, so that replicated topics can be created.
 */
export async function startLocalKafka(
  settings: InfraSettings,
  log: (line: string) => void,
  clusterIndex = 0,
): Promise<LocalKafkaCluster> {
  const startedAt = Date.now();
  const cluster = settings.kafka[clusterIndex];
  if (!cluster) throw new Error(`the ${settings.profile} profile has no Kafka cluster ${clusterIndex + 1}`);
  const clusterId = await existingClusterId(settings, clusterIndex);
  const nodes = await startSideBySide(
    cluster.nodes.map((_, nodeIndex) =>
      startLocalKafkaNode(settings, log, clusterIndex, nodeIndex, clusterId),
    ),
  );
  const bootstrapServers = kafkaBootstrapServers(cluster);
  log(
    `[infra] ${cluster.nodes[0].port.service}${nodes.length > 1 ? ` (${nodes.length} nodes)` : ''} ready on ` +
      `${bootstrapServers} (${elapsedSince(startedAt)})`,
  );
  return {
    bootstrapServers,
    nodes,
    stop: async () => {
      await Promise.all(nodes.map((node) => node.stop()));
    },
  };
}

/**
 * Starts one node of a cluster, e.g. again after a test killed it. Its storage is formatted on the
 * first start, with the cluster's id (all nodes of a cluster share it).
 */
export async function startLocalKafkaNode(
  settings: InfraSettings,
  log: (line: string) => void,
  clusterIndex: number,
  nodeIndex: number,
  clusterId?: string,
): Promise<ManagedProcess> {
  const cluster = settings.kafka[clusterIndex];
  const node = cluster?.nodes[nodeIndex];
  if (!cluster || !node) {
    throw new Error(`the ${settings.profile} profile has no Kafka node ${clusterIndex + 1}.${nodeIndex + 1}`);
  }
  const libsDir = await ensureKafkaJars(settings, log);
  const name = kafkaNodeName(clusterIndex, nodeIndex);
  const kafkaDir = join(settings.stateDir, name);
  const dataDir = join(kafkaDir, 'data');
  const serverProperties = join(kafkaDir, 'server.properties');
  const log4jProperties = join(kafkaDir, 'log4j.properties');
  await mkdir(dataDir, { recursive: true });
  const port = node.port.port;
  await writeFile(
    serverProperties,
    kafkaServerProperties({
      nodeId: nodeIndex + 1,
      port,
      controllerPort: node.controllerPort.port,
      voters: cluster.nodes.map((each) => each.controllerPort.port),
      dataDir,
      saslPlainUser: cluster.saslPlainUser,
    }),
  );
  await writeFile(log4jProperties, LOG4J_PROPERTIES);
  const classpath = ['-cp', join(libsDir, '*')];

  if (!existsSync(join(dataDir, META_PROPERTIES))) {
    const id = clusterId ?? (await existingClusterId(settings, clusterIndex));
    await runCommand('java', [
      ...LOCAL_KAFKA_JVM_OPTIONS,
      ...classpath,
      'kafka.tools.StorageTool',
      'format',
      '-t',
      id,
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
      ...LOCAL_KAFKA_JVM_OPTIONS,
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
  // An open port is not a ready broker: wait until it answers an admin request and sees every node.
  await waitUntilReady(
    kafka,
    () => describeCluster(`${LOCALHOST}:${port}`, cluster.nodes.length, cluster.saslPlainUser),
    READY_TIMEOUT_MS,
  );
  return kafka;
}

/**
 * The JIT and collector of the local Kafka's JVMs (the brokers and the storage tool). A local broker
 * carries the traffic of a developer's or a test run's platform, not a production load, and shares
 * two cores with it: with the quick compiler only and the serial collector instead of the JVM's
 * defaults (C2, G1's parallel threads), a broker used 2.1 instead of 3.2–4.6 CPU-seconds to start and
 * 3.0 instead of 5.2–6.4 while a platform started, idled for a minute and stopped (two runs each
 * way). `npm test` starts eight brokers.
 */
const LOCAL_KAFKA_JVM_OPTIONS = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];

/** `kafka`, `kafka-2` for the second cluster; a cluster's further nodes `kafka-node-2`, `kafka-2-node-3`. */
export function kafkaNodeName(clusterIndex: number, nodeIndex: number): string {
  const cluster = clusterIndex === 0 ? 'kafka' : `kafka-${clusterIndex + 1}`;
  return nodeIndex === 0 ? cluster : `${cluster}-node-${nodeIndex + 1}`;
}

const META_PROPERTIES = 'meta.properties';

/** The id a node of the cluster was formatted with (dev keeps its data), or a new one. */
async function existingClusterId(settings: InfraSettings, clusterIndex: number): Promise<string> {
  for (const [nodeIndex] of settings.kafka[clusterIndex].nodes.entries()) {
    const meta = join(settings.stateDir, kafkaNodeName(clusterIndex, nodeIndex), 'data', META_PROPERTIES);
    if (!existsSync(meta)) continue;
    const id = /^cluster\.id=(.+)$/m.exec(await readFile(meta, 'utf8'))?.[1];
    if (id) return id.trim();
  }
  return newClusterId();
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

async function describeCluster(broker: string, nodes: number, user?: KafkaUser): Promise<void> {
  await withProbeAdmin(broker, user, async (admin) => {
    const { brokers } = await admin.describeCluster();
    if (brokers.length < nodes) throw new Error(`${brokers.length} of ${nodes} Kafka nodes have joined`);
  });
}

/**
 * Returns once every node of the cluster answers metadata requests for these topics with a leader for
 * each partition. The topic creation waits for one node; another may learn of the new topics a moment
 * later and meanwhile answers "This server does not host this topic-partition" to a client that asks it.
 */
export async function waitForTopicsOnEveryNode(
  bootstrapServers: string,
  topics: readonly string[],
  user?: KafkaUser,
): Promise<void> {
  const nodes = bootstrapServers.split(',');
  if (nodes.length < 2) return;
  await Promise.all(
    nodes.map(async (node) => {
      const deadline = Date.now() + READY_TIMEOUT_MS;
      for (;;) {
        try {
          await withProbeAdmin(node, user, async (admin) => {
            const metadata = await admin.fetchTopicMetadata({ topics: [...topics] });
            const led = metadata.topics.every((topic) =>
              topic.partitions.every((partition) => partition.leader >= 0),
            );
            if (!led) throw new Error(`${node} does not know every partition's leader yet`);
          });
          return;
        } catch (error) {
          if (Date.now() > deadline) throw error;
        }
        await sleep(200);
      }
    }),
  );
}

async function withProbeAdmin<T>(
  broker: string,
  user: KafkaUser | undefined,
  work: (admin: Admin) => Promise<T>,
): Promise<T> {
  const admin = new Kafka({
    clientId: 'ic-infra-probe',
    brokers: [broker],
    ...(user && { sasl: { mechanism: 'plain', ...user } }),
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1_000,
    retry: { retries: 0 },
  }).admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect();
  }
}
