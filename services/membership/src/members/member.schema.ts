import {
  AcademicTitles,
  DeactivationReasons,
  FederalStateCodes,
  MemberStatuses,
  Salutations,
  Sectors,
  MemberProfile,
  Themes,
} from '@ic/contracts';
import { addOutboxTo, AggregateRecord } from '@ic/persistence';
import { compact } from '@ic/platform';
import { Schema } from 'mongoose';
import { MemberState } from './member';

/** What is left of a member who had their data erased: the id, this status and erasedAt. */
export const ERASED = 'erased';

export const MEMBERS_COLLECTION = 'members';
export const MEMBER_MODEL = 'Member';

/**
 * A member document: the state, keys for the directory, and the outbox (also the change journal).
 * After an erasure only `_id`, `revision`, `status: 'erased'`, `erasedAt` and the erasure's events remain.
 */
export interface MemberRecord extends Omit<MemberState, 'status'>, AggregateRecord {
  status: MemberState['status'] | typeof ERASED;
  erasedAt?: Date;
  /** Names and municipality in both spellings (see searchTextOf). */
  searchText: string;
  /** Last name, first name, id (see directoryKeyOf). */
  directoryKey: string;
}

const text = (maxlength: number, required = false) => ({ type: String, maxlength, required });

export const MunicipalitySchema = new Schema(
  {
    name: text(120, true),
    ags: { type: String, required: true, match: /^(0[1-9]|1[0-6])\d{6}$/ },
    population: { type: Number, required: true, min: 0, max: 5_000_000 },
  },
  { _id: false },
);

/** The profile as it travels in events (MemberProfile), stored as one sub-document. */
export const ProfileSchema = new Schema(
  {
    salutation: { type: String, enum: Salutations, required: true },
    academicTitle: { type: String, enum: AcademicTitles },
    officeTitle: text(80),
    firstName: text(80, true),
    lastName: text(80, true),
    email: text(254, true),
    phone: text(40),
    organisation: text(160, true),
    position: text(120),
    sector: { type: String, enum: Sectors, required: true },
    federalState: { type: String, enum: FederalStateCodes, required: true },
    municipality: { type: MunicipalitySchema },
    themes: { type: [{ type: String, enum: Themes }], default: [] },
    biography: text(2000),
    salutationLine: text(160),
  },
  { _id: false },
);

/** A profile as read back (ProfileSchema): without the fields mongoose leaves empty, as it was saved. */
export function storedProfileOf(stored: MemberProfile): MemberProfile {
  return compact({
    ...stored,
    themes: [...(stored.themes ?? [])],
    ...(stored.municipality ? { municipality: compact(stored.municipality) } : {}),
  });
}

export const MemberSchema = new Schema<MemberRecord>(
  {
    _id: { type: String, required: true },
    revision: { type: Number, required: true },
    profile: { type: ProfileSchema, required: true },
    status: { type: String, enum: [...MemberStatuses, ERASED], required: true },
    erasedAt: { type: Date },
    workingGroups: { type: [String], default: [] },
    joinedAt: { type: Date, required: true },
    leftAt: { type: Date },
    leaveReason: { type: String, enum: DeactivationReasons },
    leaveNote: text(2000),
    announcementsOptOut: { type: Boolean, required: true, default: false },
    searchText: { type: String, required: true },
    directoryKey: { type: String, required: true },
  },
  { collection: MEMBERS_COLLECTION, versionKey: false, minimize: false },
);
addOutboxTo(MemberSchema);
MemberSchema.index({ directoryKey: 1 });
