import { Model } from 'mongoose';
import { OutboxFields } from './outbox-entry';
import { OutboxPublisher, WrittenEvents } from './outbox-publisher';

/** A document that carries an outbox. */
export interface OutboxDocument extends OutboxFields {
  _id: string;
}

/**
 * The base of a repository whose documents carry an outbox: registers the collection with the
 * relay (whose sweeper then watches it) and publishes a document's events after its writes. For
 * documents that change by revision, see AggregateRepository.
 */
export abstract class OutboxRepository<TRecord extends OutboxDocument> {
  protected readonly collection: string;

  protected constructor(
    protected readonly model: Model<TRecord>,
    private readonly outbox: OutboxPublisher,
  ) {
    this.collection = model.collection.name;
    outbox.register(this.collection);
  }

  /** Publishes what the document's outbox holds unpublished; never throws (the sweeper retries). */
  protected publishPending(id: string, written?: WrittenEvents): Promise<void> {
    return this.outbox.publishPending(this.collection, id, written);
  }

  /**
   * Publishes what the document's outbox still holds and says whether all of it is out: a write
   * that drops the outbox or the document must not drop events nobody read.
   */
  async allPublished(id: string): Promise<boolean> {
    await this.publishPending(id);
    const record = await this.model.findById(id, { outbox: 1 }).lean<Pick<OutboxFields, 'outbox'>>().exec();
    return (await this.outbox.unpublishedOf(record?.outbox ?? [])).length === 0;
  }
}
