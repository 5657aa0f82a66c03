import { CloudEvent } from '../cloud-event';

/**
 * How a service narrows the order in which it handles a partition's events. Kafka keeps order per
 * partition, and a partition holds many aggregates: a service whose handlers only need one entity's
 * events in order (notifications: one registration's) says which entity an event concerns, and
 * events of different entities may then be handled side by side (CONSUMER_PARALLEL_KEYS at a time,
 * 1 by default: on FerretDB's SQLite more at once only contend for its write lock).
 */
export interface EventOrdering {
  /** Events with the same key are handled in order; `undefined`: in order with every other event. */
  keyOf(event: CloudEvent, topic: string): string | undefined;
}
