import { DeadLetterReason, DeadLetterState } from '@ic/contracts';
import { isDuplicateKeyError } from '@ic/persistence';
import { ReadDeadLetter } from '@ic/messaging';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model } from 'mongoose';
import { DeadLetter } from './dead-letter.schema';
import { newestFirstAfter } from '../paging/newest-first-page';

export interface DeadLetterDecisionRecord {
  readonly by: string;
  readonly at: Date;
  readonly note?: string;
}

/** A dead letter as plain values. */
export interface DeadLetterRecord extends Omit<ReadDeadLetter, 'headers'> {
  readonly state: DeadLetterState;
  readonly headers: Readonly<Record<string, string>>;
  readonly redelivered?: DeadLetterDecisionRecord;
  readonly redeliverySentAt?: Date;
  readonly discarded?: DeadLetterDecisionRecord;
}

export interface DeadLetterFilter {
  readonly state?: DeadLetterState;
  readonly topic?: string;
}

/** Position in the newest-first list: the last item of the previous page. */
export interface DeadLetterPosition {
  readonly failedAt: Date;
  readonly id: string;
}

@Injectable()
export class DeadLettersRepository {
  constructor(@InjectModel(DeadLetter.name) private readonly model: Model<DeadLetter>) {}

  /** Keeps a dead letter read from its topic, open; one read again (after a restart) changes nothing. */
  async record(letter: ReadDeadLetter): Promise<void> {
    try {
      await this.model.create({
        _id: letter.id,
        state: 'open',
        topic: letter.topic,
        partition: letter.partition,
        offset: letter.offset,
        reason: letter.reason,
        error: letter.error,
        attempts: letter.attempts,
        group: letter.group,
        failedAt: letter.failedAt,
        ...(letter.eventId ? { eventId: letter.eventId } : {}),
        ...(letter.eventType ? { eventType: letter.eventType } : {}),
        ...(letter.key === null ? {} : { key: letter.key }),
        ...(letter.value === null ? {} : { value: letter.value.toString('base64') }),
        headers: Object.entries(letter.headers),
      });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  async find(id: string): Promise<DeadLetterRecord | undefined> {
    const found = await this.model.findById(id).lean<DeadLetter>().exec();
    return found ? toRecord(found) : undefined;
  }

  /** Newest first, after `position` if given; one more than `limit` tells whether a next page exists. */
  async list(
    filter: DeadLetterFilter,
    limit: number,
    after?: DeadLetterPosition,
  ): Promise<DeadLetterRecord[]> {
    const query: FilterQuery<DeadLetter> = {
      ...(filter.state ? { state: filter.state } : {}),
      ...(filter.topic ? { topic: filter.topic } : {}),
      ...newestFirstAfter('failedAt', after),
    };
    const found = await this.model
      .find(query, { value: 0 })
      .sort({ failedAt: -1, _id: -1 })
      .limit(limit)
      .lean<DeadLetter[]>()
      .exec();
    return found.map(toRecord);
  }

  /** The open ones, oldest first (the order they failed in), with their messages. */
  async listOpen(
    topic: string | undefined,
    reasons: readonly DeadLetterReason[],
    limit: number,
  ): Promise<DeadLetterRecord[]> {
    const found = await this.model
      .find({ state: 'open', reason: { $in: reasons }, ...(topic ? { topic } : {}) })
      .sort({ failedAt: 1, _id: 1 })
      .limit(limit)
      .lean<DeadLetter[]>()
      .exec();
    return found.map(toRecord);
  }

  async countOpen(topic: string): Promise<number> {
    return this.model.countDocuments({ state: 'open', topic }).exec();
  }

  /**
   * Marks an open dead letter redelivered and holds it for sending until `claimedUntil`; false when
   * it is not open (any more): of two requests at once, one wins.
   */
  async markRedelivered(
    id: string,
    decision: DeadLetterDecisionRecord,
    claimedUntil: Date,
  ): Promise<boolean> {
    const result = await this.model
      .updateOne(
        { _id: id, state: 'open' },
        { $set: { state: 'redelivered', redelivered: decision, redeliveryClaimedUntil: claimedUntil } },
      )
      .exec();
    return result.matchedCount === 1;
  }

  async markRedeliverySent(id: string, sentAt: Date): Promise<void> {
    await this.model
      .updateOne({ _id: id }, { $set: { redeliverySentAt: sentAt }, $unset: { redeliveryClaimedUntil: '' } })
      .exec();
  }

  /** Redelivered ones whose sending instance let go of them before the broker took them. */
  async findAbandonedRedeliveries(now: Date, limit: number): Promise<DeadLetterRecord[]> {
    const found = await this.model
      .find({ state: 'redelivered', redeliveryClaimedUntil: { $lt: now } })
      .limit(limit)
      .lean<DeadLetter[]>()
      .exec();
    return found.map(toRecord);
  }

  async claimRedelivery(id: string, now: Date, claimedUntil: Date): Promise<boolean> {
    const result = await this.model
      .updateOne(
        { _id: id, state: 'redelivered', redeliveryClaimedUntil: { $lt: now } },
        { $set: { redeliveryClaimedUntil: claimedUntil } },
      )
      .exec();
    return result.matchedCount === 1;
  }

  /** Marks an open dead letter discarded; false when it is not open (any more). */
  async markDiscarded(id: string, decision: DeadLetterDecisionRecord): Promise<boolean> {
    const result = await this.model
      .updateOne({ _id: id, state: 'open' }, { $set: { state: 'discarded', discarded: decision } })
      .exec();
    return result.matchedCount === 1;
  }
}

function toDecision(decision: DeadLetterDecisionRecord): DeadLetterDecisionRecord {
  return { by: decision.by, at: decision.at, ...(decision.note ? { note: decision.note } : {}) };
}

function toRecord(document: DeadLetter): DeadLetterRecord {
  return {
    id: document._id,
    state: document.state,
    topic: document.topic,
    partition: document.partition,
    offset: document.offset,
    reason: document.reason,
    error: document.error,
    attempts: document.attempts,
    group: document.group,
    failedAt: document.failedAt,
    ...(document.eventId ? { eventId: document.eventId } : {}),
    ...(document.eventType ? { eventType: document.eventType } : {}),
    key: document.key ?? null,
    value: document.value === undefined ? null : Buffer.from(document.value, 'base64'),
    headers: Object.fromEntries(document.headers),
    ...(document.redelivered ? { redelivered: toDecision(document.redelivered) } : {}),
    ...(document.redeliverySentAt ? { redeliverySentAt: document.redeliverySentAt } : {}),
    ...(document.discarded ? { discarded: toDecision(document.discarded) } : {}),
  };
}
