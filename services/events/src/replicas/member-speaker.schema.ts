import { Schema } from 'mongoose';

export const MEMBER_SPEAKERS_COLLECTION = 'member_speakers';
export const MEMBER_SPEAKER_MODEL = 'MemberSpeaker';

export interface MemberSpeakerRecord {
  /** The member id. */
  _id: string;
  name: string;
  organisation: string;
  active: boolean;
  /** Time of the membership event this state comes from; an older event never overwrites it. */
  asOf: Date;
  updatedAt: Date;
}

export const MemberSpeakerSchema = new Schema<MemberSpeakerRecord>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    organisation: { type: String, required: true },
    active: { type: Boolean, required: true },
    asOf: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: MEMBER_SPEAKERS_COLLECTION, versionKey: false },
);
