export * from './bootstrap';
export * from './cloud-event';
export * from './consumer/event-consumer';
export * from './consumer/event-ordering';
export * from './consumer/handled-events';
export * from './contract-registry';
export * from './kafka-connection';
export * from './keyed-lock';
export * from './messaging.module';
export * from './outbox/outbox-entry';
export * from './outbox/outbox-relay';
export * from './rpc/event-context';
export * from './rpc/kafka.transport';
export * from './rpc/request-context';
export * from './rpc/request-idempotency';
export * from './rpc/rpc-client';
export * from './rpc/rpc-headers';
export * from './rpc/system-status.controller';
export * from './data-service.module';
export * from './consumer/partition-workers';
// Moved to @ic/persistence; re-exported for the services that still import them from here.
export {
  addOutboxTo,
  ConcurrentChangeError,
  isDuplicateKeyError,
  isOnlyDuplicateKeyErrors,
  newOutbox,
  OutboxEntrySchema,
  PUBLISHED_MARKERS_COLLECTION,
  retryOnConcurrentChange,
  withOutbox,
  writeIfNewerRevision,
  writeIfNotNewer,
} from '@ic/persistence';
export type { OutboxEntries, OutboxEntry, OutboxFields, ReplicaChange, ReplicaWrite } from '@ic/persistence';
export * from './consumer/dead-letter';
export * from './replicas/member-replica.controller';
