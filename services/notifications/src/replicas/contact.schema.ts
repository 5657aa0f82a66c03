import { AcademicTitle, AcademicTitles, Salutation, Salutations, Theme, Themes } from '@ic/contracts';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';

export const CONTACTS_COLLECTION = 'contacts';

/** `erased`: the member had their data erased; only the id and this status remain (see recordErased). */
export const ContactStatuses = ['invited', 'active', 'inactive', 'erased'] as const;
export type ContactStatus = (typeof ContactStatuses)[number];

/** What deciding on a Kommunalzirkel's target group needs of a member's municipality. */
export interface ContactMunicipality {
  /** Amtlicher Gemeindeschlüssel: its first two digits name the Land. */
  readonly ags: string;
  readonly population: number;
}

const ContactMunicipalitySchema = new MongooseSchema<ContactMunicipality>(
  { ags: { type: String, required: true }, population: { type: Number, required: true } },
  { _id: false },
);

/**
 * What this service keeps of a member to write to them: fed by the membership events, so that
 * mails can be addressed while the membership service is down. Nothing beyond what a letter needs
 * and what decides who gets an announcement (municipality, themes, the preference). Contacts
 * recorded before announcements existed lack municipality and themes until their next profile event.
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

  /** The office's own salutation line for this member's mails. */
  @Prop({ type: String })
  salutationLine?: string;

  @Prop({ type: String, required: true })
  firstName!: string;

  @Prop({ type: String, required: true })
  lastName!: string;

  @Prop({ type: String, required: true })
  email!: string;

  @Prop({ type: String, required: true, enum: ContactStatuses })
  status!: ContactStatus;

  /** Absent for members without one; the target group of a Kommunalzirkel is a set of municipalities. */
  @Prop({ type: ContactMunicipalitySchema })
  municipality?: ContactMunicipality;

  @Prop({ type: [{ type: String, enum: Themes }], default: [] })
  themes!: Theme[];

  /** The member switched announcement e-mails off (transactional mail still goes out). */
  @Prop({ type: Boolean, required: true, default: false })
  announcementsOptOut!: boolean;

  /** Time of the event the preference comes from; profile events do not touch it. */
  @Prop({ type: Date })
  announcementsAsOf?: Date;

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
