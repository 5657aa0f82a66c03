import { mongo } from 'mongoose';
import { isDuplicateKeyError } from '../outbox/outbox-relay';

export const HANDLED_EVENTS_COLLECTION = 'handled_events';

type HandlingState = 'processing' | 'done' | 'dead-lettered';

interface HandledEvent {
  _id: string;
  state: HandlingState;
  owner: string;
  claimedAt: Date;
  finishedAt?: Date;
  type: string;
}

export type ClaimOutcome = 'claimed' | 'already-handled' | 'busy-elsewhere';

/**
 * Remembers which events a consumer group has handled. The claim is an insert keyed by
 * group and event id: atomic on MongoDB and FerretDB alike, so two deliveries cannot both win.
 * A claim left `processing` by a crashed instance is taken over once its lease has run out.
 */
export class HandledEvents {
  constructor(
    private readonly db: mongo.Db,
    private readonly groupId: string,
    private readonly owner: string,
    private readonly leaseMs: number,
  ) {}

  private get collection(): mongo.Collection<HandledEvent> {
    return this.db.collection<HandledEvent>(HANDLED_EVENTS_COLLECTION);
  }

  private keyOf(eventId: string): string {
    return `${this.groupId}|${eventId}`;
  }

  async claim(eventId: string, type: string): Promise<ClaimOutcome> {
    const _id = this.keyOf(eventId);
    try {
      await this.collection.insertOne({
        _id,
        state: 'processing',
        owner: this.owner,
        claimedAt: new Date(),
        type,
      });
      return 'claimed';
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    const existing = await this.collection.findOne({ _id });
    if (!existing || existing.state !== 'processing') return 'already-handled';
    const leaseExpired = Date.now() - existing.claimedAt.getTime() > this.leaseMs;
    if (existing.owner !== this.owner && !leaseExpired) return 'busy-elsewhere';
    await this.collection.updateOne({ _id }, { $set: { owner: this.owner, claimedAt: new Date() } });
    return 'claimed';
  }

  async finish(eventId: string, state: Exclude<HandlingState, 'processing'>): Promise<void> {
    await this.collection.updateOne(
      { _id: this.keyOf(eventId) },
      { $set: { state, finishedAt: new Date() } },
    );
  }
}
