import {
  AcademicTitles,
  FederalStateCodes,
  MemberStatuses,
  Salutations,
  Sectors,
  Themes,
} from '@ic/contracts';
import { Schema } from 'mongoose';
import { KnownMember } from './known-member';

export const KNOWN_MEMBERS_COLLECTION = 'known_members';
export const KNOWN_MEMBER_MODEL = 'KnownMember';

export interface KnownMemberRecord extends Omit<KnownMember, 'memberId'> {
  /** The member id. */
  _id: string;
  /** Time of the membership event this state comes from; an older event never overwrites it. */
  asOf: Date;
  updatedAt: Date;
}

const MunicipalitySchema = new Schema(
  {
    name: { type: String, required: true },
    ags: { type: String, required: true },
    population: { type: Number, required: true },
  },
  { _id: false },
);

export const KnownMemberSchema = new Schema<KnownMemberRecord>(
  {
    _id: { type: String, required: true },
    status: { type: String, enum: MemberStatuses, required: true },
    salutation: { type: String, enum: Salutations, required: true },
    academicTitle: { type: String, enum: AcademicTitles },
    officeTitle: { type: String },
    firstName: { type: String, required: true },
    lastName: { type: String, required: true },
    email: { type: String, required: true },
    organisation: { type: String, required: true },
    sector: { type: String, enum: Sectors, required: true },
    federalState: { type: String, enum: FederalStateCodes, required: true },
    municipality: { type: MunicipalitySchema },
    themes: { type: [{ type: String, enum: Themes }], default: [] },
    asOf: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: KNOWN_MEMBERS_COLLECTION, versionKey: false },
);
KnownMemberSchema.index({ 'municipality.ags': 1 });
