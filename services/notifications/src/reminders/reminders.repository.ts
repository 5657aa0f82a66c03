import { isDuplicateKeyError } from '@ic/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { ReminderOccasion } from './reminder-occasions';
import { Reminder, ReminderState } from './reminder.schema';

/** A reminder to send, or a sent one to send to people confirmed since, as plain values. */
export interface ReminderRecord {
  readonly id: string;
  readonly eventId: string;
  readonly dueAt: Date;
  readonly attempts: number;
  /** Sent already: the people confirmed since this instant are still to be reminded. */
  readonly sentUpTo?: Date;
}

/**
 * The reminders to send. Planning follows the events replica, whose writes for one event come in
 * order; a sent or dropped reminder is never planned again, so it goes out at most once.
 */
@Injectable()
export class RemindersRepository {
  constructor(@InjectModel(Reminder.name) private readonly reminders: Model<Reminder>) {}

  /**
   * Makes the event's pending reminders those of `occasions`: new ones are added (taking `state:
   * 'pending'` from the filter), moved ones get their new times, and pending ones whose occasion is
   * gone (a module without a date now, an event cancelled) are removed. Sent and dropped ones stay.
   */
  async plan(eventId: string, occasions: readonly ReminderOccasion[]): Promise<void> {
    const now = new Date();
    for (const occasion of occasions) {
      try {
        await this.reminders
          .updateOne(
            { _id: occasion.id, state: 'pending' },
            {
              $set: { startsAt: occasion.startsAt, dueAt: occasion.dueAt, updatedAt: now },
              $setOnInsert: {
                eventId,
                ...(occasion.moduleId ? { moduleId: occasion.moduleId } : {}),
                attempts: 0,
              },
            },
            { upsert: true },
          )
          .exec();
      } catch (error) {
        // Sent or dropped already: the upsert's insert meets the existing id.
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
    await this.reminders
      .deleteMany({ eventId, state: 'pending', _id: { $nin: occasions.map((occasion) => occasion.id) } })
      .exec();
  }

  /**
   * Pending reminders that are due, the longest overdue first; then, while the batch has room, sent
   * ones whose occasion has not begun (for people confirmed since), the longest unswept first.
   */
  async findDue(now: Date, limit: number): Promise<ReminderRecord[]> {
    const due = await this.reminders
      .find({ state: 'pending', dueAt: { $lte: now } })
      .sort({ dueAt: 1, _id: 1 })
      .limit(limit)
      .lean<Reminder[]>()
      .exec();
    const late =
      due.length < limit
        ? await this.reminders
            .find({ state: 'sent', lateUntil: { $gt: now } })
            .sort({ sentUpTo: 1, _id: 1 })
            .limit(limit - due.length)
            .lean<Reminder[]>()
            .exec()
        : [];
    return [...due, ...late].map((reminder) => ({
      id: reminder._id,
      eventId: reminder.eventId,
      dueAt: reminder.dueAt,
      attempts: reminder.attempts,
      ...(reminder.sentUpTo ? { sentUpTo: reminder.sentUpTo } : {}),
    }));
  }

  /** The reminder went out to everyone confirmed before `sentUpTo`; later ones get it until `lateUntil`. */
  async markSent(id: string, sentUpTo: Date, lateUntil: Date): Promise<void> {
    await this.reminders
      .updateOne(
        { _id: id },
        { $set: { state: 'sent', sentUpTo, lateUntil, attempts: 0, updatedAt: new Date() } },
      )
      .exec();
  }

  /** A late round is done: from `from` on to `to`; an instance that moved it on meanwhile wins. */
  async sentUpTo(id: string, from: Date, to: Date): Promise<void> {
    await this.reminders
      .updateOne({ _id: id, sentUpTo: from }, { $set: { sentUpTo: to, attempts: 0, updatedAt: new Date() } })
      .exec();
  }

  /** No more late rounds: the occasion has begun, is gone or the event no longer takes place. */
  async endLateRounds(id: string): Promise<void> {
    await this.reminders
      .updateOne({ _id: id }, { $unset: { lateUntil: '' }, $set: { updatedAt: new Date() } })
      .exec();
  }

  async recordAttempt(id: string, attempts: number): Promise<void> {
    await this.reminders.updateOne({ _id: id }, { $set: { attempts, updatedAt: new Date() } }).exec();
  }

  async finish(id: string, state: Exclude<ReminderState, 'pending'>): Promise<void> {
    await this.reminders.updateOne({ _id: id }, { $set: { state, updatedAt: new Date() } }).exec();
  }
}
