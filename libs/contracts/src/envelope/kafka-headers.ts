import { ServiceName } from '../topics';

/*
 * The Kafka headers of the platform's messages. Outside consumers read them, so they are part of
 * the published contract (and of the AsyncAPI document); libs/messaging writes and reads them.
 */

/** CloudEvents 1.0 in Kafka binary mode: the attributes as `ce_` headers, the data as the JSON body. */
export const CE_HEADERS = {
  specversion: 'ce_specversion',
  id: 'ce_id',
  type: 'ce_type',
  source: 'ce_source',
  time: 'ce_time',
  subject: 'ce_subject',
  correlationId: 'ce_correlationid',
  /**
   * The CloudEvents distributed-tracing extension (W3C Trace Context): the trace of the action that
   * caused the event, stored with it in the outbox, so a relay after a crash continues the same trace.
   */
  traceparent: 'ce_traceparent',
  tracestate: 'ce_tracestate',
  contentType: 'content-type',
} as const;

export const CLOUD_EVENTS_SPEC_VERSION = '1.0';
export const EVENT_CONTENT_TYPE = 'application/json';

/** The `ce_source` of every event a service publishes. */
export function eventSourceOf(service: ServiceName): string {
  return `/ic/${service}`;
}

/** Headers of a request on `ic.<service>.requests` and of its reply on the gateway's reply topic. */
export const RPC_HEADERS = {
  pattern: 'ic_pattern',
  correlationId: 'ic_correlation_id',
  replyTopic: 'ic_reply_topic',
  identity: 'ic_identity',
  idempotencyKey: 'ic_idempotency_key',
  /** Epoch milliseconds after which the caller has given up; the service then skips the request. */
  deadline: 'ic_deadline',
  outcome: 'ic_outcome',
  /** Marks the gateway's own warm-up message on its reply topic. */
  probe: 'ic_probe',
  /** W3C Trace Context of the caller's span (request) or of the service's (reply). */
  traceparent: 'traceparent',
  tracestate: 'tracestate',
} as const;

/** Added to a message moved to `<topic>.dlt`, next to its original headers. */
export const DLT_HEADERS = {
  reason: 'dlt_reason',
  error: 'dlt_error',
  attempts: 'dlt_attempts',
  topic: 'dlt_original_topic',
  partition: 'dlt_original_partition',
  offset: 'dlt_original_offset',
  group: 'dlt_consumer_group',
  failedAt: 'dlt_failed_at',
} as const;

/**
 * Added to a dead letter sent back to its topic by an operator: which dead letter it is and the one
 * consumer group that handles it; every other group skips it, having handled the original.
 */
export const REDELIVERY_HEADERS = {
  deadLetterId: 'dlt_redelivery_of',
  group: 'dlt_redelivery_group',
} as const;

export const DeadLetterReasons = ['unparseable', 'contract-violation', 'handler-failed'] as const;
export type DeadLetterReason = (typeof DeadLetterReasons)[number];
