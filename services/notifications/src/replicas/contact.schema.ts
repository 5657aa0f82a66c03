import { AcademicTitle, AcademicTitles, Salutation, Salutations } from '@ic/contracts';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

export const CONTACTS_COLLECTION = 'contacts';

export const ContactStatuses = ['invited', 'active', 'inactive'] as const;
export type ContactStatus = (typeof ContactStatuses)[number];

/**
 * What this service keeps of a member to write to them: fed by the membership events, so that
 * mails can be addressed while the membership service is down. Nothing beyond what a letter needs.
 */
@Schema({ collection: CONTACTS_COLLECTION, versionKey: false })
export class Contact {
  /** The member id. */
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String, required: true, enum: Salutations })
  salutation!: Salutation;

  @Prop({ type: String, enum: AcademicTitles })
  academicTitle?: AcademicTitle;

  @Prop({ type: String })
  officeTitle?: string;

  @Prop({ type: String, required: true })
  firstName!: string;

  @Prop({ type: String, required: true })
  lastName!: string;

  @Prop({ type: String, required: true })
  email!: string;

  @Prop({ type: String, required: true, enum: ContactStatuses })
  status!: ContactStatus;

  /** The office's words in the open invitation, so that a resent invitation carries them again. */
  @Prop({ type: String })
  personalMessage?: string;

  /** Time of the membership event this state comes from; an older event never overwrites it. */
  @Prop({ type: Date, required: true })
  asOf!: Date;

  @Prop({ type: Date, required: true })
  updatedAt!: Date;
}

export const ContactSchema = SchemaFactory.createForClass(Contact);
