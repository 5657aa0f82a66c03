import { Schema } from 'mongoose';
import { SeatOutcome, SessionCounters } from './seat-claims';

export const EVENT_SEATS_COLLECTION = 'event_seats';
export const EVENT_SEATS_MODEL = 'EventSeats';

/** A seat step the counters have been changed for (see SeatSteps), kept under its token until forgotten. */
export interface CountedStep {
  readonly registrationId: string;
  readonly at: Date;
  readonly outcome?: SeatOutcome;
  /** Finished by another than the caller that counted it: that count is in use and never taken back. */
  readonly takenOver?: boolean;
}

/**
 * One small document per event: the counters every seat decision is taken on by one conditional
 * update, the steps counted lately (by token: those in flight and those finished in the last
 * moment, forgotten with the next count), and the event revision whose change of schedule or venue
 * was told last. It does not grow with the event's registrations.
 */
export interface EventSeatsRecord {
  /** The event id. */
  _id: string;
  confirmed: number;
  waiting: number;
  sequence: number;
  sessions: Record<string, SessionCounters>;
  /** By step token. */
  steps: Record<string, CountedStep>;
  toldChangeRevision: number;
}

export const EventSeatsSchema = new Schema<EventSeatsRecord>(
  {
    _id: { type: String, required: true },
    confirmed: { type: Number, required: true },
    waiting: { type: Number, required: true },
    sequence: { type: Number, required: true },
    sessions: { type: Schema.Types.Mixed, default: {} },
    steps: { type: Schema.Types.Mixed, default: {} },
    toldChangeRevision: { type: Number, default: 0 },
  },
  { collection: EVENT_SEATS_COLLECTION, versionKey: false, minimize: false },
);
