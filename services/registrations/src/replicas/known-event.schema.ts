import { ClubEventSnapshot, EventStatuses, EventStatus } from '@ic/contracts';
import { Schema } from 'mongoose';

export const KNOWN_EVENTS_COLLECTION = 'known_events';
export const KNOWN_EVENT_MODEL = 'KnownEvent';

export interface KnownEventRecord {
  /** The event id. */
  _id: string;
  revision: number;
  status: EventStatus;
  /** The whole event as its latest event carried it. */
  snapshot: ClubEventSnapshot;
  updatedAt: Date;
}

export const KnownEventSchema = new Schema<KnownEventRecord>(
  {
    _id: { type: String, required: true },
    revision: { type: Number, required: true },
    status: { type: String, enum: EventStatuses, required: true },
    snapshot: { type: Schema.Types.Mixed, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: KNOWN_EVENTS_COLLECTION, versionKey: false, minimize: false },
);
