import { OutboxEntry, OutboxPublisher, OutboxRepository, withOutbox } from '@ic/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { LOGIN_ATTEMPT_MODEL, LoginAttemptRecord, SESSION_MODEL, SessionRecord } from './auth.schemas';
import { randomUUID } from 'node:crypto';

export interface Session {
  readonly id: string;
  /** `token`: behind access tokens; `browser`: behind a session cookie. */
  readonly kind: 'token' | 'browser';
  readonly subject: string;
  readonly role: 'staff' | 'member';
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly renewedAt?: Date;
  readonly revokedAt?: Date;
}

/** Sessions (with the outbox of their SessionEnded) and the failed-login journal. */
@Injectable()
export class SessionsRepository extends OutboxRepository<SessionRecord> {
  constructor(
    @InjectModel(SESSION_MODEL) private readonly sessions: Model<SessionRecord>,
    @InjectModel(LOGIN_ATTEMPT_MODEL) private readonly attempts: Model<LoginAttemptRecord>,
    outbox: OutboxPublisher,
  ) {
    super(sessions, outbox);
  }

  async insert(session: Session): Promise<void> {
    await this.sessions.create({
      _id: session.id,
      kind: session.kind,
      subject: session.subject,
      role: session.role,
      createdAt: session.createdAt,
      expiresAt: session.expiresAt,
      ...(session.renewedAt ? { renewedAt: session.renewedAt } : {}),
    });
  }

  async findById(id: string): Promise<Session | null> {
    const record = await this.sessions.findById(id, { outbox: 0 }).lean<SessionRecord>().exec();
    if (!record) return null;
    return {
      id: record._id,
      kind: record.kind ?? 'token',
      subject: record.subject,
      role: record.role,
      createdAt: record.createdAt,
      expiresAt: record.expiresAt,
      ...(record.renewedAt ? { renewedAt: record.renewedAt } : {}),
      ...(record.revokedAt ? { revokedAt: record.revokedAt } : {}),
    };
  }

  /** Moves a browser session's expiry on; a revoked session stays revoked. */
  async renew(id: string, expiresAt: Date, renewedAt: Date): Promise<void> {
    await this.sessions
      .updateOne({ _id: id, revokedAt: { $exists: false } }, { $set: { expiresAt, renewedAt } })
      .exec();
  }

  /**
   * Ends a session early, with its SessionEnded in the same write, and publishes it. Revoking is
   * idempotent: the first time counts, and only it stores the events.
   */
  async revoke(id: string, at: Date, events: readonly OutboxEntry[]): Promise<void> {
    const { modifiedCount } = await this.sessions
      .updateOne({ _id: id, revokedAt: { $exists: false } }, withOutbox({ $set: { revokedAt: at } }, events))
      .exec();
    if (modifiedCount > 0) await this.publishPending(id, { events });
  }

  /** Revokes every session of the subject still open (a member who had their data erased). */
  async revokeAllOf(subject: string, at: Date): Promise<void> {
    await this.sessions
      .updateMany({ subject, revokedAt: { $exists: false } }, { $set: { revokedAt: at } })
      .exec();
  }

  async recordFailedLogin(email: string, at: Date): Promise<void> {
    await this.attempts.create({ _id: randomUUID(), email, at });
  }

  async countFailedLoginsSince(email: string, since: Date): Promise<number> {
    return this.attempts.countDocuments({ email, at: { $gte: since } }).exec();
  }
}
