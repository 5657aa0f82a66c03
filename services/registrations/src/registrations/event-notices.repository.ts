import { isDuplicateKeyError, newOutbox, OutboxEntry, OutboxRelay } from '@ic/messaging';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { EVENT_NOTICE_MODEL, EVENT_NOTICES_COLLECTION, EventNoticeRecord } from './event-notice.schema';

/** The notices of event changes to the registered: each part stored once, with its event. */
@Injectable()
export class EventNoticesRepository {
  constructor(
    @InjectModel(EVENT_NOTICE_MODEL) private readonly model: Model<EventNoticeRecord>,
    private readonly relay: OutboxRelay,
  ) {
    relay.register(EVENT_NOTICES_COLLECTION);
  }

  /** Keeps events that were waiting elsewhere (a moved seat book's outbox) until they are published. */
  async keep(eventId: string, origin: string, events: readonly OutboxEntry[]): Promise<void> {
    const id = `${eventId}:${origin}`;
    try {
      await this.model.create({ _id: id, eventId, eventRevision: 0, ...newOutbox(events) });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  /** Stores the parts of one change's notice; parts stored before (a redelivery) stay as they are. */
  async insert(eventId: string, eventRevision: number, parts: readonly OutboxEntry[]): Promise<void> {
    for (const [index, entry] of parts.entries()) {
      const id = `${eventId}:${eventRevision}:${index + 1}`;
      try {
        await this.model.create({ _id: id, eventId, eventRevision, ...newOutbox([entry]) });
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
      await this.relay.publishPending(EVENT_NOTICES_COLLECTION, id);
    }
  }
}
