import { isDuplicateKeyError } from '@ic/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { ReminderOccasion } from './reminder-occasions';
import { Reminder, ReminderState } from './reminder.schema';

/** A pending reminder as plain values. */
export interface ReminderRecord {
  readonly id: string;
  readonly eventId: string;
  readonly dueAt: Date;
  readonly attempts: number;
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

  /** Pending reminders that are due, the longest overdue first. */
  async findDue(now: Date, limit: number): Promise<ReminderRecord[]> {
    const due = await this.reminders
      .find({ state: 'pending', dueAt: { $lte: now } })
      .sort({ dueAt: 1, _id: 1 })
      .limit(limit)
      .lean<Reminder[]>()
      .exec();
    return due.map((reminder) => ({
      id: reminder._id,
      eventId: reminder.eventId,
      dueAt: reminder.dueAt,
      attempts: reminder.attempts,
    }));
  }

  async recordAttempt(id: string, attempts: number): Promise<void> {
    await this.reminders.updateOne({ _id: id }, { $set: { attempts, updatedAt: new Date() } }).exec();
  }

  async finish(id: string, state: Exclude<ReminderState, 'pending'>): Promise<void> {
    await this.reminders.updateOne({ _id: id }, { $set: { state, updatedAt: new Date() } }).exec();
  }
}
