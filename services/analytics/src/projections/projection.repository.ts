import { mongo } from 'mongoose';

interface Cached<T> {
  readonly document: T | undefined;
  /** Whether the database holds the document (replace it) or not (insert it). */
  readonly stored: boolean;
}

/**
 * How a document lies in the collection: its id and the rest as one JSON text. FerretDB 1.x reads
 * a nested document value by value, slowly (a hundred events' registrations took over a second);
 * one string per document reads more than ten times faster, and nothing is ever looked up by a
 * field other than `_id`.
 */
interface StoredDocument {
  _id: string;
  body: string;
}

/**
 * The documents of one projection collection, each written by exactly one partition worker: the
 * one of the topic partition its aggregate's events are on. FerretDB 1.x neither isolates updates
 * nor finds by anything but `_id` without reading the whole collection, so a worker keeps the
 * documents of its partitions in memory, reads a missing one by `_id`, and writes each changed
 * document whole (the new ones in one insert, the others replaced by `_id`): one write per document
 * and batch. The cache is dropped whenever the consumer group rebalances, and after a failed write.
 */
export class ProjectionRepository<T extends { readonly _id: string }> {
  private readonly cache = new Map<string, Cached<T>>();

  constructor(
    private readonly db: mongo.Db,
    private readonly name: string,
  ) {}

  private get collection(): mongo.Collection<StoredDocument> {
    return this.db.collection<StoredDocument>(this.name);
  }

  /**
   * The documents with these ids, as far as they exist. `cachedOnly`: the worker has read the
   * documents' partitions from their first message on, so what it does not hold does not exist.
   */
  async load(ids: Iterable<string>, { cachedOnly }: { cachedOnly: boolean }): Promise<Map<string, T>> {
    const wanted = [...new Set(ids)];
    const missing = wanted.filter((id) => !this.cache.has(id));
    const found = cachedOnly ? [] : await Promise.all(missing.map((id) => this.find(id)));
    missing.forEach((id, index) => {
      const document = found[index];
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
    const changed = [...documents];
    const isStored = (document: T) => this.cache.get(document._id)?.stored === true;
    const created = changed.filter((document) => !isStored(document));
    try {
      await Promise.all([
        created.length > 0 ? this.collection.insertMany(created.map(stored), { ordered: false }) : undefined,
        ...changed
          .filter(isStored)
          .map((document) => this.collection.replaceOne({ _id: document._id }, stored(document))),
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
    return (await this.collection.find({}).toArray()).map((document) => parsed<T>(document));
  }

  async find(id: string): Promise<T | undefined> {
    const document = await this.collection.findOne({ _id: id });
    return document ? parsed<T>(document) : undefined;
  }
}

/** Instants travel as ISO text; every field named `…At` holds one. */
const INSTANT_FIELD = /At$/;

function stored<T extends { readonly _id: string }>({ _id, ...body }: T): StoredDocument {
  return { _id, body: JSON.stringify(body) };
}

function parsed<T>({ _id, body }: StoredDocument): T {
  const fields = JSON.parse(body, (key, value: unknown) =>
    INSTANT_FIELD.test(key) && typeof value === 'string' ? new Date(value) : value,
  ) as object;
  return { _id, ...fields } as T;
}
