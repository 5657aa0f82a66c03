import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { ConcurrentChangeError } from '../aggregates/concurrency';
import { isDuplicateKeyError } from '../mongo-errors';
import { REVISION_SLOT_MODEL, RevisionSlotRecord } from './revision-slot.schema';

/** A slot whose writer has not written its revision after this long belongs to a crashed process. */
const ABANDONED_AFTER_MS = 30_000;
const MAX_ABANDONED_SLOTS_SKIPPED = 3;

/**
 * @deprecated Revision slots were for FerretDB 1.x; AggregateRepository replaces them with one
 * atomic conditional update. Kept only for services/registrations until its rewrite lands.
 *
 * Serialises the writes to one document. FerretDB 1.x runs an update as a read followed by a
 * write without isolation, so two concurrent updates of a document lose one of them (and with it
 * the events in its outbox). A writer therefore first takes the slot of the next revision by
 * insert (atomic everywhere); whoever loses reloads and decides again.
 */
@Injectable()
export class RevisionsRepository {
  constructor(@InjectModel(REVISION_SLOT_MODEL) private readonly slots: Model<RevisionSlotRecord>) {}

  /** Takes the revision after `current` of the document and returns it; ConcurrentChangeError if taken. */
  async takeNext(collection: string, id: string, current: number): Promise<number> {
    for (let next = current + 1; next <= current + 1 + MAX_ABANDONED_SLOTS_SKIPPED; next++) {
      const _id = `${collection}/${id}/${next}`;
      try {
        await this.slots.create({ _id, takenAt: new Date() });
        return next;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
      const slot = await this.slots.findById(_id).lean<RevisionSlotRecord>().exec();
      const abandoned = slot !== null && Date.now() - slot.takenAt.getTime() > ABANDONED_AFTER_MS;
      if (!abandoned) throw new ConcurrentChangeError(`${collection}/${id}`);
    }
    throw new ConcurrentChangeError(`${collection}/${id}`);
  }

  /** Gives back a slot its taker will not write after all (only the taker may call this). */
  async release(collection: string, id: string, revision: number): Promise<void> {
    await this.slots.deleteOne({ _id: `${collection}/${id}/${revision}` }).exec();
  }
}
