import { ProblemDetails, RuleViolationError } from '@ic/platform';
import { createHash } from 'node:crypto';
import { mongo } from 'mongoose';
import { MergedInserts, MergedWrites } from '@ic/persistence';

export const IDEMPOTENCY_COLLECTION = 'request_idempotency';

export type StoredReply = { outcome: 'ok'; data: unknown } | { outcome: 'error'; problem: ProblemDetails };

interface IdempotencyRecord {
  _id: string;
  fingerprint: string;
  state: 'in-progress' | 'completed';
  reply?: StoredReply;
  createdAt: Date;
}

/** A request still in progress longer than this was abandoned by a crashed instance. */
const ABANDONED_AFTER_MS = 120_000;
const POLL_INTERVAL_MS = 100;

/**
 * Makes a retried request act once: the first delivery of (caller, pattern, key) inserts a record
 * (atomic), later ones get the stored reply. The same key with another payload is refused.
 *
 * A delivery that finds the same request still in progress (a redelivery after a rebalance, or a
 * client retrying quickly) waits for its reply instead of answering "conflict", so a user never
 * sees an error for a request that succeeds.
 */
export class RequestIdempotency {
  /** The records of concurrent first deliveries, inserted in one write. */
  private readonly beginnings = new MergedInserts<IdempotencyRecord>(() => this.collection);
  /** The replies of concurrent requests, stored in one write. */
  private readonly completions = new MergedWrites<Pick<IdempotencyRecord, '_id' | 'reply'>>(
    async (completed) => {
      await this.collection.bulkWrite(
        completed.map(({ _id, reply }) => ({
          updateOne: { filter: { _id }, update: { $set: { state: 'completed', reply } } },
        })),
      );
    },
  );

  constructor(private readonly db: mongo.Db) {}

  private get collection(): mongo.Collection<IdempotencyRecord> {
    return this.db.collection<IdempotencyRecord>(IDEMPOTENCY_COLLECTION);
  }

  /**
   * Returns the stored reply of an earlier identical request, `caller-gone` if the caller's
   * deadline passed while waiting for it, or undefined when this delivery should run the request.
   */
  async begin(
    scope: string,
    key: string,
    payload: unknown,
    deadline: number,
  ): Promise<StoredReply | 'caller-gone' | undefined> {
    const _id = `${scope}|${key}`;
    const fingerprint = createHash('sha256')
      .update(JSON.stringify(payload ?? null))
      .digest('hex');
    for (;;) {
      if (await this.beginnings.insert({ _id, fingerprint, state: 'in-progress', createdAt: new Date() }))
        return undefined;
      const existing = await this.collection.findOne({ _id });
      if (!existing) continue;
      if (existing.fingerprint !== fingerprint) {
        throw new RuleViolationError(
          'Dieser Idempotency-Key wurde bereits für eine andere Anfrage verwendet. Bitte verwenden Sie für jede neue Anfrage einen neuen Schlüssel.',
        );
      }
      if (existing.state === 'completed' && existing.reply) return existing.reply;
      if (Date.now() - existing.createdAt.getTime() > ABANDONED_AFTER_MS) {
        // Only the abandoned record: not one that another delivery has created since.
        await this.collection.deleteOne({ _id, state: 'in-progress', createdAt: existing.createdAt });
        continue;
      }
      if (Date.now() > deadline) return 'caller-gone';
      await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
    }
  }

  async complete(scope: string, key: string, reply: StoredReply): Promise<void> {
    await this.completions.add([{ _id: `${scope}|${key}`, reply }]);
  }

  /**
   * Forgets the stored replies about one aggregate (their data's `id` or `memberId`): a member's
   * erasure must not leave the profile in replies kept for retries. A late retry of such a request
   * runs again. No index covers the reply data, so this reads the whole collection: it is for a
   * rare, deliberate act.
   */
  async forgetRepliesAbout(id: string): Promise<void> {
    await this.collection.deleteMany({ $or: [{ 'reply.data.id': id }, { 'reply.data.memberId': id }] });
  }

  /** Server-side failures are not remembered, so that the client's retry runs again. */
  async abandon(scope: string, key: string): Promise<void> {
    await this.collection.deleteOne({ _id: `${scope}|${key}`, state: 'in-progress' });
  }
}
