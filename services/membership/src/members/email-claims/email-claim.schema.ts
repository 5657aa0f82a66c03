import { Schema } from 'mongoose';

export const EMAIL_CLAIM_MODEL = 'EmailClaim';

/**
 * Who holds an e-mail address: an invitation or a member (they share the id). `_id` is the
 * normalised address and a generation: a new holder takes the next generation by insert, so of
 * several concurrent claimants exactly one wins, without deletes or conditional updates.
 */
export interface EmailClaimRecord {
  _id: string;
  email: string;
  generation: number;
  holderId: string;
  claimedAt: Date;
  releasedAt?: Date;
}

export const EmailClaimSchema = new Schema<EmailClaimRecord>(
  {
    _id: { type: String, required: true },
    email: { type: String, required: true },
    generation: { type: Number, required: true },
    holderId: { type: String, required: true },
    claimedAt: { type: Date, required: true },
    releasedAt: { type: Date },
  },
  { collection: 'email_claims', versionKey: false },
);
EmailClaimSchema.index({ email: 1, generation: -1 });
