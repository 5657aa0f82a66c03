import { RepeatingPass } from '@ic/platform';
import { Logger } from '@nestjs/common';
import { mongo } from 'mongoose';
import { encodeCloudEvent } from '../cloud-event';
import { KafkaConnection, OutgoingMessage } from '../kafka-connection';
import { KeyedLock } from '../keyed-lock';
import { OutboxEntry, toCloudEvent } from './outbox-entry';

export const PUBLISHED_MARKERS_COLLECTION = 'outbox_published';

export interface OutboxRelayOptions {
  readonly sweepIntervalMs: number;
  /** Entries younger than this are left to the immediate publish that follows every write. */
  readonly sweepGraceMs: number;
}

interface PublishedMarker {
  _id: string;
  topic: string;
  publishedAt: Date;
}

interface AggregateWithOutbox {
  _id: string;
  outbox?: OutboxEntry[];
  outboxUpdatedAt?: Date;
}

const KNOWN_PUBLISHED_LIMIT = 100_000;
/**
 * At most this many bytes of event data per send: the broker refuses a record batch over 1 MB
 * (max.message.bytes), and all pending events of one aggregate share its key, so one partition.
 */
const MAX_SEND_BYTES = 512 * 1024;
/**
 * Markers are looked up one `_id` at a time, this many side by side: FerretDB reads every marker for
 * `{ _id: { $in } }` (see persistence/primary-key-writes), and the markers grow with every event.
 */
const MARKER_LOOKUPS_AT_ONCE = 50;
/** How far behind the last clean sweep the next one starts, to cover writes still in flight then. */
const SWEEP_SAFETY_MARGIN_MS = 60_000;

/**
 * Publishes what aggregates put into their outbox. It never writes to an aggregate document:
 * on FerretDB 1.x an update is a read followed by a write without isolation, so a relay that
 * removed published entries could overwrite a concurrent state change. Instead it records each
 * published event id by insert (atomic everywhere) in `outbox_published`.
 *
 * Ordering: entries of one aggregate are published in their order, under a per-aggregate lock;
 * a crash after publishing and before recording publishes again, which idempotent consumers absorb.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly collections = new Set<string>();
  private readonly lock = new KeyedLock();
  private readonly knownPublished = new Set<string>();
  private readonly watermarks = new Map<string, Date>();
  private readonly sweeper: RepeatingPass;

  constructor(
    private readonly db: mongo.Db,
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
    this.collections.add(collection);
  }

  /**
   * The immediate publish after a write. Failures are logged, not thrown: the write has succeeded
   * and the sweeper will publish later.
   */
  async publishPending(collection: string, aggregateId: string): Promise<void> {
    try {
      await this.lock.run(`${collection}/${aggregateId}`, async () => {
        const aggregate = await this.db
          .collection<AggregateWithOutbox>(collection)
          .findOne({ _id: aggregateId }, { projection: { outbox: 1 } });
        await this.publishEntries(aggregate?.outbox ?? []);
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
    for (const collection of this.collections) await this.sweep(collection);
  }

  private async sweep(collection: string): Promise<void> {
    const startedAt = Date.now();
    const since = this.watermarks.get(collection) ?? new Date(0);
    const cutoff = startedAt - this.options.sweepGraceMs;
    let oldestLeftBehind = startedAt - SWEEP_SAFETY_MARGIN_MS;
    const cursor = this.db
      .collection<AggregateWithOutbox>(collection)
      .find({ outboxUpdatedAt: { $gte: since } }, { projection: { outbox: 1 } });
    for await (const aggregate of cursor) {
      const entries = aggregate.outbox ?? [];
      const due = entries.filter((entry) => new Date(entry.time).getTime() <= cutoff);
      if (due.length < entries.length) {
        oldestLeftBehind = Math.min(oldestLeftBehind, new Date(entries[due.length].time).getTime());
      }
      if (due.length === 0) continue;
      await this.lock.run(`${collection}/${aggregate._id}`, () => this.publishEntries(due));
    }
    this.watermarks.set(collection, new Date(oldestLeftBehind - SWEEP_SAFETY_MARGIN_MS));
  }

  private async publishEntries(entries: readonly OutboxEntry[]): Promise<void> {
    const pending = await this.unpublishedOf(entries);
    for (const batch of consecutiveByTopic(pending)) {
      for (const part of boundedBySize(batch.entries.map((entry) => encodeCloudEvent(toCloudEvent(entry))))) {
        await this.kafka.send(batch.topic, part);
      }
      await this.recordPublished(batch.topic, batch.entries);
    }
  }

  /** The entries not published yet, in their order (for a writer that drops the published ones). */
  async unpublishedOf(entries: readonly OutboxEntry[]): Promise<OutboxEntry[]> {
    const unknown = entries.filter((entry) => !this.knownPublished.has(entry.id));
    if (unknown.length === 0) return [];
    const markers = this.db.collection<PublishedMarker>(PUBLISHED_MARKERS_COLLECTION);
    for (let start = 0; start < unknown.length; start += MARKER_LOOKUPS_AT_ONCE) {
      const ids = unknown.slice(start, start + MARKER_LOOKUPS_AT_ONCE).map((entry) => entry.id);
      const found = await Promise.all(
        ids.map((id) => markers.findOne({ _id: id }, { projection: { _id: 1 } })),
      );
      found.forEach((marker) => marker && this.remember(marker._id));
    }
    return unknown.filter((entry) => !this.knownPublished.has(entry.id));
  }

  private async recordPublished(topic: string, entries: readonly OutboxEntry[]): Promise<void> {
    const publishedAt = new Date();
    const markers = entries.map((entry) => ({ _id: entry.id, topic, publishedAt }));
    try {
      await this.db
        .collection<PublishedMarker>(PUBLISHED_MARKERS_COLLECTION)
        .insertMany(markers, { ordered: false });
    } catch (error) {
      if (!isOnlyDuplicateKeyErrors(error)) throw error;
    }
    entries.forEach((entry) => this.remember(entry.id));
  }

  private remember(eventId: string): void {
    if (this.knownPublished.size >= KNOWN_PUBLISHED_LIMIT) this.knownPublished.clear();
    this.knownPublished.add(eventId);
  }
}

/** Consecutive runs of messages of at most MAX_SEND_BYTES each (a larger message goes alone). */
function boundedBySize(messages: OutgoingMessage[]): OutgoingMessage[][] {
  const parts: OutgoingMessage[][] = [];
  let size = 0;
  for (const message of messages) {
    const bytes = sizeOf(message.value);
    const last = parts.at(-1);
    if (last && size + bytes <= MAX_SEND_BYTES) {
      last.push(message);
      size += bytes;
    } else {
      parts.push([message]);
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

export function isDuplicateKeyError(error: unknown): boolean {
  return error instanceof mongo.MongoServerError && error.code === 11000;
}

export function isOnlyDuplicateKeyErrors(error: unknown): boolean {
  if (error instanceof mongo.MongoBulkWriteError) {
    const writeErrors: readonly { code: number }[] = Array.isArray(error.writeErrors)
      ? error.writeErrors
      : [error.writeErrors];
    return writeErrors.every((writeError) => writeError.code === 11000);
  }
  return isDuplicateKeyError(error);
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
