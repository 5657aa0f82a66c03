import { ClubEventSnapshot } from '@ic/contracts';
import { isDuplicateKeyError, ReplicaWrite } from '@ic/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { KnownEvent, knownEventOf } from './known-event';
import { KNOWN_EVENT_MODEL, KnownEventRecord } from './known-event.schema';

/**
 * The events as this service knows them. Every events-service event carries the whole event with
 * its revision; a write applies only over a lower revision, so a redelivered or older event never
 * takes the replica back.
 */
@Injectable()
export class KnownEventsRepository {
  constructor(@InjectModel(KNOWN_EVENT_MODEL) private readonly model: Model<KnownEventRecord>) {}

  async findById(eventId: string): Promise<KnownEvent | null> {
    const record = await this.model.findById(eventId).lean<KnownEventRecord>().exec();
    return record ? knownEventOf(record.snapshot) : null;
  }

  async findByIds(eventIds: readonly string[]): Promise<Map<string, KnownEvent>> {
    if (eventIds.length === 0) return new Map();
    const records = await this.model
      .find({ _id: { $in: [...new Set(eventIds)] } })
      .lean<KnownEventRecord[]>()
      .exec();
    return new Map(records.map((record) => [record._id, knownEventOf(record.snapshot)]));
  }

  async record(snapshot: ClubEventSnapshot): Promise<Exclude<ReplicaWrite, 'unknown-member'>> {
    try {
      await this.model
        .updateOne(
          { _id: snapshot.eventId, revision: { $lt: snapshot.revision } },
          { $set: { revision: snapshot.revision, status: snapshot.status, snapshot, updatedAt: new Date() } },
          { upsert: true },
        )
        .exec();
      return 'applied';
    } catch (error) {
      // Known at this revision or a higher one: the filter missed it and the upsert hit its id.
      if (isDuplicateKeyError(error)) return 'stale';
      throw error;
    }
  }
}
