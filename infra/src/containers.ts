import { execFile } from 'node:child_process';
import { KafkaContainer } from '@testcontainers/kafka';
import { MongoDBContainer } from '@testcontainers/mongodb';
import { elapsedSince } from './local/wait-until-ready';
import { startSideBySide } from './start-side-by-side';

/**
 * @testcontainers/kafka drives Confluent's images only (its start script calls /etc/confluent/docker/run,
 * and withKraft() rejects an apache/kafka tag like 3.9.1 as "Confluent Platform older than 7.0").
 * Confluent Platform 7.9 is Apache Kafka 3.9, the release the local path runs.
 */
export const KAFKA_IMAGE = 'confluentinc/cp-kafka:7.9.5';
export const MONGODB_IMAGE = 'mongo:8';
const KAFKA_CLIENT_PORT = 9093;
const DOCKER_PROBE_TIMEOUT_MS = 5_000;

export interface StartedContainers {
  readonly kafkaBrokers: string[];
  readonly mongodbUri: string;
  stop(): Promise<void>;
}

/** True when a Docker engine answers; a docker client without an engine is not enough. */
export function isDockerEngineAvailable(): Promise<boolean> {
  return new Promise((resolvePromise) => {
    execFile(
      'docker',
      ['info', '--format', '{{.ServerVersion}}'],
      { timeout: DOCKER_PROBE_TIMEOUT_MS },
      (error) => resolvePromise(error === null),
    );
  });
}

export async function startContainers(log: (line: string) => void): Promise<StartedContainers> {
  const startedAt = Date.now();
  log(`[infra] Docker engine found: starting ${KAFKA_IMAGE} and ${MONGODB_IMAGE} with testcontainers…`);
  const [kafka, mongodb] = await startSideBySide([
    new KafkaContainer(KAFKA_IMAGE)
      .withKraft()
      .withEnvironment({ KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false' })
      .start(),
    new MongoDBContainer(MONGODB_IMAGE).start(),
  ]);
  const kafkaBrokers = [`${kafka.getHost()}:${kafka.getMappedPort(KAFKA_CLIENT_PORT)}`];
  // The container runs a one-member replica set that advertises its container hostname: connect directly.
  const mongodbUri = `${mongodb.getConnectionString()}/?directConnection=true`;
  log(
    `[infra] containers ready: Kafka ${kafkaBrokers.join(',')}, MongoDB ${mongodbUri} (${elapsedSince(startedAt)})`,
  );
  return {
    kafkaBrokers,
    mongodbUri,
    async stop() {
      await Promise.all([kafka.stop(), mongodb.stop()]);
    },
  };
}
