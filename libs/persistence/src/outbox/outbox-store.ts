import { mongo } from 'mongoose';
import { MergedWrites } from '../merged-writes';
import { isOnlyDuplicateKeyErrors } from '../mongo-errors';
import { OutboxEntry } from './outbox-entry';

export const PUBLISHED_MARKERS_COLLECTION = 'outbox_published';

interface PublishedMarker {
  _id: string;
  topic: string;
  publishedAt: Date;
}

/** A document with an outbox, as the relay reads it. */
export interface AggregateOutbox {
  readonly _id: string;
  readonly outbox: readonly OutboxEntry[];
  readonly outboxUpdatedAt?: Date;
}

/** What one collection's outboxes hold unpublished. */
export interface OutboxBacklog {
  readonly collection: string;
  readonly events: number;
  /** When the oldest unpublished event was written; absent when there is none. */
  readonly oldest?: Date;
}

const KNOWN_PUBLISHED_LIMIT = 100_000;
/** Documents the backlog reads at most per collection, oldest first (see backlog). */
const BACKLOG_DOCUMENTS_READ = 1_000;
/** Ids per marker lookup, so that one long journal does not make one huge query. */
const MARKER_LOOKUPS_AT_ONCE = 1_000;

/**
 * The database side of the outbox relay. The relay never changes an aggregate's state or outbox,
 * which doubles as its journal (members, invitations): it records each published event id in
 * `outbox_published`, by insert. A document's `outboxUpdatedAt` says that it may hold unpublished
 * events (every write that adds events sets it); once the relay has published all of them it
 * removes the field by a conditional update that misses when events were added meanwhile, so the
 * sweeper reads only documents with something to publish.
 */
export class OutboxStore {
  private readonly registered = new Set<string>();
  private readonly knownPublished = new Set<string>();
  private readonly markers = new MergedWrites<PublishedMarker>((markers) => this.insertMarkers(markers));

  constructor(private readonly db: mongo.Db) {}

  register(collection: string): void {
    this.registered.add(collection);
  }

  get collections(): readonly string[] {
    return [...this.registered];
  }

  /** The outbox of one document (empty when there is none). */
  async outboxOf(collection: string, aggregateId: string): Promise<readonly OutboxEntry[]> {
    const aggregate = await this.db
      .collection<AggregateOutbox>(collection)
      .findOne({ _id: aggregateId }, { projection: { outbox: 1 } });
    return aggregate?.outbox ?? [];
  }

  /**
   * The documents that may hold unpublished events and got their last ones at or before
   * `writtenBefore` (by the indexed `outboxUpdatedAt`).
   */
  unconfirmed(collection: string, writtenBefore: Date): AsyncIterable<AggregateOutbox> {
    return this.db
      .collection<AggregateOutbox>(collection)
      .find({ outboxUpdatedAt: { $lte: writtenBefore } }, { projection: { outbox: 1, outboxUpdatedAt: 1 } });
  }

  /**
   * Records that everything in the outbox as read is published: removes `outboxUpdatedAt` unless
   * the document got events since (a new last entry; every event has a new id).
   */
  async confirmPublished(collection: string, read: AggregateOutbox): Promise<void> {
    const count = read.outbox.length;
    const unchanged =
      count === 0
        ? { 'outbox.0': { $exists: false } }
        : { [`outbox.${count - 1}.id`]: read.outbox[count - 1].id, [`outbox.${count}`]: { $exists: false } };
    await this.db
      .collection<AggregateOutbox>(collection)
      .updateOne({ _id: read._id, ...unchanged }, { $unset: { outboxUpdatedAt: '' } });
  }

  /**
   * The entries not published yet, in their order. Those this process published are known without
   * a lookup, and so are `written`: events a write has just added (the sweeper leaves fresh
   * documents alone; should another instance's relay have published them meanwhile, they go out
   * twice, which consumers absorb).
   */
  async unpublishedOf(
    entries: readonly OutboxEntry[],
    written: ReadonlySet<string> = new Set(),
  ): Promise<OutboxEntry[]> {
    const unknown = entries.filter((entry) => !this.knownPublished.has(entry.id));
    const toLookUp = unknown.filter((entry) => !written.has(entry.id));
    const markers = this.db.collection<PublishedMarker>(PUBLISHED_MARKERS_COLLECTION);
    for (let start = 0; start < toLookUp.length; start += MARKER_LOOKUPS_AT_ONCE) {
      const ids = toLookUp.slice(start, start + MARKER_LOOKUPS_AT_ONCE).map((entry) => entry.id);
      const found = await markers.find({ _id: { $in: ids } }, { projection: { _id: 1 } }).toArray();
      found.forEach((marker) => this.remember(marker._id));
    }
    return unknown.filter((entry) => !this.knownPublished.has(entry.id));
  }

  /**
   * The events of each registered collection not yet published: how many, and when the oldest was
   * written. Reads only the documents marked as holding unpublished events (the indexed
   * `outboxUpdatedAt`), at most BACKLOG_DOCUMENTS_READ of them, those waiting longest first: a count
   * beyond that is a lower bound, the oldest is exact.
   */
  async backlog(): Promise<OutboxBacklog[]> {
    const backlog: OutboxBacklog[] = [];
    for (const collection of this.registered) {
      const documents = this.db
        .collection<AggregateOutbox>(collection)
        .find({ outboxUpdatedAt: { $exists: true } }, { projection: { outbox: 1 } })
        .sort({ outboxUpdatedAt: 1 })
        .limit(BACKLOG_DOCUMENTS_READ);
      let events = 0;
      let oldest: Date | undefined;
      for await (const document of documents) {
        for (const entry of await this.unpublishedOf(document.outbox)) {
          events++;
          if (!oldest || entry.time < oldest) oldest = entry.time;
        }
      }
      backlog.push({ collection, events, ...(oldest ? { oldest } : {}) });
    }
    return backlog;
  }

  /**
   * Records the entries as published; recording one twice (a relay that crashed in between) is fine.
   * The markers of concurrent calls go out in one insert (MergedWrites).
   */
  async recordPublished(topic: string, entries: readonly OutboxEntry[]): Promise<void> {
    const publishedAt = new Date();
    await this.markers.add(entries.map((entry) => ({ _id: entry.id, topic, publishedAt })));
    entries.forEach((entry) => this.remember(entry.id));
  }

  private async insertMarkers(markers: PublishedMarker[]): Promise<void> {
    try {
      await this.db
        .collection<PublishedMarker>(PUBLISHED_MARKERS_COLLECTION)
        .insertMany(markers, { ordered: false });
    } catch (error) {
      if (!isOnlyDuplicateKeyErrors(error)) throw error;
    }
  }

  private remember(eventId: string): void {
    if (this.knownPublished.size >= KNOWN_PUBLISHED_LIMIT) this.knownPublished.clear();
    this.knownPublished.add(eventId);
  }
}
