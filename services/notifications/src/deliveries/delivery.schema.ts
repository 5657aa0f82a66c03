import { DeliveryStatus, DeliveryStatuses, MailKind, MailKinds } from '@ic/contracts';
import { addOutboxTo, OutboxFields } from '@ic/persistence';
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

  /** The club event the mail is about, where there is one (announcements, registration mails). */
  @Prop({ type: String })
  eventId?: string;

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

  /**
   * The mail as it was written, kept only while the delivery is failed (the office may send it
   * again); gone once it is sent and when the member's data are erased.
   */
  @Prop({ type: Object })
  mail?: StoredMail;

  /** The office asked for the failed mail to be sent again; set until that attempt is settled. */
  @Prop({ type: Date })
  resendRequestedAt?: Date;

  /** The instance sending it again holds it until then (a crashed one lets another take over). */
  @Prop({ type: Date })
  resendClaimedUntil?: Date;
}

/** A written mail, kept for a resend: everything but the Message-ID and the subject (those are the delivery's). */
export interface StoredMail {
  readonly to: { readonly name: string; readonly address: string };
  readonly html: string;
  readonly text: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly attachments?: readonly { filename: string; contentType: string; content: string }[];
}

export type DeliveryDocument = Delivery & OutboxFields;

export const DeliverySchema = SchemaFactory.createForClass(Delivery);
addOutboxTo(DeliverySchema);
// The delivery log's list: newest first, optionally by status, kind, member or event.
DeliverySchema.index({ createdAt: -1, _id: -1 });
DeliverySchema.index({ status: 1, createdAt: -1, _id: -1 });
DeliverySchema.index({ memberId: 1, createdAt: -1, _id: -1 });
DeliverySchema.index({ eventId: 1, createdAt: -1, _id: -1 }, { sparse: true });
// The resends still to be sent (few at any time).
DeliverySchema.index({ resendRequestedAt: 1 }, { sparse: true });
