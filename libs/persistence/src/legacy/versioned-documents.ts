import { Model, UpdateQuery } from 'mongoose';
import { ConcurrentChangeError } from '../aggregates/concurrency';
import { OutboxEntries } from '../aggregates/aggregate.repository';
import { isDuplicateKeyError } from '../mongo-errors';
import { newOutbox, OutboxEntry, withOutbox } from '../outbox/outbox-entry';
import { OutboxPublisher } from '../outbox/outbox-publisher';
import { RevisionsRepository } from './revisions.repository';

/**
 * @deprecated Use AggregateRepository (one atomic conditional update). Kept only for
 * services/registrations until its rewrite lands; delete together with RevisionsRepository.
 *
 * The writes of a document that carries a revision and an outbox: created by insert, changed only by
 * the writer that took the slot of the next revision, and its events published right after each
 * write (a failed publish is left to the sweeper).
 */
export class VersionedDocuments<TRecord extends { revision: number }> {
  constructor(
    private readonly model: Model<TRecord>,
    private readonly collection: string,
    private readonly relay: OutboxPublisher,
    private readonly revisions: RevisionsRepository,
  ) {
    relay.register(collection);
  }

  /** Stores a new document with its first events; false when one with this id exists already. */
  async insert(id: string, fields: Partial<TRecord>, events: readonly OutboxEntry[]): Promise<boolean> {
    try {
      await this.model.create({ _id: id, revision: 0, ...fields, ...newOutbox(events) });
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
    await this.relay.publishPending(this.collection, id);
    return true;
  }

  /**
   * Writes the fields of the next state (removing `unset`) over revision `current`, as the only
   * writer of the next revision, and returns that revision; ConcurrentChangeError when another
   * write got there first.
   *
   * `keptOutbox`, for documents that would otherwise gather thousands of entries: the outbox becomes
   * these entries followed by the new ones, so the writer drops what the relay has published (see
   * OutboxRelay.unpublishedOf). Safe because the slot makes it the document's only writer. Not for
   * documents whose outbox doubles as their history.
   */
  async update(
    id: string,
    current: number,
    fields: Partial<TRecord>,
    unset: readonly string[],
    outboxEntries: OutboxEntries,
    keptOutbox?: readonly OutboxEntry[],
  ): Promise<number> {
    const revision = await this.revisions.takeNext(this.collection, id, current);
    let events: readonly OutboxEntry[];
    try {
      events = typeof outboxEntries === 'function' ? outboxEntries(revision) : outboxEntries;
    } catch (error) {
      // Nothing was written: free the slot at once instead of leaving it to look abandoned.
      await this.revisions.release(this.collection, id, revision);
      throw error;
    }
    const removed = Object.fromEntries(unset.map((field) => [field, ''])) as UpdateQuery<TRecord>['$unset'];
    const update: UpdateQuery<TRecord> = {
      $set: { ...fields, revision },
      ...(unset.length > 0 ? { $unset: removed } : {}),
    };
    // A writer whose slot was taken over as abandoned finds a later revision stored. Checked by id,
    // then written by id: FerretDB reads the whole collection for `{ _id, revision }`.
    const stored = await this.model.findById(id, { revision: 1 }).lean<{ revision: number }>().exec();
    if (stored?.revision !== current) throw new ConcurrentChangeError(`${this.collection}/${id}`);
    const result = await this.model
      .updateOne({ _id: id }, this.withEvents(update, events, keptOutbox))
      .exec();
    if (result.matchedCount === 0) throw new ConcurrentChangeError(`${this.collection}/${id}`);
    if (events.length > 0) await this.relay.publishPending(this.collection, id);
    return revision;
  }

  /**
   * Publishes what the document's outbox still holds and says whether all of it is out: a write that
   * drops the outbox (an erasure, see `keptOutbox`) or the document must not drop events nobody read.
   */
  async allPublished(id: string): Promise<boolean> {
    await this.relay.publishPending(this.collection, id);
    const record = await this.model.findById(id, { outbox: 1 }).lean<{ outbox?: OutboxEntry[] }>().exec();
    return (await this.relay.unpublishedOf(record?.outbox ?? [])).length === 0;
  }

  /** Removes the document; its events must be out first (see allPublished). */
  async remove(id: string): Promise<void> {
    await this.model.deleteOne({ _id: id }).exec();
  }

  private withEvents(
    update: UpdateQuery<TRecord>,
    events: readonly OutboxEntry[],
    keptOutbox: readonly OutboxEntry[] | undefined,
  ): UpdateQuery<TRecord> {
    if (keptOutbox === undefined) return events.length > 0 ? withOutbox(update, events) : update;
    return {
      ...update,
      $set: {
        ...update.$set,
        outbox: [...keptOutbox, ...events],
        ...(events.length > 0 ? { outboxUpdatedAt: new Date() } : {}),
      },
    };
  }
}
