import {
  insertUnlessExists,
  newOutbox,
  OutboxEntry,
  OutboxPublisher,
  OutboxRepository,
} from '@ic/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { EVENT_NOTICE_MODEL, EventNoticeRecord } from './event-notice.schema';

/** The notices of event changes to the registered: each part stored once, with its event. */
@Injectable()
export class EventNoticesRepository extends OutboxRepository<EventNoticeRecord> {
  constructor(@InjectModel(EVENT_NOTICE_MODEL) model: Model<EventNoticeRecord>, outbox: OutboxPublisher) {
    super(model, outbox);
  }

  /** Keeps events that were waiting elsewhere (a moved seat book's outbox) until they are published. */
  async keep(eventId: string, origin: string, events: readonly OutboxEntry[]): Promise<void> {
    const id = `${eventId}:${origin}`;
    await insertUnlessExists(this.model, { _id: id, eventId, eventRevision: 0, ...newOutbox(events) });
  }

  /** Stores the parts of one change's notice; parts stored before (a redelivery) stay as they are. */
  async insert(eventId: string, eventRevision: number, parts: readonly OutboxEntry[]): Promise<void> {
    for (const [index, entry] of parts.entries()) {
      const id = `${eventId}:${eventRevision}:${index + 1}`;
      await insertUnlessExists(this.model, { _id: id, eventId, eventRevision, ...newOutbox([entry]) });
      await this.publishPending(id);
    }
  }
}
