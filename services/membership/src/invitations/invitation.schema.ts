import { addOutboxTo, OutboxEntry } from '@ic/messaging';
import { Schema } from 'mongoose';
import { ProfileSchema } from '../members/member.schema';
import { InvitationOutcomeKind, InvitationState } from './invitation';

export const INVITATIONS_COLLECTION = 'invitations';
export const INVITATION_MODEL = 'Invitation';
export const INVITATION_OUTCOME_MODEL = 'InvitationOutcome';
export const INVITATION_TOKEN_MODEL = 'InvitationToken';

export interface InvitationRecord extends InvitationState {
  _id: string;
  revision: number;
  /** createdAt and id: the list's order (newest first) and its paging key. */
  listKey: string;
  outbox: OutboxEntry[];
  outboxUpdatedAt?: Date;
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

/**
 * The invitation a link token's hash belongs to, keyed by the hash: FerretDB finds a document by
 * its `_id` only, and would read every invitation to find one by `tokenHash` (seconds at 2,000).
 * A resent invitation gets a new token and a new entry; the old entry still names the invitation,
 * whose own `tokenHash` then no longer matches, so the old link stays invalid.
 */
export interface InvitationTokenRecord {
  _id: string;
  invitationId: string;
}

export const InvitationTokenSchema = new Schema<InvitationTokenRecord>(
  {
    _id: { type: String, required: true },
    invitationId: { type: String, required: true },
  },
  { collection: 'invitation_tokens', versionKey: false },
);
