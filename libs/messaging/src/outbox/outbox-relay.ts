import { contextOf, describe, endSpans, RepeatingPass, SpanKind, startSpan } from '@ic/platform';
import { Logger } from '@nestjs/common';
import { OutboxEntry, OutboxPublisher, OutboxStore, WrittenEvents } from '@ic/persistence';
import { encodeCloudEvent } from '../cloud-event';
import { KafkaConnection, OutgoingMessage } from '../kafka-connection';
import { KeyedLock } from '../keyed-lock';
import { toCloudEvent } from './outbox-entry';

export interface OutboxRelayOptions {
  readonly sweepIntervalMs: number;
  /** Documents written more recently than this are left to the immediate publish that follows every write. */
  readonly sweepGraceMs: number;
}

/**
 * At most this many bytes of event data per send: the broker refuses a record batch over 1 MB
 * (max.message.bytes), and all pending events of one aggregate share its key, so one partition.
 */
const MAX_SEND_BYTES = 512 * 1024;

/**
 * Publishes what aggregates put into their outbox, right after each write and, for what that
 * missed (a crash, Kafka away), by a sweep over the documents not yet confirmed published
 * (OutboxStore); a swept document is confirmed once all its events are out.
 *
 * Ordering: entries of one aggregate are published in their order, under a per-aggregate lock;
 * a crash after publishing and before recording publishes again, which idempotent consumers absorb.
 */
export class OutboxRelay implements OutboxPublisher {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly lock = new KeyedLock();
  private readonly sweeper: RepeatingPass;

  constructor(
    private readonly store: OutboxStore,
    private readonly kafka: KafkaConnection,
    private readonly options: OutboxRelayOptions,
  ) {
    this.sweeper = new RepeatingPass(
      () =>
        this.sweepAll().catch((error: unknown) =>
          this.logger.warn(`Outbox sweep failed: ${describe(error)}`),
        ),
      options.sweepIntervalMs,
    );
  }

  /** Declares a collection whose documents carry an outbox, so the sweeper watches it. */
  register(collection: string): void {
    this.store.register(collection);
  }

  /**
   * The immediate publish after a write. Failures are logged, not thrown: the write has succeeded
   * and the sweeper will publish later.
   */
  async publishPending(collection: string, aggregateId: string, written?: WrittenEvents): Promise<void> {
    try {
      await this.lock.run(`${collection}/${aggregateId}`, async () => {
        await this.publishEntries(
          written?.outbox ?? (await this.store.outboxOf(collection, aggregateId)),
          new Set(written?.events.map((entry) => entry.id)),
        );
      });
    } catch (error) {
      this.logger.warn(
        `Immediate publish for ${collection}/${aggregateId} failed, the sweeper will retry: ${describe(error)}`,
      );
    }
  }

  start(): void {
    this.sweeper.start();
  }

  stop(): Promise<void> {
    return this.sweeper.stop();
  }

  /** One pass over every registered collection; exposed for tests and for shutdown. */
  async sweepAll(): Promise<void> {
    for (const collection of this.store.collections) await this.sweep(collection);
  }

  private async sweep(collection: string): Promise<void> {
    const writtenBefore = new Date(Date.now() - this.options.sweepGraceMs);
    for await (const aggregate of this.store.unconfirmed(collection, writtenBefore)) {
      await this.lock.run(`${collection}/${aggregate._id}`, async () => {
        await this.publishEntries(aggregate.outbox);
        await this.store.confirmPublished(collection, aggregate);
      });
    }
  }

  private async publishEntries(
    entries: readonly OutboxEntry[],
    written: ReadonlySet<string> = new Set(),
  ): Promise<void> {
    const pending = await this.store.unpublishedOf(entries, written);
    for (const batch of consecutiveByTopic(pending)) {
      const encoded = batch.entries.map((entry) => ({
        entry,
        message: encodeCloudEvent(toCloudEvent(entry)),
      }));
      for (const part of boundedBySize(encoded)) {
        // Each event's publication in the trace of the write that recorded it, also when swept later.
        const spans = part.map(({ entry }) => publishSpanOf(batch.topic, entry));
        try {
          await this.kafka.send(
            batch.topic,
            part.map(({ message }) => message),
          );
          endSpans(spans);
        } catch (error) {
          endSpans(spans, error);
          throw error;
        }
      }
      await this.store.recordPublished(batch.topic, batch.entries);
    }
  }

  /** The entries not published yet, in their order (for a writer that drops the published ones). */
  unpublishedOf(entries: readonly OutboxEntry[]): Promise<OutboxEntry[]> {
    return this.store.unpublishedOf(entries);
  }
}

function publishSpanOf(topic: string, entry: OutboxEntry) {
  return startSpan(`send ${topic}`, {
    kind: SpanKind.PRODUCER,
    parent: contextOf(entry),
    attributes: {
      'messaging.system': 'kafka',
      'messaging.operation.type': 'send',
      'messaging.destination.name': topic,
      'messaging.message.id': entry.id,
      'cloudevents.event_id': entry.id,
      'cloudevents.event_type': entry.type,
    },
  });
}

/** Consecutive runs of messages of at most MAX_SEND_BYTES each (a larger message goes alone). */
function boundedBySize<T extends { message: OutgoingMessage }>(items: readonly T[]): T[][] {
  const parts: T[][] = [];
  let size = 0;
  for (const item of items) {
    const bytes = sizeOf(item.message.value);
    const last = parts.at(-1);
    if (last && size + bytes <= MAX_SEND_BYTES) {
      last.push(item);
      size += bytes;
    } else {
      parts.push([item]);
      size = bytes;
    }
  }
  return parts;
}

function sizeOf(value: OutgoingMessage['value']): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'string' ? Buffer.byteLength(value) : value.length;
}

function consecutiveByTopic(entries: readonly OutboxEntry[]): { topic: string; entries: OutboxEntry[] }[] {
  const batches: { topic: string; entries: OutboxEntry[] }[] = [];
  for (const entry of entries) {
    const last = batches.at(-1);
    if (last?.topic === entry.topic) last.entries.push(entry);
    else batches.push({ topic: entry.topic, entries: [entry] });
  }
  return batches;
}
