import { mongo } from 'mongoose';
import { MergedInserts, MergedWrites } from '@ic/persistence';

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
 * group and event id, so two deliveries cannot both win. A claim left `processing` by a crashed
 * instance is taken over once its lease has run out, by a conditional update that only one of
 * several instances wins.
 */
export class HandledEvents {
  /** The claims of concurrently delivered events, inserted in one write. */
  private readonly claims = new MergedInserts<HandledEvent>(() => this.collection);
  /** The ends of concurrently handled events, stored in one write. */
  private readonly finished = new MergedWrites<Pick<HandledEvent, '_id' | 'state' | 'finishedAt'>>(
    async (ends) => {
      await this.collection.bulkWrite(
        ends.map(({ _id, state, finishedAt }) => ({
          updateOne: { filter: { _id }, update: { $set: { state, finishedAt } } },
        })),
      );
    },
  );

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

  /**
   * `reopenDeadLettered`: an operator's redelivery of a dead letter of this group. A claim left
   * dead-lettered is taken once more (one conditional update: of two redeliveries one wins); one
   * handled since stays handled.
   */
  async claim(eventId: string, type: string, reopenDeadLettered = false): Promise<ClaimOutcome> {
    const _id = this.keyOf(eventId);
    const claim: HandledEvent = { _id, state: 'processing', owner: this.owner, claimedAt: new Date(), type };
    if (await this.claims.insert(claim)) return 'claimed';
    const now = new Date();
    const takenOver = await this.collection.updateOne(
      {
        _id,
        state: 'processing',
        $or: [{ owner: this.owner }, { claimedAt: { $lt: new Date(now.getTime() - this.leaseMs) } }],
      },
      { $set: { owner: this.owner, claimedAt: now } },
    );
    if (takenOver.matchedCount > 0) return 'claimed';
    if (reopenDeadLettered) {
      const reopened = await this.collection.updateOne(
        { _id, state: 'dead-lettered' },
        { $set: { state: 'processing', owner: this.owner, claimedAt: now }, $unset: { finishedAt: '' } },
      );
      if (reopened.matchedCount > 0) return 'claimed';
    }
    const existing = await this.collection.findOne({ _id }, { projection: { state: 1 } });
    return existing?.state === 'processing' ? 'busy-elsewhere' : 'already-handled';
  }

  async finish(eventId: string, state: Exclude<HandlingState, 'processing'>): Promise<void> {
    await this.finished.add([{ _id: this.keyOf(eventId), state, finishedAt: new Date() }]);
  }
}
