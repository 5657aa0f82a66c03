import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

export const REMINDERS_COLLECTION = 'reminders';

export const ReminderStates = ['pending', 'sent', 'dropped'] as const;
export type ReminderState = (typeof ReminderStates)[number];

/**
 * One reminder to send before an occasion (the event, or a module of a Kommunalzirkel): the
 * scheduler's whole state, so that a restart finds what is due and what was sent. Planned from the
 * events replica; `dropped` when the event was cancelled or the occasion passed unreminded.
 */
@Schema({ collection: REMINDERS_COLLECTION, versionKey: false })
export class Reminder {
  /** The occasion's id, `<eventId>:event` or `<eventId>:<moduleId>`. */
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String, required: true })
  eventId!: string;

  @Prop({ type: String })
  moduleId?: string;

  @Prop({ type: Date, required: true })
  startsAt!: Date;

  @Prop({ type: Date, required: true })
  dueAt!: Date;

  @Prop({ type: String, required: true, enum: ReminderStates })
  state!: ReminderState;

  /** Passes that tried to send it; after the last one a failed mail stays failed. */
  @Prop({ type: Number, required: true })
  attempts!: number;

  @Prop({ type: Date, required: true })
  updatedAt!: Date;
}

export const ReminderSchema = SchemaFactory.createForClass(Reminder);
// The scheduler's question: which pending reminders are due.
ReminderSchema.index({ state: 1, dueAt: 1 });
ReminderSchema.index({ eventId: 1 });
