import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

export const KNOWN_INTERESTS_COLLECTION = 'known_interests';

/**
 * A member who is to be told, as one who declared interest, when an event's registration opens
 * (from InterestDeclared): the member who declared it for themselves or for their municipality,
 * unless the office named a contact person for the municipality. The announced audience's mail
 * leaves them to that mail, which says why they get it.
 */
@Schema({ collection: KNOWN_INTERESTS_COLLECTION, versionKey: false })
export class KnownInterest {
  /** `<eventId>:<memberId>`: one entry per member and event, found by `_id`. */
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String, required: true })
  eventId!: string;

  @Prop({ type: String, required: true })
  memberId!: string;

  /** The first interest that names this member for the event. */
  @Prop({ type: String, required: true })
  interestId!: string;

  @Prop({ type: Date, required: true })
  declaredAt!: Date;
}

export const KnownInterestSchema = SchemaFactory.createForClass(KnownInterest);
