import { isDuplicateKeyError } from '@ic/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { EMAIL_CLAIM_MODEL, EmailClaimRecord } from './email-claim.schema';

export type EmailClaim = Omit<EmailClaimRecord, '_id'>;

@Injectable()
export class EmailClaimsRepository {
  constructor(@InjectModel(EMAIL_CLAIM_MODEL) private readonly model: Model<EmailClaimRecord>) {}

  /** The latest claim of the address, whoever holds it. */
  async current(email: string): Promise<EmailClaim | null> {
    const record = await this.model
      .findOne({ email })
      .sort({ generation: -1 })
      .lean<EmailClaimRecord>()
      .exec();
    return record ? toClaim(record) : null;
  }

  /** Inserts the claim; false when another claimant took this generation first. */
  async insert(claim: EmailClaim): Promise<boolean> {
    try {
      await this.model.create({ _id: `${claim.email}#${claim.generation}`, ...claim });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  /**
   * Removes every claim the holder made, of any address (a member who had their data erased). The
   * next claimant of such an address takes the generation after the latest claim left, or the first.
   */
  async removeAllOf(holderId: string): Promise<void> {
    await this.model.deleteMany({ holderId }).exec();
  }

  /** Marks the holder's claims of the address as released (idempotent). */
  async release(email: string, holderId: string, at: Date): Promise<void> {
    await this.model
      .updateMany({ email, holderId, releasedAt: { $exists: false } }, { $set: { releasedAt: at } })
      .exec();
  }
}

function toClaim(record: EmailClaimRecord): EmailClaim {
  return {
    email: record.email,
    generation: record.generation,
    holderId: record.holderId,
    claimedAt: record.claimedAt,
    ...(record.releasedAt ? { releasedAt: record.releasedAt } : {}),
  };
}
