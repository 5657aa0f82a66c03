import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export type InfraProfile = 'dev' | 'test';
export const InfraProfiles: readonly InfraProfile[] = ['dev', 'test'];

/** A problem the person running the infrastructure can fix; shown as its message alone, without a stack. */
export class InfraSetupError extends Error {
  override readonly name = 'InfraSetupError';
}

export interface PortClaim {
  readonly port: number;
  /** What listens there, as the person reading the message knows it. */
  readonly service: string;
  readonly envVar: string;
}

/** One Kafka process: broker and KRaft controller at once. */
export interface KafkaNodeClaims {
  readonly port: PortClaim;
  readonly controllerPort: PortClaim;
}

/** A Kafka cluster: one node, or three with replicated topics (IC_KAFKA_NODES). */
export interface KafkaClaims {
  readonly nodes: readonly KafkaNodeClaims[];
  /** Clients must sign in with SASL PLAIN as this user (a test of the services' KAFKA_SASL_* settings). */
  readonly saslPlainUser?: KafkaUser;
}

export interface KafkaUser {
  readonly username: string;
  readonly password: string;
}

export interface InfraSettings {
  readonly profile: InfraProfile;
  readonly repoRoot: string;
  /** Data, logs and pid records of this profile; inside the work tree, git-ignored. */
  readonly stateDir: string;
  /** Downloads and builds shared by all profiles and work trees; outside the work tree. */
  readonly cacheDir: string;
  /** The test profile starts from empty data every time; dev keeps its data. */
  readonly keepsData: boolean;
  /**
   * Separate Kafka clusters; the first is the platform's. The test profile starts more, one per
   * parallel worker of the integration tests, so that test files running side by side never share a
   * topic or a consumer group.
   */
  readonly kafka: readonly KafkaClaims[];
  readonly mongo: { readonly port: PortClaim };
  readonly mailSink: { readonly smtpPort: PortClaim; readonly webPort: PortClaim };
}

/** Different ports per profile so that `npm test` never clobbers a running `npm start`. */
const DefaultPorts = {
  dev: { kafka: 9092, mongo: 27017, smtp: 1025, mailWeb: 8025 },
  test: { kafka: 19092, mongo: 37017, smtp: 12025, mailWeb: 18025 },
} as const satisfies Record<InfraProfile, Record<string, number>>;

/** Kafka clusters of the test profile by default: the integration tests' workers (two cores: four). */
const DEFAULT_TEST_KAFKA_CLUSTERS = 4;
const MAX_TEST_KAFKA_CLUSTERS = 8;

/**
 * Nodes per Kafka cluster: one, or three (replication factor 3, min.insync.replicas 2: one node may
 * fail and every acknowledged write is still on two) to try what a broker's loss does.
 */
export const KafkaNodeCounts = [1, 3] as const;
export type KafkaNodeCount = (typeof KafkaNodeCounts)[number];
export const KAFKA_NODES_VARIABLE = 'IC_KAFKA_NODES';

export const LOCALHOST = '127.0.0.1';

export const REPO_ROOT = resolve(__dirname, '../..');

export function isInfraProfile(value: string): value is InfraProfile {
  return (InfraProfiles as readonly string[]).includes(value);
}

export function resolveInfraSettings(
  profile: InfraProfile,
  env: NodeJS.ProcessEnv = process.env,
): InfraSettings {
  const nodes = kafkaNodeCount(env);
  const defaults = DefaultPorts[profile];
  const claim = (envVar: string, service: string, fallback: number): PortClaim => ({
    port: portFromEnv(env, envVar, fallback),
    service,
    envVar,
  });
  const kafkaPort = claim('IC_KAFKA_PORT', 'Kafka', defaults.kafka);
  const clusters = profile === 'test' ? testKafkaClusters(env) : 1;
  // Each node takes two ports (broker, controller) after the node before, cluster after cluster.
  const kafka = Array.from({ length: clusters }, (_, cluster): KafkaClaims => ({
    nodes: Array.from({ length: nodes }, (_, node): KafkaNodeClaims => {
      const first = cluster === 0 && node === 0;
      const name = kafkaNodeService(cluster === 0 ? 'Kafka' : `Kafka ${cluster + 1}`, node);
      const port = first
        ? kafkaPort
        : claimOf(kafkaPort.port + 2 * (cluster * nodes + node), name, 'IC_KAFKA_PORT');
      return {
        port,
        // Follows the broker port so that moving one moves both.
        controllerPort: first
          ? claim('IC_KAFKA_CONTROLLER_PORT', `${name} controller`, kafkaPort.port + 1)
          : claimOf(port.port + 1, `${name} controller`, 'IC_KAFKA_PORT'),
      };
    }),
  }));
  return {
    profile,
    repoRoot: REPO_ROOT,
    stateDir: join(REPO_ROOT, '.cache', 'infra', profile),
    cacheDir: machineCacheDir(env),
    keepsData: profile === 'dev',
    kafka,
    mongo: { port: claim('IC_MONGO_PORT', 'MongoDB-protocol server', defaults.mongo) },
    mailSink: {
      smtpPort: claim('IC_SMTP_PORT', 'SMTP sink', defaults.smtp),
      webPort: claim('IC_MAIL_WEB_PORT', 'mail sink web', defaults.mailWeb),
    },
  };
}

/**
 * Where what is downloaded or built once (the Kafka and mongo-java-server jars, Helm) is kept for
 * every clone on the machine: a fresh clone, as CI takes, finds it there.
 */
export function machineCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.IC_CACHE_DIR ? resolve(env.IC_CACHE_DIR) : join(homedir(), '.cache', 'ic-platform');
}

function claimOf(port: number, service: string, envVar: string): PortClaim {
  return { port, service, envVar };
}

function testKafkaClusters(env: NodeJS.ProcessEnv): number {
  const raw = env.IC_TEST_KAFKA_CLUSTERS;
  if (raw === undefined || raw === '') return DEFAULT_TEST_KAFKA_CLUSTERS;
  const clusters = Number(raw);
  if (!Number.isInteger(clusters) || clusters < 1 || clusters > MAX_TEST_KAFKA_CLUSTERS) {
    throw new InfraSetupError(
      `IC_TEST_KAFKA_CLUSTERS must be a whole number from 1 to ${MAX_TEST_KAFKA_CLUSTERS}, got "${raw}".`,
    );
  }
  return clusters;
}

function kafkaNodeCount(env: NodeJS.ProcessEnv): KafkaNodeCount {
  const raw = env[KAFKA_NODES_VARIABLE];
  if (raw === undefined || raw === '') return 1;
  const nodes = KafkaNodeCounts.find((count) => String(count) === raw.trim());
  if (nodes === undefined) {
    throw new InfraSetupError(
      `${KAFKA_NODES_VARIABLE} must be ${KafkaNodeCounts.join(' or ')}, got "${raw}".`,
    );
  }
  return nodes;
}

/** A cluster of its own on the ports from `port` on (two per node), e.g. for a test that stops it. */
export function kafkaClusterOnPorts(port: number, nodes: KafkaNodeCount, service = 'Kafka'): KafkaClaims {
  return {
    nodes: Array.from({ length: nodes }, (_, node) => {
      const name = kafkaNodeService(service, node);
      return {
        port: claimOf(port + 2 * node, name, 'IC_KAFKA_PORT'),
        controllerPort: claimOf(port + 2 * node + 1, `${name} controller`, 'IC_KAFKA_PORT'),
      };
    }),
  };
}

/** What a node is called in messages: the cluster's name for the first, `Kafka node 2` for the others. */
function kafkaNodeService(cluster: string, node: number): string {
  return node === 0 ? cluster : `${cluster} node ${node + 1}`;
}

/** The bootstrap servers of a cluster: every node, so that a client finds the cluster while one is down. */
export function kafkaBootstrapServers(cluster: KafkaClaims): string {
  return cluster.nodes.map((node) => `${LOCALHOST}:${node.port.port}`).join(',');
}

function portFromEnv(env: NodeJS.ProcessEnv, envVar: string, fallback: number): number {
  const raw = env[envVar];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new InfraSetupError(`${envVar} must be a port number between 1 and 65535, got "${raw}".`);
  }
  return port;
}
