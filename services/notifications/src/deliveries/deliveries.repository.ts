import { DeliveryStatus, MailKind } from '@ic/contracts';
import {
  isDuplicateKeyError,
  newOutbox,
  OutboxEntry,
  OutboxPublisher,
  OutboxRepository,
  withOutbox,
} from '@ic/persistence';
import { escapeRegex } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model } from 'mongoose';
import { Delivery, DeliveryDocument, StoredMail } from './delivery.schema';
import { newestFirstAfter } from '../paging/newest-first-page';

/** What the delivery log shows instead of the address of a member who had their data erased. */
export const ERASED_RECIPIENT = '(gelöscht)';

/** A delivery as plain values. */
export interface DeliveryRecord {
  readonly id: string;
  readonly kind: MailKind;
  readonly memberId?: string;
  readonly eventId?: string;
  readonly causedBy: string;
  readonly correlationId?: string;
  readonly recipient: string;
  readonly subject: string;
  readonly messageId: string;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly lastError?: string;
  readonly createdAt: Date;
  readonly sentAt?: Date;
  readonly failedAt?: Date;
  /** The written mail, kept while the delivery is failed (see Delivery.mail). */
  readonly mail?: StoredMail;
  readonly resendRequestedAt?: Date;
}

export type NewDelivery = Omit<
  DeliveryRecord,
  'status' | 'attempts' | 'lastError' | 'sentAt' | 'failedAt' | 'mail' | 'resendRequestedAt'
>;

export interface DeliveryFilter {
  readonly status?: DeliveryStatus;
  readonly kind?: MailKind;
  readonly memberId?: string;
  readonly eventId?: string;
  /** The address, compared without regard to case. */
  readonly recipient?: string;
}

/** Position in the newest-first list: the last item of the previous page. */
export interface DeliveryPosition {
  readonly createdAt: Date;
  readonly id: string;
}

/**
 * The delivery log. One handler at a time works on a delivery (its id comes from one event, which
 * one consumer holds), so plain updates suffice; the creation is an insert with the delivery id as
 * `_id`. A write with events starts publishing them without waiting for it (the relay's sweeper
 * publishes whatever that misses), so that a mail's handling does not wait for Kafka.
 */
@Injectable()
export class DeliveriesRepository extends OutboxRepository<DeliveryDocument> {
  constructor(@InjectModel(Delivery.name) deliveries: Model<DeliveryDocument>, outbox: OutboxPublisher) {
    super(deliveries, outbox);
  }

  async find(id: string): Promise<DeliveryRecord | undefined> {
    const delivery = await this.model.findById(id).lean<Delivery>().exec();
    return delivery ? toRecord(delivery) : undefined;
  }

  /**
   * Creates the delivery as `sending`, its first SMTP attempt about to start, in one insert; undefined
   * when it exists already (the event is handled again: read it with find).
   */
  async createSending(delivery: NewDelivery): Promise<DeliveryRecord | undefined> {
    const document: Delivery = { ...fieldsOf(delivery), status: 'sending', attempts: 1 };
    try {
      await this.model.create(document);
      return toRecord(document);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      return undefined;
    }
  }

  /** A delivery that failed before any attempt (e.g. no address known), with its MailFailed event. */
  async createFailed(
    delivery: NewDelivery,
    reason: string,
    attempts: number,
    events: readonly OutboxEntry[],
  ): Promise<void> {
    const failedAt = new Date();
    await this.model.create({
      ...fieldsOf(delivery),
      status: 'failed',
      attempts,
      lastError: reason,
      failedAt,
      ...newOutbox(events),
    });
    void this.publishPending(delivery.id, { events, outbox: events });
  }

  /**
   * Recorded before every SMTP attempt: from now on the mail may have gone out. A resend may go to
   * a newer address of the member than the first attempt: then `recipient` says so.
   */
  async markSending(id: string, attempts: number, recipient?: string): Promise<void> {
    await this.update(id, {
      $set: { status: 'sending', attempts, updatedAt: new Date(), ...(recipient ? { recipient } : {}) },
    });
  }

  /** A transient failure that the next attempt may overcome. */
  async markQueuedForRetry(id: string, reason: string): Promise<void> {
    await this.update(id, { $set: { status: 'queued', lastError: reason, updatedAt: new Date() } });
  }

  async markSent(id: string, sentAt: Date, events: readonly OutboxEntry[]): Promise<void> {
    await this.update(
      id,
      withOutbox(
        {
          $set: { status: 'sent', sentAt, updatedAt: sentAt },
          $unset: { lastError: '', mail: '', ...RESEND_FIELDS },
        },
        events,
      ),
    );
    void this.publishPending(id, { events });
  }

  /** Failed for good; `mail`, the mail as written, is kept so that the office can send it again. */
  async markFailed(
    id: string,
    reason: string,
    attempts: number,
    events: readonly OutboxEntry[],
    mail?: StoredMail,
  ): Promise<void> {
    const failedAt = new Date();
    await this.update(
      id,
      withOutbox(
        {
          $set: {
            status: 'failed',
            lastError: reason,
            attempts,
            failedAt,
            updatedAt: failedAt,
            ...(mail ? { mail } : {}),
          },
          $unset: RESEND_FIELDS,
        },
        events,
      ),
    );
    void this.publishPending(id, { events });
  }

  /**
   * The office asks for a failed mail to go out again: back to `queued`, marked as a resend and
   * claimed by the caller until `claimedUntil`. Only a failed delivery with its written mail
   * qualifies, checked in the same write, so of two requests at once only one re-queues it.
   */
  async requeueFailed(id: string, requestedAt: Date, claimedUntil: Date): Promise<boolean> {
    const result = await this.model
      .updateOne(
        { _id: id, status: 'failed', mail: { $exists: true } },
        {
          $set: {
            status: 'queued',
            resendRequestedAt: requestedAt,
            resendClaimedUntil: claimedUntil,
            updatedAt: requestedAt,
          },
        },
      )
      .exec();
    return result.modifiedCount === 1;
  }

  /**
   * Takes a re-queued delivery whose claim has run out (its instance stopped before settling it),
   * holding it until `claimedUntil`; false when another instance holds it or it is settled.
   */
  async claimResend(id: string, now: Date, claimedUntil: Date): Promise<boolean> {
    const result = await this.model
      .updateOne(
        {
          _id: id,
          status: { $in: ['queued', 'sending'] },
          resendRequestedAt: { $exists: true },
          resendClaimedUntil: { $lt: now },
        },
        { $set: { resendClaimedUntil: claimedUntil } },
      )
      .exec();
    return result.modifiedCount === 1;
  }

  /** Re-queued deliveries nobody holds any more, oldest request first. */
  async findAbandonedResends(now: Date, limit: number): Promise<DeliveryRecord[]> {
    const found = await this.model
      .find({
        status: { $in: ['queued', 'sending'] },
        resendRequestedAt: { $exists: true },
        resendClaimedUntil: { $lt: now },
      })
      .sort({ resendRequestedAt: 1 })
      .limit(limit)
      .lean<Delivery[]>()
      .exec();
    return found.map(toRecord);
  }

  /**
   * A member had their data erased: their deliveries keep kind, time and status for the log, but
   * the address becomes ERASED_RECIPIENT and the SMTP answer (which may quote it) and the written
   * mail go.
   */
  async forgetRecipientOf(memberId: string): Promise<void> {
    await this.model
      .updateMany(
        { memberId },
        {
          $set: { recipient: ERASED_RECIPIENT, updatedAt: new Date() },
          $unset: { lastError: '', mail: '' },
        },
      )
      .exec();
  }

  /** Newest first, after `position` if given; one more than `limit` tells whether a next page exists. */
  async list(filter: DeliveryFilter, limit: number, after?: DeliveryPosition): Promise<DeliveryRecord[]> {
    const query: FilterQuery<DeliveryDocument> = {
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(filter.memberId ? { memberId: filter.memberId } : {}),
      ...(filter.eventId ? { eventId: filter.eventId } : {}),
      ...(filter.recipient
        ? { recipient: { $regex: `^${escapeRegex(filter.recipient)}$`, $options: 'i' } }
        : {}),
      ...newestFirstAfter('createdAt', after),
    };
    const found = await this.model
      .find(query, { outbox: 0, outboxUpdatedAt: 0, mail: 0 })
      .sort({ createdAt: -1, _id: -1 })
      .limit(limit)
      .lean<Delivery[]>()
      .exec();
    return found.map(toRecord);
  }

  private async update(id: string, update: Record<string, unknown>): Promise<void> {
    const result = await this.model.updateOne({ _id: id }, update).exec();
    if (result.matchedCount !== 1) throw new Error(`Delivery ${id} not found for update`);
  }
}

/** Cleared whenever a delivery is settled. */
const RESEND_FIELDS = { resendRequestedAt: '', resendClaimedUntil: '' } as const;

/** What a delivery is from its start, named alike in the document and in the record. */
function originOf(delivery: NewDelivery | Delivery) {
  return {
    kind: delivery.kind,
    ...(delivery.memberId ? { memberId: delivery.memberId } : {}),
    ...(delivery.eventId ? { eventId: delivery.eventId } : {}),
    causedBy: delivery.causedBy,
    ...(delivery.correlationId ? { correlationId: delivery.correlationId } : {}),
    recipient: delivery.recipient,
    subject: delivery.subject,
    messageId: delivery.messageId,
  };
}

function fieldsOf(delivery: NewDelivery): Omit<Delivery, 'status' | 'attempts'> {
  return {
    _id: delivery.id,
    ...originOf(delivery),
    createdAt: delivery.createdAt,
    updatedAt: delivery.createdAt,
  };
}

function toRecord(delivery: Delivery): DeliveryRecord {
  return {
    id: delivery._id,
    ...originOf(delivery),
    status: delivery.status,
    attempts: delivery.attempts,
    ...(delivery.lastError ? { lastError: delivery.lastError } : {}),
    createdAt: delivery.createdAt,
    ...(delivery.sentAt ? { sentAt: delivery.sentAt } : {}),
    ...(delivery.failedAt ? { failedAt: delivery.failedAt } : {}),
    ...(delivery.mail ? { mail: delivery.mail } : {}),
    ...(delivery.resendRequestedAt ? { resendRequestedAt: delivery.resendRequestedAt } : {}),
  };
}
