import { FilterQuery, Model, UpdateQuery } from 'mongoose';
import { isDuplicateKeyError } from '../mongo-errors';
import { newOutbox, OutboxEntry, OutboxFields } from '../outbox/outbox-entry';
import { OutboxPublisher } from '../outbox/outbox-publisher';
import { OutboxRepository } from '../outbox/outbox.repository';
import { ConcurrentChangeError } from './concurrency';

/** What every aggregate document carries besides its own fields. */
export interface AggregateRecord extends OutboxFields {
  _id: string;
  /** Increases by one with every write; a write names the revision it was decided on. */
  revision: number;
}

/**
 * The events of a write, or a function that makes them for the revision the write gives the
 * document (for events that carry it).
 */
export type OutboxEntries = readonly OutboxEntry[] | ((revision: number) => readonly OutboxEntry[]);

/** The next state of an aggregate, as one write. */
export interface AggregateChange<TRecord> {
  readonly set: Partial<Omit<TRecord, '_id' | 'revision' | keyof OutboxFields>>;
  /** Fields the next state no longer has. */
  readonly unset?: readonly string[];
  readonly events?: OutboxEntries;
  /**
   * The outbox becomes these entries followed by the new events, for a write that must not keep
   * the older ones (an erasure: they carried the data); pass only entries still unpublished (see
   * allPublished).
   */
  readonly replaceOutbox?: readonly OutboxEntry[];
  /**
   * Conditions of the subclass's own that the write needs besides the revision (a step of the
   * document's that must or must not be under way); when one does not hold, nothing is written.
   */
  readonly where?: FilterQuery<TRecord>;
}

/**
 * The base of a repository of aggregate documents: each holds its state, its revision and its
 * outbox (the events its writes caused, stored in the same single-document write, then relayed to
 * Kafka). A write is one atomic conditional update on `{ _id, revision }`, so of two writes decided
 * on the same revision exactly one lands; the other gets a ConcurrentChangeError and its use case
 * decides again (retryOnConcurrentChange). The subclass holds only its own queries on `model`.
 */
export abstract class AggregateRepository<TRecord extends AggregateRecord> extends OutboxRepository<TRecord> {
  protected constructor(model: Model<TRecord>, outbox: OutboxPublisher) {
    super(model, outbox);
  }

  /**
   * Stores a new document (revision 0 unless `fields` says otherwise) with its first events and
   * publishes them; false when a document with this id exists already.
   */
  protected async insertAggregate(
    id: string,
    fields: Partial<Omit<TRecord, '_id' | keyof OutboxFields>>,
    events: readonly OutboxEntry[],
  ): Promise<boolean> {
    try {
      const outbox = events.length > 0 ? newOutbox(events) : { outbox: [] };
      await this.model.create({ _id: id, revision: 0, ...fields, ...outbox });
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
    if (events.length > 0) await this.publishPending(id, { events, outbox: events });
    return true;
  }

  /**
   * Writes the change over revision `expected` with its events, in one atomic update, and returns
   * the new revision; ConcurrentChangeError when the document is at another revision (or gone, or
   * `where` does not hold).
   * The events are published before this returns (a failed publish is left to the sweeper).
   */
  protected async updateAggregate(
    id: string,
    expected: number,
    change: AggregateChange<TRecord>,
  ): Promise<number> {
    const revision = expected + 1;
    const events = typeof change.events === 'function' ? change.events(revision) : (change.events ?? []);
    // The document as it was ('before'): its outbox and the new events are the outbox now, which
    // the relay then need not read again.
    // Only a write that appends events needs the outbox it had; the others get the id alone back.
    const needsOutbox = events.length > 0 && !change.replaceOutbox;
    const before = await this.model
      .findOneAndUpdate({ ...change.where, _id: id, revision: expected }, updateOf(change, events), {
        projection: needsOutbox ? { outbox: 1 } : { _id: 1 },
      })
      .lean<Pick<OutboxFields, 'outbox'>>()
      .exec();
    if (!before) throw new ConcurrentChangeError(`${this.collection}/${id}`);
    if (events.length > 0) {
      const kept = change.replaceOutbox ?? before.outbox ?? [];
      await this.publishPending(id, { events, outbox: [...kept, ...events] });
    }
    return revision;
  }

  /** Removes the document; its events must be out first (see allPublished). */
  protected async removeAggregate(id: string): Promise<void> {
    await this.model.deleteOne({ _id: id }).exec();
  }
}

function updateOf<TRecord>(
  change: AggregateChange<TRecord>,
  events: readonly OutboxEntry[],
): UpdateQuery<TRecord> {
  const unset = change.unset ?? [];
  const outboxUpdatedAt = events.length > 0 || change.replaceOutbox ? { outboxUpdatedAt: new Date() } : {};
  const replaced = change.replaceOutbox ? { outbox: [...change.replaceOutbox, ...events] } : {};
  const pushed =
    !change.replaceOutbox && events.length > 0 ? { $push: { outbox: { $each: [...events] } } } : {};
  return {
    $set: { ...change.set, ...replaced, ...outboxUpdatedAt },
    $inc: { revision: 1 },
    ...(unset.length > 0 ? { $unset: Object.fromEntries(unset.map((field) => [field, ''])) } : {}),
    ...pushed,
  } as UpdateQuery<TRecord>;
}
