import { fromJsonTextDocument, JsonTextDocument, toJsonTextDocument } from '@ic/persistence';
import { mongo } from 'mongoose';

interface Cached<T> {
  readonly document: T | undefined;
  /** Whether the database holds the document (replace it) or not (insert it). */
  readonly stored: boolean;
}

/**
 * The documents of one projection collection, each written by exactly one partition worker: the
 * one of the topic partition its aggregate's events are on. So a worker keeps the documents of its
 * partitions in memory, reads the missing ones by `_id`, and writes each changed document whole
 * (the new ones in one insert, the others replaced by `_id`): one write per document and batch,
 * no read while it replays. The cache is dropped whenever the consumer group rebalances, and after
 * a failed write. Stored as JsonTextDocument.
 */
export class ProjectionRepository<T extends { readonly _id: string }> {
  private readonly cache = new Map<string, Cached<T>>();

  constructor(
    private readonly db: mongo.Db,
    private readonly name: string,
  ) {}

  private get collection(): mongo.Collection<JsonTextDocument> {
    return this.db.collection<JsonTextDocument>(this.name);
  }

  /**
   * The documents with these ids, as far as they exist. `cachedOnly`: the worker has read the
   * documents' partitions from their first message on, so what it does not hold does not exist.
   */
  async load(ids: Iterable<string>, { cachedOnly }: { cachedOnly: boolean }): Promise<Map<string, T>> {
    const wanted = [...new Set(ids)];
    const missing = wanted.filter((id) => !this.cache.has(id));
    const found = cachedOnly || missing.length === 0 ? new Map<string, T>() : await this.findMany(missing);
    for (const id of missing) {
      const document = found.get(id);
      this.cache.set(id, { document, stored: document !== undefined });
    }
    const loaded = new Map<string, T>();
    for (const id of wanted) {
      const document = this.cache.get(id)?.document;
      if (document) loaded.set(id, document);
    }
    return loaded;
  }

  /** Writes the documents a batch changed: the new ones in one insert, the others each replaced. */
  async save(documents: Iterable<T>): Promise<void> {
    const changed = [...documents];
    const isStored = (document: T) => this.cache.get(document._id)?.stored === true;
    const created = changed.filter((document) => !isStored(document));
    try {
      await Promise.all([
        created.length > 0
          ? this.collection.insertMany(created.map(toJsonTextDocument), { ordered: false })
          : undefined,
        ...changed
          .filter(isStored)
          .map((document) => this.collection.replaceOne({ _id: document._id }, toJsonTextDocument(document))),
      ]);
    } catch (error) {
      this.cache.clear();
      throw error;
    }
    for (const document of changed) this.cache.set(document._id, { document, stored: true });
  }

  forgetCached(): void {
    this.cache.clear();
  }

  /** Every document, for the figures (the collections hold one per event, member or working group). */
  async all(): Promise<T[]> {
    return (await this.collection.find({}).toArray()).map((document) => fromJsonTextDocument<T>(document));
  }

  private async findMany(ids: readonly string[]): Promise<Map<string, T>> {
    const documents = await this.collection.find({ _id: { $in: [...ids] } }).toArray();
    return new Map(documents.map((document) => [document._id, fromJsonTextDocument<T>(document)]));
  }

  async find(id: string): Promise<T | undefined> {
    const document = await this.collection.findOne({ _id: id });
    return document ? fromJsonTextDocument<T>(document) : undefined;
  }
}
