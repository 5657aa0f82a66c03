import {
  addOutboxTo,
  AggregateRecord,
  AggregateRepository,
  ConcurrentChangeError,
  OutboxEntry,
  OutboxPublisher,
  OutboxStore,
  retryOnConcurrentChange,
  writeIfNewerRevision,
  writeIfNotNewer,
} from '@ic/persistence';
import { randomUUID } from 'node:crypto';
import mongoose, { Model, Schema } from 'mongoose';
import { testInfrastructure, uniqueSuffix } from '../../support/test-infrastructure';

interface CounterRecord extends AggregateRecord {
  count: number;
  note?: string;
}

/** Remembers what the repository asked of the relay instead of publishing. */
class RecordingPublisher extends OutboxPublisher {
  readonly registered: string[] = [];
  readonly published: string[] = [];

  register(collection: string): void {
    this.registered.push(collection);
  }

  publishPending(_collection: string, aggregateId: string): Promise<void> {
    this.published.push(aggregateId);
    return Promise.resolve();
  }

  unpublishedOf(entries: readonly OutboxEntry[]): Promise<OutboxEntry[]> {
    return Promise.resolve([...entries]);
  }
}

class CountersRepository extends AggregateRepository<CounterRecord> {
  constructor(model: Model<CounterRecord>, outbox: OutboxPublisher) {
    super(model, outbox);
  }

  insert(id: string, events: readonly OutboxEntry[]): Promise<boolean> {
    return this.insertAggregate(id, { count: 0, note: 'neu' }, events);
  }

  async find(id: string): Promise<CounterRecord | null> {
    return this.model.findById(id).lean<CounterRecord>().exec();
  }

  /** Decides the next count on what it loaded and writes it over that revision. */
  async increment(id: string): Promise<number> {
    const loaded = await this.find(id);
    if (!loaded) throw new Error(`counter ${id} not found`);
    return this.updateAggregate(id, loaded.revision, {
      set: { count: loaded.count + 1 },
      unset: ['note'],
      events: (revision) => [entry(id, `revision ${revision}`)],
    });
  }

  write(id: string, expected: number, count: number, replaceOutbox?: OutboxEntry[]): Promise<number> {
    return this.updateAggregate(id, expected, {
      set: { count },
      events: [entry(id, `count ${count}`)],
      ...(replaceOutbox ? { replaceOutbox } : {}),
    });
  }
}

interface ReplicaRecord {
  _id: string;
  revision?: number;
  asOf?: Date;
  name?: string;
  updatedAt?: Date;
}

function entry(subject: string, data: string): OutboxEntry {
  return {
    id: randomUUID(),
    type: 'test.v1',
    topic: 'test',
    source: '/test',
    subject,
    time: new Date(),
    data,
  };
}

/** The aggregate base and the replica writes, on the database the tests run against. */
describe(AggregateRepository.name, () => {
  const infra = testInfrastructure();
  let connection: mongoose.Connection;
  let counters: Model<CounterRecord>;
  let replicas: Model<ReplicaRecord>;
  let publisher: RecordingPublisher;
  let sut: CountersRepository;

  beforeAll(async () => {
    connection = await mongoose
      .createConnection(infra.mongodbUri, { dbName: `test_persistence_${uniqueSuffix()}` })
      .asPromise();
    const schema = new Schema<CounterRecord>(
      {
        _id: { type: String, required: true },
        revision: { type: Number, required: true },
        count: { type: Number, required: true },
        note: { type: String },
      },
      { collection: 'counters', versionKey: false },
    );
    addOutboxTo(schema);
    counters = connection.model<CounterRecord>('Counter', schema);
    replicas = connection.model<ReplicaRecord>(
      'Replica',
      new Schema<ReplicaRecord>(
        { _id: String, revision: Number, asOf: Date, name: String, updatedAt: Date },
        { collection: 'replicas', versionKey: false },
      ),
    );
    publisher = new RecordingPublisher();
    sut = new CountersRepository(counters, publisher);
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('registers its collection with the relay', () => {
    expect(publisher.registered).toEqual(['counters']);
  });

  describe('insertAggregate', () => {
    it('stores revision 0 with the first events and publishes them; a second insert of the id is refused', async () => {
      const id = randomUUID();
      const first = entry(id, 'created');

      await expect(sut.insert(id, [first])).resolves.toBe(true);
      await expect(sut.insert(id, [entry(id, 'again')])).resolves.toBe(false);

      const stored = await sut.find(id);
      expect(stored).toMatchObject({ revision: 0, count: 0, note: 'neu' });
      expect(stored?.outbox.map((event) => event.id)).toEqual([first.id]);
      expect(publisher.published.filter((published) => published === id)).toHaveLength(1);
    });
  });

  describe('updateAggregate', () => {
    it('lets exactly one of 50 writes decided on the same revision land', async () => {
      const id = randomUUID();
      await sut.insert(id, []);

      const results = await Promise.allSettled(
        Array.from({ length: 50 }, (_, index) => sut.write(id, 0, index + 1)),
      );

      const landed = results.filter((result) => result.status === 'fulfilled');
      expect(landed).toEqual([{ status: 'fulfilled', value: 1 }]);
      const lost = results.filter((result) => result.status === 'rejected');
      expect(lost).toHaveLength(49);
      lost.forEach((result) => expect(result.reason).toBeInstanceOf(ConcurrentChangeError));
      const stored = await sut.find(id);
      expect(stored?.revision).toBe(1);
      expect(stored?.outbox).toHaveLength(1);
      expect(stored?.outbox[0].data).toBe(`count ${stored?.count}`);
    });

    it('loses no increment when concurrent writers retry on the new revision', async () => {
      const id = randomUUID();
      await sut.insert(id, []);

      await Promise.all(Array.from({ length: 6 }, () => retryOnConcurrentChange(() => sut.increment(id))));

      const stored = await sut.find(id);
      expect(stored).toMatchObject({ revision: 6, count: 6 });
      expect(stored?.note).toBeUndefined();
      expect(stored?.outbox.map((event) => event.data)).toEqual(
        [1, 2, 3, 4, 5, 6].map((revision) => `revision ${revision}`),
      );
    });

    it('refuses a write over a revision the document has left, and one on a missing document', async () => {
      const id = randomUUID();
      await sut.insert(id, []);
      await sut.write(id, 0, 1);

      await expect(sut.write(id, 0, 2)).rejects.toThrow(ConcurrentChangeError);
      await expect(sut.write(randomUUID(), 0, 1)).rejects.toThrow(ConcurrentChangeError);
      expect((await sut.find(id))?.count).toBe(1);
    });

    it('replaces the outbox with the kept entries and the new events when asked to', async () => {
      const id = randomUUID();
      await sut.insert(id, [entry(id, 'created')]);
      const kept = entry(id, 'kept');

      await sut.write(id, 0, 7, [kept]);

      expect((await sut.find(id))?.outbox.map((event) => event.data)).toEqual(['kept', 'count 7']);
    });
  });

  describe(OutboxStore.name, () => {
    const unconfirmedIds = async (store: OutboxStore) => {
      const ids: string[] = [];
      for await (const aggregate of store.unconfirmed('counters', new Date())) ids.push(aggregate._id);
      return ids;
    };

    it('leaves a document unconfirmed when events came after it was read, and confirms it otherwise', async () => {
      const store = new OutboxStore(connection.db!);
      const quiet = randomUUID();
      const busy = randomUUID();
      const empty = randomUUID();
      await sut.insert(quiet, [entry(quiet, 'created')]);
      await sut.insert(busy, [entry(busy, 'created')]);
      await counters.create({ _id: empty, revision: 0, count: 0, outbox: [], outboxUpdatedAt: new Date() });
      const read = new Map<string, Awaited<ReturnType<OutboxStore['outboxOf']>>>();
      for await (const aggregate of store.unconfirmed('counters', new Date()))
        read.set(aggregate._id, aggregate.outbox);
      expect([...read.keys()]).toEqual(expect.arrayContaining([quiet, busy, empty]));

      await sut.write(busy, 0, 1);
      for (const id of [quiet, busy, empty]) {
        await store.confirmPublished('counters', { _id: id, outbox: read.get(id) ?? [] });
      }

      const left = await unconfirmedIds(store);
      expect(left).toContain(busy);
      expect(left).not.toContain(quiet);
      expect(left).not.toContain(empty);
      expect((await sut.find(quiet))?.outbox).toHaveLength(1);
    });
  });

  describe(writeIfNewerRevision.name, () => {
    it('inserts, applies a newer revision and ignores an older or equal one', async () => {
      const id = randomUUID();

      await expect(
        writeIfNewerRevision(replicas, id, 2, { $set: { revision: 2, name: 'zwei' } }),
      ).resolves.toBe(true);
      await expect(
        writeIfNewerRevision(replicas, id, 1, { $set: { revision: 1, name: 'eins' } }),
      ).resolves.toBe(false);
      await expect(
        writeIfNewerRevision(replicas, id, 2, { $set: { revision: 2, name: 'noch mal' } }),
      ).resolves.toBe(false);
      await expect(
        writeIfNewerRevision(replicas, id, 3, { $set: { revision: 3, name: 'drei' } }),
      ).resolves.toBe(true);

      expect(await replicas.findById(id).lean().exec()).toMatchObject({ revision: 3, name: 'drei' });
    });
  });

  describe(writeIfNotNewer.name, () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 12, minute));

    it('applies what is not older than the stored state and says why it did not', async () => {
      const id = randomUUID();
      const change = (name: string, insertIfMissing: boolean) => ({ set: { name }, insertIfMissing });

      await expect(writeIfNotNewer(replicas, id, at(1), change('eins', false))).resolves.toBe(
        'unknown-member',
      );
      await expect(writeIfNotNewer(replicas, id, at(2), change('zwei', true))).resolves.toBe('applied');
      await expect(writeIfNotNewer(replicas, id, at(1), change('alt', true))).resolves.toBe('stale');
      await expect(writeIfNotNewer(replicas, id, at(2), change('gleich', false))).resolves.toBe('applied');
      expect(await replicas.findById(id).lean().exec()).toMatchObject({ name: 'gleich', asOf: at(2) });

      await expect(writeIfNotNewer(replicas, id, at(1), { remove: true })).resolves.toBe('stale');
      await expect(writeIfNotNewer(replicas, id, at(3), { remove: true })).resolves.toBe('applied');
      await expect(writeIfNotNewer(replicas, id, at(4), { remove: true })).resolves.toBe('unknown-member');
      expect(await replicas.findById(id).lean().exec()).toBeNull();
    });
  });
});
