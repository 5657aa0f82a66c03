import { RegistrationSnapshot, RegistrationStatus, RegistrationStatuses } from '@ic/contracts';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';

export const KNOWN_REGISTRATIONS_COLLECTION = 'known_registrations';

/**
 * What this service keeps of a registration, from the registration events: whom to remind before
 * the event. The snapshot is kept as published: contacts of delegation people stay sealed.
 */
@Schema({ collection: KNOWN_REGISTRATIONS_COLLECTION, versionKey: false })
export class KnownRegistration {
  /** The registration's id. */
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String, required: true })
  eventId!: string;

  /** A replica keeps the highest revision it has seen. */
  @Prop({ type: Number, required: true })
  revision!: number;

  @Prop({ type: String, required: true, enum: RegistrationStatuses })
  status!: RegistrationStatus;

  @Prop({ type: MongooseSchema.Types.Mixed, required: true })
  snapshot!: RegistrationSnapshot;

  /** ce_id of the registration event this state comes from: the cause a reminder names. */
  @Prop({ type: String, required: true })
  causedBy!: string;

  /** When this replica wrote it: a reminder's late rounds take who was recorded since the last round. */
  @Prop({ type: Date, required: true })
  updatedAt!: Date;
}

export const KnownRegistrationSchema = SchemaFactory.createForClass(KnownRegistration);
// The reminder's question: who of an event is confirmed.
KnownRegistrationSchema.index({ eventId: 1, status: 1 });
