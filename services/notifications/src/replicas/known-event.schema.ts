import { ClubEventSnapshot, EventStatus, EventStatuses } from '@ic/contracts';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';

export const KNOWN_EVENTS_COLLECTION = 'known_events';

/**
 * What this service keeps of a club event: the whole snapshot as the events service last published
 * it (on ic.events.v1, or carried by a registration event), so that registration mails and
 * reminders show title, times, venue and the calendar entry while the events service is down.
 */
@Schema({ collection: KNOWN_EVENTS_COLLECTION, versionKey: false })
export class KnownEvent {
  /** The club event's id. */
  @Prop({ type: String, required: true })
  _id!: string;

  /** The snapshot's revision: a replica keeps the highest it has seen. */
  @Prop({ type: Number, required: true })
  revision!: number;

  @Prop({ type: String, required: true, enum: EventStatuses })
  status!: EventStatus;

  @Prop({ type: MongooseSchema.Types.Mixed, required: true })
  snapshot!: ClubEventSnapshot;

  @Prop({ type: Date, required: true })
  updatedAt!: Date;

  /**
   * Set once, when the announcement goes out: whether it named a registration opening still ahead
   * (true), or said registration was open (false). Only the first gets an "Anmeldung geöffnet" mail
   * when registration opens; absent while the event was not announced by this service.
   */
  @Prop({ type: Boolean })
  announcedBeforeOpening?: boolean;
}

export const KnownEventSchema = SchemaFactory.createForClass(KnownEvent);
