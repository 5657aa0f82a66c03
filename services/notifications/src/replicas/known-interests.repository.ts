import { isDuplicateKeyError } from '@ic/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { KnownInterest } from './known-interest.schema';

/** Which members declared interest in an event (see KnownInterest); written once per event and member. */
@Injectable()
export class KnownInterestsRepository {
  constructor(@InjectModel(KnownInterest.name) private readonly interests: Model<KnownInterest>) {}

  /** Notes the member's interest; a second interest or a redelivered event changes nothing. */
  async record(interest: Omit<KnownInterest, '_id'>): Promise<void> {
    try {
      await this.interests.create({ _id: keyOf(interest.eventId, interest.memberId), ...interest });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  /** A member who had their data erased: their interests are forgotten (read in full, once per erasure). */
  async forgetMember(memberId: string): Promise<void> {
    await this.interests.deleteMany({ memberId }).exec();
  }

  async declared(eventId: string, memberId: string): Promise<boolean> {
    const found = await this.interests.findById(keyOf(eventId, memberId), { _id: 1 }).lean().exec();
    return found !== null;
  }
}

function keyOf(eventId: string, memberId: string): string {
  return `${eventId}:${memberId}`;
}
