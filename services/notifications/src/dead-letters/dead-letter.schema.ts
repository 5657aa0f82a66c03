import { DeadLetterReason, DeadLetterReasons, DeadLetterState, DeadLetterStates } from '@ic/contracts';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

export const DEAD_LETTERS_COLLECTION = 'dead_letters';

/** What an operator decided, and when. */
export class DeadLetterDecision {
  @Prop({ type: String, required: true })
  by!: string;

  @Prop({ type: Date, required: true })
  at!: Date;

  @Prop({ type: String })
  note?: string;
}

/**
 * A message of a `<topic>.dlt` as the dead-letter index read it, and the operators' decision on
 * it. Its `_id` is its place in the dead-letter topic; the message is kept as it came, to be sent
 * back. Headers are a list of pairs: a header's name may hold a dot, which a field name may not.
 */
@Schema({ collection: DEAD_LETTERS_COLLECTION, versionKey: false })
export class DeadLetter {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String, required: true, enum: DeadLetterStates })
  state!: DeadLetterState;

  @Prop({ type: String, required: true })
  topic!: string;

  @Prop({ type: Number, required: true })
  partition!: number;

  @Prop({ type: String, required: true })
  offset!: string;

  @Prop({ type: String, required: true, enum: DeadLetterReasons })
  reason!: DeadLetterReason;

  @Prop({ type: String, required: true })
  error!: string;

  @Prop({ type: Number, required: true })
  attempts!: number;

  @Prop({ type: String, required: true })
  group!: string;

  @Prop({ type: Date, required: true })
  failedAt!: Date;

  @Prop({ type: String })
  eventId?: string;

  @Prop({ type: String })
  eventType?: string;

  @Prop({ type: String })
  key?: string;

  /** The body, base64: the bytes as they came, whatever they are. */
  @Prop({ type: String })
  value?: string;

  @Prop({ type: [[String]], required: true })
  headers!: [string, string][];

  @Prop({ type: DeadLetterDecision, _id: false })
  redelivered?: DeadLetterDecision;

  /** When the broker took the redelivered message; unset until then (see DeadLetterRedeliverySweeper). */
  @Prop({ type: Date })
  redeliverySentAt?: Date;

  /** Until when the instance that is sending it back holds it. */
  @Prop({ type: Date })
  redeliveryClaimedUntil?: Date;

  @Prop({ type: DeadLetterDecision, _id: false })
  discarded?: DeadLetterDecision;
}

export const DeadLetterSchema = SchemaFactory.createForClass(DeadLetter);
DeadLetterSchema.index({ failedAt: -1, _id: -1 });
DeadLetterSchema.index({ state: 1, topic: 1, failedAt: 1 });
DeadLetterSchema.index({ redeliveryClaimedUntil: 1 }, { sparse: true });
