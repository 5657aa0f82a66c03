import { DeliveryStatus, DeliveryStatuses, MailKind, MailKinds } from '@ic/contracts';
import { addOutboxTo, OutboxFields } from '@ic/messaging';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

export const DELIVERIES_COLLECTION = 'deliveries';

/**
 * One e-mail in the delivery log, and the aggregate whose outbox carries MailSent / MailFailed.
 * Its `_id` is the delivery id derived from the causing event (see deliveryIdOf).
 */
@Schema({ collection: DELIVERIES_COLLECTION, versionKey: false })
export class Delivery {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String, required: true, enum: MailKinds })
  kind!: MailKind;

  @Prop({ type: String })
  memberId?: string;

  /** ce_id of the event the mail answers. */
  @Prop({ type: String, required: true })
  causedBy!: string;

  @Prop({ type: String })
  correlationId?: string;

  @Prop({ type: String, required: true })
  recipient!: string;

  @Prop({ type: String, required: true })
  subject!: string;

  /** The Message-ID every attempt of this delivery carries. */
  @Prop({ type: String, required: true })
  messageId!: string;

  @Prop({ type: String, required: true, enum: DeliveryStatuses })
  status!: DeliveryStatus;

  /** SMTP attempts so far (each recorded as `sending` before it starts). */
  @Prop({ type: Number, required: true })
  attempts!: number;

  /** The last SMTP answer or problem; for `failed` the reason. */
  @Prop({ type: String })
  lastError?: string;

  @Prop({ type: Date, required: true })
  createdAt!: Date;

  @Prop({ type: Date, required: true })
  updatedAt!: Date;

  @Prop({ type: Date })
  sentAt?: Date;

  @Prop({ type: Date })
  failedAt?: Date;
}

export type DeliveryDocument = Delivery & OutboxFields;

export const DeliverySchema = SchemaFactory.createForClass(Delivery);
addOutboxTo(DeliverySchema);
// The delivery log's list: newest first, optionally by status, kind or member.
DeliverySchema.index({ createdAt: -1, _id: -1 });
DeliverySchema.index({ status: 1, createdAt: -1, _id: -1 });
DeliverySchema.index({ memberId: 1, createdAt: -1, _id: -1 });
