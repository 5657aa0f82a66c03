import { OutboxEventFactory } from '@ic/messaging';
import { isDuplicateKeyError, OutboxPublisher, OutboxRepository, withOutbox } from '@ic/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import {
  FAILED_LOGIN_STREAK_MODEL,
  FailedLoginStreakRecord,
  SESSION_MODEL,
  SessionRecord,
} from './auth.schemas';
import { Session } from './session';
import { SessionAggregate } from './session.aggregate';
import { FailedLoginStreak } from './staff-login/staff-login.rules';

/** Sessions (with the outbox of their SessionEnded), and the office's failed password sign-ins in a row. */
@Injectable()
export class SessionsRepository extends OutboxRepository<SessionRecord> {
  constructor(
    @InjectModel(SESSION_MODEL) private readonly sessions: Model<SessionRecord>,
    @InjectModel(FAILED_LOGIN_STREAK_MODEL) private readonly streaks: Model<FailedLoginStreakRecord>,
    outbox: OutboxPublisher,
    private readonly events: OutboxEventFactory,
  ) {
    super(sessions, outbox);
  }

  async insert(session: Session): Promise<void> {
    await this.sessions.create({
      _id: session.id,
      kind: session.kind,
      subject: session.subject,
      role: session.role,
      ...(session.operations ? { operations: true } : {}),
      createdAt: session.createdAt,
      expiresAt: session.expiresAt,
      ...(session.renewedAt ? { renewedAt: session.renewedAt } : {}),
    });
  }

  async findById(id: string): Promise<Session | null> {
    const record = await this.sessions.findById(id, { outbox: 0 }).lean<SessionRecord>().exec();
    return record && toSession(record);
  }

  /** The known ones of these sessions, in no particular order. */
  async findByIds(ids: readonly string[]): Promise<Session[]> {
    if (ids.length === 0) return [];
    const records = await this.sessions
      .find({ _id: { $in: [...ids] } }, { outbox: 0 })
      .lean<SessionRecord[]>()
      .exec();
    return records.map(toSession);
  }

  /** Moves a browser session's expiry on; a revoked session stays revoked. */
  async renew(id: string, expiresAt: Date, renewedAt: Date): Promise<void> {
    await this.sessions
      .updateOne({ _id: id, revokedAt: { $exists: false } }, { $set: { expiresAt, renewedAt } })
      .exec();
  }

  /** The session to end; null when unknown. */
  async load(id: string): Promise<SessionAggregate | null> {
    const session = await this.findById(id);
    return session && SessionAggregate.of(session);
  }

  /**
   * Writes a session's early end (SessionAggregate.end, the only change after it was opened) with
   * its facts as events (keyed by the subject) in the same write, and publishes them; a session
   * without changes is not written. Ending is idempotent: the first end counts, and only it stores
   * its events.
   */
  async save(session: SessionAggregate, correlationId?: string): Promise<void> {
    if (!session.hasChanges) return;
    const { id, subject, revokedAt } = session.state;
    if (!revokedAt) throw new Error(`Session ${id} is not ended`);
    const events = this.events.entriesOf(subject, session.takeFacts(), correlationId);
    const { modifiedCount } = await this.sessions
      .updateOne({ _id: id, revokedAt: { $exists: false } }, withOutbox({ $set: { revokedAt } }, events))
      .exec();
    if (modifiedCount > 0) await this.publishPending(id, { events });
  }

  /** Revokes every session of the subject still open (a member who had their data erased). */
  async revokeAllOf(subject: string, at: Date): Promise<void> {
    await this.sessions
      .updateMany({ subject, revokedAt: { $exists: false } }, { $set: { revokedAt: at } })
      .exec();
  }

  async failedLoginStreakOf(email: string): Promise<FailedLoginStreak | null> {
    const record = await this.streaks.findById(email).lean<FailedLoginStreakRecord>().exec();
    return record ? { failures: record.failures, lastFailureAt: record.lastFailureAt } : null;
  }

  /** The current streaks of these addresses, by address (none for an address without one). */
  async failedLoginStreaksOf(emails: readonly string[]): Promise<Map<string, FailedLoginStreak>> {
    const records = await this.streaks
      .find({ _id: { $in: emails } })
      .lean<FailedLoginStreakRecord[]>()
      .exec();
    return new Map(
      records.map((record) => [
        record._id,
        { failures: record.failures, lastFailureAt: record.lastFailureAt },
      ]),
    );
  }

  /**
   * Counts one more failure in a row and returns the streak: an atomic increment, so that attempts
   * at the same moment all count (the streak is read from the document before it, which the local
   * default gives exactly). Two first failures at once race on the insert; the loser retries.
   */
  async recordFailedLogin(email: string, at: Date): Promise<FailedLoginStreak> {
    const increment = () =>
      this.streaks
        .findOneAndUpdate(
          { _id: email },
          { $inc: { failures: 1 }, $max: { lastFailureAt: at } },
          { upsert: true },
        )
        .lean<FailedLoginStreakRecord>()
        .exec();
    const before = await increment().catch((error: unknown) => {
      if (isDuplicateKeyError(error)) return increment();
      throw error;
    });
    return {
      failures: (before?.failures ?? 0) + 1,
      lastFailureAt: before && before.lastFailureAt > at ? before.lastFailureAt : at,
    };
  }

  /** A sign-in succeeded: the next failure starts a new streak. */
  async clearFailedLogins(email: string): Promise<void> {
    await this.streaks.deleteOne({ _id: email }).exec();
  }
}

function toSession(record: SessionRecord): Session {
  return {
    id: record._id,
    kind: record.kind ?? 'token',
    subject: record.subject,
    role: record.role,
    ...(record.operations ? { operations: true } : {}),
    createdAt: record.createdAt,
    expiresAt: record.expiresAt,
    ...(record.renewedAt ? { renewedAt: record.renewedAt } : {}),
    ...(record.revokedAt ? { revokedAt: record.revokedAt } : {}),
  };
}
