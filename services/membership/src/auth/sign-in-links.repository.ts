import { isDuplicateKeyError, newOutbox, OutboxEntry, OutboxRelay } from '@ic/messaging';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import {
  SIGN_IN_LINK_MODEL,
  SIGN_IN_LINK_USE_MODEL,
  SIGN_IN_LINKS_COLLECTION,
  SignInLinkRecord,
  SignInLinkUseRecord,
} from './auth.schemas';

export interface SignInLink {
  readonly tokenHash: string;
  readonly memberId: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

@Injectable()
export class SignInLinksRepository implements OnModuleInit {
  constructor(
    @InjectModel(SIGN_IN_LINK_MODEL) private readonly links: Model<SignInLinkRecord>,
    @InjectModel(SIGN_IN_LINK_USE_MODEL) private readonly uses: Model<SignInLinkUseRecord>,
    private readonly relay: OutboxRelay,
  ) {}

  onModuleInit(): void {
    this.relay.register(SIGN_IN_LINKS_COLLECTION);
  }

  /** Stores the link with SignInLinkRequested (keyed by member id) in one insert. */
  async insert(link: SignInLink, events: readonly OutboxEntry[]): Promise<void> {
    await this.links.create({
      _id: link.tokenHash,
      memberId: link.memberId,
      createdAt: link.createdAt,
      expiresAt: link.expiresAt,
      ...newOutbox(events),
    });
    await this.relay.publishPending(SIGN_IN_LINKS_COLLECTION, link.tokenHash);
  }

  async findByTokenHash(tokenHash: string): Promise<SignInLink | null> {
    const record = await this.links.findById(tokenHash, { outbox: 0 }).lean<SignInLinkRecord>().exec();
    return record
      ? {
          tokenHash: record._id,
          memberId: record.memberId,
          createdAt: record.createdAt,
          expiresAt: record.expiresAt,
        }
      : null;
  }

  async countForMemberSince(memberId: string, since: Date): Promise<number> {
    return this.links.countDocuments({ memberId, createdAt: { $gte: since } }).exec();
  }

  async isUsed(tokenHash: string): Promise<boolean> {
    return (await this.uses.exists({ _id: tokenHash }).exec()) !== null;
  }

  /** Uses the link up; false when it was used already. */
  async markUsed(tokenHash: string, at: Date): Promise<boolean> {
    try {
      await this.uses.create({ _id: tokenHash, at });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }
}
