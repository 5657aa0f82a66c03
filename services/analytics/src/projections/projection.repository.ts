import { mongo } from 'mongoose';

interface Cached<T> {
  readonly document: T | undefined;
  /** Whether the database holds the document (replace it) or not (insert it). */
  readonly stored: boolean;
}

/**
 * The documents of one projection collection, each written by exactly one partition worker: the
 * one of the topic partition its aggregate's events are on. FerretDB 1.x neither isolates updates
 * nor finds by anything but `_id` without reading the whole collection, so a worker keeps the
 * documents of its partitions in memory, reads a missing one by `_id`, and writes each changed
 * document whole (insert when new, else replace by `_id`): one write per document and batch.
 * The cache is dropped whenever the consumer group rebalances, and after a failed write.
 */
export class ProjectionRepository<T extends { readonly _id: string }> {
  private readonly cache = new Map<string, Cached<T>>();

  constructor(
    private readonly db: mongo.Db,
    private readonly name: string,
  ) {}

  private get collection(): mongo.Collection<T> {
    return this.db.collection<T>(this.name);
  }

  /**
   * The documents with these ids, as far as they exist. `cachedOnly`: the worker has read the
   * documents' partitions from their first message on, so what it does not hold does not exist.
   */
  async load(ids: Iterable<string>, { cachedOnly }: { cachedOnly: boolean }): Promise<Map<string, T>> {
    const wanted = [...new Set(ids)];
    const missing = wanted.filter((id) => !this.cache.has(id));
    const found = cachedOnly
      ? []
      : await Promise.all(
          missing.map((id) => this.collection.findOne({ _id: id } as mongo.Filter<T>) as Promise<T | null>),
        );
    missing.forEach((id, index) => {
      const document = found[index] ?? undefined;
      this.cache.set(id, { document, stored: document !== undefined });
    });
    const loaded = new Map<string, T>();
    for (const id of wanted) {
      const document = this.cache.get(id)?.document;
      if (document) loaded.set(id, document);
    }
    return loaded;
  }

  /** Writes the documents a batch changed: the new ones in one insert, the others each replaced. */
  async save(documents: Iterable<T>): Promise<void> {
    const changed = [...documents].map(withoutUndefined);
    const isStored = (document: T) => this.cache.get(document._id)?.stored === true;
    const created = changed.filter((document) => !isStored(document));
    try {
      await Promise.all([
        created.length > 0
          ? this.collection.insertMany(created as mongo.OptionalUnlessRequiredId<T>[], { ordered: false })
          : undefined,
        ...changed
          .filter(isStored)
          .map((document) => this.collection.replaceOne({ _id: document._id } as mongo.Filter<T>, document)),
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
    return (await this.collection.find({}).toArray()) as T[];
  }

  async find(id: string): Promise<T | undefined> {
    return ((await this.collection.findOne({ _id: id } as mongo.Filter<T>)) as T | null) ?? undefined;
  }
}

/** Optional fields that a change emptied are left out, not stored as null. */
function withoutUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutUndefined) as T;
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, entry]) => entry !== undefined)
      .map(([key, entry]) => [key, withoutUndefined(entry)]),
  ) as T;
}
