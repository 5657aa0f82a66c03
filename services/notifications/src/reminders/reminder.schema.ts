import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

export const REMINDERS_COLLECTION = 'reminders';

export const ReminderStates = ['pending', 'sent', 'dropped'] as const;
export type ReminderState = (typeof ReminderStates)[number];

/**
 * One reminder to send before an occasion (the event, or a module of a Kommunalzirkel): the
 * scheduler's whole state, so that a restart finds what is due and what was sent. Planned from the
 * events replica; `dropped` when the event was cancelled or the occasion passed unreminded. Once
 * `sent`, people confirmed later are reminded too, until the occasion begins (`lateUntil`).
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

  /** Sent: everyone whose confirmation the registrations replica recorded before this was reminded. */
  @Prop({ type: Date })
  sentUpTo?: Date;

  /** Sent: until when people confirmed after `sentUpTo` get the reminder (the occasion's start). */
  @Prop({ type: Date })
  lateUntil?: Date;

  /** Passes that tried to send it (or its latest late round); after the last one a failed mail stays failed. */
  @Prop({ type: Number, required: true })
  attempts!: number;

  @Prop({ type: Date, required: true })
  updatedAt!: Date;
}

export const ReminderSchema = SchemaFactory.createForClass(Reminder);
// The scheduler's questions: which pending reminders are due, which sent ones still take late registrations.
ReminderSchema.index({ state: 1, dueAt: 1 });
ReminderSchema.index({ state: 1, lateUntil: 1 });
ReminderSchema.index({ eventId: 1 });
