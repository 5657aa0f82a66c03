import { ConflictError, ProblemDetails, RuleViolationError } from '@ic/platform';
import { createHash } from 'node:crypto';
import { mongo } from 'mongoose';
import { isDuplicateKeyError } from '../outbox/outbox-relay';

export const IDEMPOTENCY_COLLECTION = 'request_idempotency';

export type StoredReply = { outcome: 'ok'; data: unknown } | { outcome: 'error'; problem: ProblemDetails };

interface IdempotencyRecord {
  _id: string;
  fingerprint: string;
  state: 'in-progress' | 'completed';
  reply?: StoredReply;
  createdAt: Date;
}

/**
 * Makes a retried request act once: the first delivery of (caller, pattern, key) inserts a record
 * (atomic), later ones get the stored reply. The same key with another payload is refused.
 */
export class RequestIdempotency {
  constructor(private readonly db: mongo.Db) {}

  private get collection(): mongo.Collection<IdempotencyRecord> {
    return this.db.collection<IdempotencyRecord>(IDEMPOTENCY_COLLECTION);
  }

  /** Returns the stored reply of an earlier identical request, or undefined when this one should run. */
  async begin(scope: string, key: string, payload: unknown): Promise<StoredReply | undefined> {
    const _id = `${scope}|${key}`;
    const fingerprint = createHash('sha256')
      .update(JSON.stringify(payload ?? null))
      .digest('hex');
    try {
      await this.collection.insertOne({ _id, fingerprint, state: 'in-progress', createdAt: new Date() });
      return undefined;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    const existing = await this.collection.findOne({ _id });
    if (!existing) return undefined;
    if (existing.fingerprint !== fingerprint) {
      throw new RuleViolationError(
        'Dieser Idempotency-Key wurde bereits für eine andere Anfrage verwendet. Bitte verwenden Sie für jede neue Anfrage einen neuen Schlüssel.',
      );
    }
    if (existing.state === 'in-progress' || !existing.reply) {
      throw new ConflictError(
        'Eine Anfrage mit diesem Idempotency-Key wird gerade bearbeitet. Bitte versuchen Sie es in einigen Sekunden erneut.',
      );
    }
    return existing.reply;
  }

  async complete(scope: string, key: string, reply: StoredReply): Promise<void> {
    await this.collection.updateOne({ _id: `${scope}|${key}` }, { $set: { state: 'completed', reply } });
  }

  /** Server-side failures are not remembered, so that the client's retry runs again. */
  async abandon(scope: string, key: string): Promise<void> {
    await this.collection.deleteOne({ _id: `${scope}|${key}`, state: 'in-progress' });
  }
}
