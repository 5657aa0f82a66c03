import { addOutboxTo, AggregateRecord } from '@ic/persistence';
import { Schema } from 'mongoose';
import { ProfileSchema } from '../members/member.schema';
import { InvitationOutcomeKind, InvitationState } from './invitation';

export const INVITATIONS_COLLECTION = 'invitations';
export const INVITATION_MODEL = 'Invitation';
export const INVITATION_OUTCOME_MODEL = 'InvitationOutcome';

export interface InvitationRecord extends InvitationState, AggregateRecord {
  /** createdAt and id: the list's order (newest first) and its paging key. */
  listKey: string;
}

const ActorSchema = new Schema(
  {
    subject: { type: String, required: true },
    role: { type: String, enum: ['staff', 'member'], required: true },
  },
  { _id: false },
);

export const InvitationSchema = new Schema<InvitationRecord>(
  {
    _id: { type: String, required: true },
    revision: { type: Number, required: true },
    profile: { type: ProfileSchema, required: true },
    personalMessage: { type: String, maxlength: 4000 },
    invitedBy: { type: ActorSchema, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    tokenHash: { type: String, required: true },
    sentCount: { type: Number, required: true },
    lastSentAt: { type: Date, required: true },
    status: { type: String, enum: ['open', 'accepted', 'declined', 'revoked'], required: true },
    answeredAt: { type: Date },
    declineReason: { type: String, maxlength: 2000 },
    listKey: { type: String, required: true },
  },
  { collection: INVITATIONS_COLLECTION, versionKey: false, minimize: false },
);
addOutboxTo(InvitationSchema);
// A link finds its invitation by the token's hash; a resent invitation has a new one, so the old link
// finds nothing.
InvitationSchema.index({ tokenHash: 1 });
InvitationSchema.index({ listKey: -1 });

/** `_id` is the invitation id: inserting it is what makes the answer single. */
export interface InvitationOutcomeRecord {
  _id: string;
  outcome: InvitationOutcomeKind;
  at: Date;
}

export const InvitationOutcomeSchema = new Schema<InvitationOutcomeRecord>(
  {
    _id: { type: String, required: true },
    outcome: { type: String, enum: ['accepted', 'declined', 'revoked'], required: true },
    at: { type: Date, required: true },
  },
  { collection: 'invitation_outcomes', versionKey: false },
);
