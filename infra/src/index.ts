export { provideInfrastructure } from './provide-infrastructure';
export type { Infrastructure, InfraSource, ProvideInfrastructureOptions } from './provide-infrastructure';
export {
  InfraSetupError,
  KAFKA_NODES_VARIABLE,
  kafkaBootstrapServers,
  kafkaClusterOnPorts,
  resolveInfraSettings,
} from './settings';
export type {
  InfraProfile,
  InfraSettings,
  KafkaClaims,
  KafkaNodeClaims,
  KafkaUser,
  PortClaim,
} from './settings';
export type { StoredAttachment, StoredMessage } from './mail-sink/mail-store';
/** A Kafka of its own, for tests that must stop and restart it (or one of its nodes) without touching the shared one. */
export { startLocalKafka, startLocalKafkaNode, waitForTopicsOnEveryNode } from './local/local-kafka';
export type { LocalKafkaCluster } from './local/local-kafka';
/** A Mongo server of its own (H2 file when the settings keep data), for tests that stop and restart it. */
export { startLocalMongo } from './local/local-mongo';
/** The Kafka distribution's jars (resolved from Maven on first use), for its own tools such as the console consumer. */
export { ensureKafkaJars } from './local/local-kafka';
/** Jaeger v2 for the local run's traces (built with go on first use). */
export { startLocalTraceViewer, traceViewerPorts } from './local/local-trace-viewer';
export type { TraceViewer } from './local/local-trace-viewer';
