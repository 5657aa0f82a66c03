import { OutboxEventFactory } from '@ic/messaging';
import { AggregateRepository, insertUnlessExists, OutboxPublisher } from '@ic/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import {
  SIGN_IN_LINK_MODEL,
  SIGN_IN_LINK_QUOTA_MODEL,
  SIGN_IN_LINK_USE_MODEL,
  SignInLinkQuotaRecord,
  SignInLinkRecord,
  SignInLinkUseRecord,
} from './auth.schemas';
import { SignInLinkAggregate } from './sign-in-link.aggregate';
import { ONE_HOUR_MS, SignInLink } from './sign-in-link.rules';

@Injectable()
export class SignInLinksRepository extends AggregateRepository<SignInLinkRecord> {
  constructor(
    @InjectModel(SIGN_IN_LINK_MODEL) links: Model<SignInLinkRecord>,
    @InjectModel(SIGN_IN_LINK_USE_MODEL) private readonly uses: Model<SignInLinkUseRecord>,
    @InjectModel(SIGN_IN_LINK_QUOTA_MODEL) private readonly quotas: Model<SignInLinkQuotaRecord>,
    outbox: OutboxPublisher,
    private readonly events: OutboxEventFactory,
  ) {
    super(links, outbox);
  }

  /**
   * Stores a new link (SignInLinkAggregate.issue) with its facts as events (keyed by member id) in
   * one insert, then counts it against the member's hourly limit (a crash between the two leaves
   * one link uncounted). The token is random: its hash is never taken already.
   */
  async insert(link: SignInLinkAggregate, correlationId?: string): Promise<void> {
    const { tokenHash, memberId, createdAt, expiresAt } = link.state;
    const events = this.events.entriesOf(memberId, link.takeFacts(), correlationId);
    await this.insertAggregate(tokenHash, { memberId, createdAt, expiresAt }, events);
    await this.countIssued(memberId, createdAt);
  }

  async findByTokenHash(tokenHash: string): Promise<SignInLink | null> {
    const record = await this.model.findById(tokenHash, { outbox: 0 }).lean<SignInLinkRecord>().exec();
    return record
      ? {
          tokenHash: record._id,
          memberId: record.memberId,
          createdAt: record.createdAt,
          expiresAt: record.expiresAt,
        }
      : null;
  }

  /** How many links the member was given since then (at most an hour ago). */
  async countForMemberSince(memberId: string, since: Date): Promise<number> {
    return (await this.issuedAt(memberId)).filter((issued) => issued >= since).length;
  }

  private async issuedAt(memberId: string): Promise<Date[]> {
    const quota = await this.quotas.findById(memberId).lean<SignInLinkQuotaRecord>().exec();
    return quota?.issuedAt ?? [];
  }

  /** Keeps the member's links of the last hour only; one member's requests seldom overlap. */
  private async countIssued(memberId: string, at: Date): Promise<void> {
    const hourBefore = at.getTime() - ONE_HOUR_MS;
    const recent = (await this.issuedAt(memberId)).filter((issued) => issued.getTime() > hourBefore);
    await this.quotas
      .updateOne({ _id: memberId }, { $set: { issuedAt: [...recent, at] } }, { upsert: true })
      .exec();
  }

  async isUsed(tokenHash: string): Promise<boolean> {
    return (await this.uses.exists({ _id: tokenHash }).exec()) !== null;
  }

  /** Uses the link up; false when it was used already. */
  async markUsed(tokenHash: string, at: Date): Promise<boolean> {
    return insertUnlessExists(this.uses, { _id: tokenHash, at });
  }
}
