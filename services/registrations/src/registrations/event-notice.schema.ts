import { addOutboxTo, OutboxEntry } from '@ic/persistence';
import { Schema } from 'mongoose';

export const EVENT_NOTICES_COLLECTION = 'event_notices';
export const EVENT_NOTICE_MODEL = 'EventNotice';

/**
 * One part of telling the registered about an event's change (RegisteredEventChanged): inserted once
 * per event, revision and part, with its event in the outbox.
 */
export interface EventNoticeRecord {
  /** `<event id>:<event revision>:<part>`. */
  _id: string;
  eventId: string;
  eventRevision: number;
  outbox: OutboxEntry[];
  outboxUpdatedAt?: Date;
}

export const EventNoticeSchema = new Schema<EventNoticeRecord>(
  {
    _id: { type: String, required: true },
    eventId: { type: String, required: true },
    eventRevision: { type: Number, required: true },
  },
  { collection: EVENT_NOTICES_COLLECTION, versionKey: false },
);
addOutboxTo(EventNoticeSchema);
