import { Schema } from 'mongoose';

/** An event waiting in its aggregate's document until the relay has published it. */
export interface OutboxEntry {
  readonly id: string;
  readonly type: string;
  readonly topic: string;
  readonly source: string;
  readonly subject: string;
  readonly time: Date;
  readonly data: unknown;
  readonly correlationId?: string;
  /**
   * The trace of the write that recorded the event (W3C Trace Context), published as the
   * CloudEvents distributed-tracing extension: a relay after a crash continues the same trace.
   */
  readonly traceparent?: string;
  readonly tracestate?: string;
}

/** Fields every aggregate document with an outbox carries. */
export interface OutboxFields {
  outbox: OutboxEntry[];
  /**
   * When events were last appended; removed by the relay once all of them are published, so the
   * sweeper reads only documents with something to publish.
   */
  outboxUpdatedAt?: Date;
}

export const OutboxEntrySchema = new Schema<OutboxEntry>(
  {
    id: { type: String, required: true },
    type: { type: String, required: true },
    topic: { type: String, required: true },
    source: { type: String, required: true },
    subject: { type: String, required: true },
    time: { type: Date, required: true },
    data: { type: Schema.Types.Mixed, required: true },
    correlationId: { type: String },
    traceparent: { type: String },
    tracestate: { type: String },
  },
  { _id: false, minimize: false },
);

/** Adds the outbox to an aggregate's schema. */
export function addOutboxTo(schema: Schema): void {
  schema.add({ outbox: { type: [OutboxEntrySchema], default: [] }, outboxUpdatedAt: { type: Date } });
  schema.index({ outboxUpdatedAt: 1 });
}

/** The update that stores a state change and its events in one single-document write. */
export function withOutbox<TUpdate extends { $set?: Record<string, unknown> }>(
  update: TUpdate,
  entries: readonly OutboxEntry[],
): TUpdate & { $push: { outbox: { $each: OutboxEntry[] } } } {
  return {
    ...update,
    $set: { ...(update.$set ?? {}), outboxUpdatedAt: new Date() },
    $push: { outbox: { $each: [...entries] } },
  };
}

/** The fields a new aggregate document starts with when its creation already produces events. */
export function newOutbox(entries: readonly OutboxEntry[]): OutboxFields {
  return { outbox: [...entries], outboxUpdatedAt: new Date() };
}
