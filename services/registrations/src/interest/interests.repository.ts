import { InterestCounts } from '@ic/contracts';
import { OutboxEventFactory } from '@ic/messaging';
import { compact } from '@ic/platform';
import { AggregateRepository, ConcurrentChangeError, OutboxPublisher } from '@ic/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model } from 'mongoose';
import { Interest } from './interest';
import { InterestAggregate } from './interest.aggregate';
import { INTEREST_MODEL, InterestRecord } from './interest.schema';

/**
 * The only place that touches the interests; each is one document with its own outbox, whose
 * events are keyed by event id like every registrations event.
 */
@Injectable()
export class InterestsRepository extends AggregateRepository<InterestRecord> {
  constructor(
    @InjectModel(INTEREST_MODEL) model: Model<InterestRecord>,
    outbox: OutboxPublisher,
    private readonly events: OutboxEventFactory,
  ) {
    super(model, outbox);
  }

  /**
   * Stores a new interest (InterestAggregate.declare) with its facts as events; false when the
   * holder declared interest already.
   */
  insert(interest: InterestAggregate, correlationId?: string): Promise<boolean> {
    const { interestId, ...fields } = interest.state;
    const events = this.events.entriesOf(fields.eventId, interest.takeFacts(), correlationId);
    return this.insertAggregate(interestId, compact(fields), events);
  }

  /** The interest to change; null when unknown. */
  async load(interestId: string): Promise<InterestAggregate | null> {
    const interest = await this.findById(interestId);
    return interest && InterestAggregate.of(interest);
  }

  async findById(interestId: string): Promise<Interest | null> {
    const record = await this.model.findById(interestId, { outbox: 0 }).lean<InterestRecord>().exec();
    return record ? toInterest(record) : null;
  }

  /** Interests in the event whose holders have not been told that registration opened. */
  async findUntold(eventId: string): Promise<Interest[]> {
    const records = await this.model
      .find({ eventId, toldAt: { $exists: false } }, { outbox: 0 })
      .lean<InterestRecord[]>()
      .exec();
    return records.map(toInterest);
  }

  /**
   * Writes that the holder is told (InterestAggregate.tellRegistrationOpened, the only change of an
   * interest) with the event that tells them, over the loaded revision; false when there was
   * nothing to write or another write got there first (the holder is told once).
   */
  async save(interest: InterestAggregate): Promise<boolean> {
    const { interestId, eventId, revision, toldAt } = interest.state;
    if (!interest.hasChanges || !toldAt) return false;
    try {
      await this.updateAggregate(interestId, revision, {
        set: { toldAt },
        events: this.events.entriesOf(eventId, interest.takeFacts()),
        where: { toldAt: { $exists: false } },
      });
      return true;
    } catch (error) {
      if (error instanceof ConcurrentChangeError) return false;
      throw error;
    }
  }

  /**
   * A member's interests and their municipality's (`ags`: a municipal member's AGS), oldest first;
   * with `eventId` only those in that event.
   */
  async findOwn(memberId: string, ags: string | undefined, eventId?: string): Promise<Interest[]> {
    const holders: FilterQuery<InterestRecord>[] = [{ 'holder.kind': 'member', 'holder.memberId': memberId }];
    if (ags) holders.push({ 'holder.kind': 'municipality', 'holder.municipality.ags': ags });
    const whose = { $or: holders };
    const records = await this.model
      .find(eventId ? { $and: [{ eventId }, whose] } : whose, { outbox: 0 })
      .sort({ declaredAt: 1 })
      .lean<InterestRecord[]>()
      .exec();
    return records.map(toInterest);
  }

  async countFor(eventId: string): Promise<InterestCounts> {
    const [members, municipalities] = await Promise.all([
      this.model.countDocuments({ eventId, 'holder.kind': 'member' }).exec(),
      this.model.countDocuments({ eventId, 'holder.kind': 'municipality' }).exec(),
    ]);
    return { members, municipalities };
  }
}

function toInterest(record: InterestRecord): Interest {
  return compact({
    interestId: record._id,
    revision: record.revision,
    eventId: record.eventId,
    holderKey: record.holderKey,
    holder: compact({
      kind: record.holder.kind,
      memberId: record.holder.memberId,
      municipality: record.holder.municipality
        ? {
            name: record.holder.municipality.name,
            ags: record.holder.municipality.ags,
            population: record.holder.municipality.population,
          }
        : undefined,
      federalState: record.holder.federalState,
      contact: record.holder.contact
        ? {
            salutation: record.holder.contact.salutation,
            firstName: record.holder.contact.firstName,
            lastName: record.holder.contact.lastName,
            email: record.holder.contact.email,
          }
        : undefined,
    }),
    declaredBy: { subject: record.declaredBy.subject, role: record.declaredBy.role },
    declaredAt: record.declaredAt,
    toldAt: record.toldAt,
  });
}
