import { CloudEvent } from '../cloud-event';

/**
 * How a service narrows the order in which it handles a partition's events. Kafka keeps order per
 * partition, and a partition holds many aggregates: a service whose handlers only need one entity's
 * events in order (notifications: one registration's) says which entity an event concerns, and
 * events of different entities may then be handled side by side (CONSUMER_PARALLEL_KEYS at a time).
 */
export interface EventOrdering {
  /** Events with the same key are handled in order; `undefined`: in order with every other event. */
  keyOf(event: CloudEvent, topic: string): string | undefined;
}
