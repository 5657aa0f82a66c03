export { provideInfrastructure } from './provide-infrastructure';
export type { Infrastructure, InfraSource, ProvideInfrastructureOptions } from './provide-infrastructure';
export { InfraSetupError, resolveInfraSettings } from './settings';
export type { InfraProfile, InfraSettings, PortClaim } from './settings';
export type { StoredAttachment, StoredMessage } from './mail-sink/mail-store';
/** A broker of its own, for tests that must stop and restart it without touching the shared one. */
export { startLocalKafka } from './local/local-kafka';
/** The Kafka distribution's jars (resolved from Maven on first use), for its own tools such as the console consumer. */
export { ensureKafkaJars } from './local/local-kafka';
