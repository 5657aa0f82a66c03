import { insertUnlessExists } from '@ic/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, mongo } from 'mongoose';
import {
  CountedStep,
  EVENT_SEATS_COLLECTION,
  EVENT_SEATS_MODEL,
  EventSeatsRecord,
} from './event-seats.schema';
import { NO_COUNTERS, SeatClaim, SeatCondition, SeatCounters } from './seat-claims';

export interface EventSeats {
  readonly counters: SeatCounters;
  readonly steps: Readonly<Record<string, CountedStep>>;
}

const COUNTERS = { confirmed: 1, waiting: 1, sequence: 1, sessions: 1 } as const;

/**
 * The only place that touches the event counters. Every change is one conditional update of the
 * event's document: it holds under any concurrency (MongoDB's single-document atomicity), and the
 * numbers are taken from the document as it was right before (`returnDocument: 'before'`).
 */
@Injectable()
export class EventSeatsRepository {
  constructor(@InjectModel(EVENT_SEATS_MODEL) private readonly model: Model<EventSeatsRecord>) {}

  /** The counters for reading (an event nobody registered for has none yet). */
  async peek(eventId: string): Promise<SeatCounters> {
    const record = await this.collection().findOne({ _id: eventId }, { projection: COUNTERS });
    return record ? countersOf(record) : NO_COUNTERS;
  }

  /** The counters and counted steps, created when the event has none yet. */
  async read(eventId: string): Promise<EventSeats> {
    const record = await this.collection().findOne({ _id: eventId });
    if (!record) {
      await this.create(eventId, NO_COUNTERS);
      return { counters: NO_COUNTERS, steps: {} };
    }
    return { counters: countersOf(record), steps: record.steps ?? {} };
  }

  /** Creates the counters of an event; false when they exist already. */
  create(eventId: string, counters: SeatCounters, toldChangeRevision = 0): Promise<boolean> {
    return insertUnlessExists(this.collection(), {
      _id: eventId,
      confirmed: counters.confirmed,
      waiting: counters.waiting,
      sequence: counters.sequence,
      sessions: { ...counters.sessions },
      steps: {},
      toldChangeRevision,
    });
  }

  /**
   * Applies the claim for the step `token`, once: only while its conditions hold and the step is not
   * counted yet; the same update forgets the finished steps `forget`. Returns the counters right
   * before, or undefined when it was not applied (the conditions no longer hold, or the step is
   * counted already).
   */
  async claim(
    eventId: string,
    token: string,
    step: CountedStep,
    claim: SeatClaim,
    forget: readonly string[] = [],
  ): Promise<SeatCounters | undefined> {
    const before = await this.collection().findOneAndUpdate(
      {
        _id: eventId,
        [`steps.${token}`]: { $exists: false },
        ...(claim.conditions.length > 0 ? { $and: claim.conditions.map(filterOf) } : {}),
      },
      {
        $inc: { ...claim.deltas },
        $set: { [`steps.${token}`]: step },
        ...(forget.length > 0
          ? { $unset: Object.fromEntries(forget.map((done) => [`steps.${done}`, ''])) }
          : {}),
      },
      { returnDocument: 'before', projection: COUNTERS },
    );
    return before ? countersOf(before) : undefined;
  }

  /**
   * Takes the next order number of the event (for a cancellation, or a step whose claim's number was
   * lost with its writer), with the counters right before: every place counted until then has a
   * lower number.
   */
  async nextSequence(eventId: string): Promise<{ sequence: number; before: SeatCounters }> {
    const before = await this.collection().findOneAndUpdate(
      { _id: eventId },
      { $inc: { sequence: 1 } },
      { returnDocument: 'before', projection: COUNTERS },
    );
    if (!before) throw new Error(`No seat counters for event ${eventId}`);
    const counters = countersOf(before);
    return { sequence: counters.sequence + 1, before: counters };
  }

  /** Forgets finished steps (their registrations are written). */
  async forget(eventId: string, tokens: readonly string[]): Promise<void> {
    if (tokens.length === 0) return;
    await this.collection().updateOne(
      { _id: eventId },
      { $unset: Object.fromEntries(tokens.map((token) => [`steps.${token}`, ''])) },
    );
  }

  /**
   * Marks a counted step as finished with this count by another than the caller that made it;
   * false when it is no longer counted (forgotten or taken back).
   */
  async takeOver(eventId: string, token: string): Promise<boolean> {
    const result = await this.collection().updateOne(
      { _id: eventId, [`steps.${token}`]: { $exists: true } },
      { $set: { [`steps.${token}.takenOver`]: true } },
    );
    return result.matchedCount === 1;
  }

  /** Takes back a count made twice (the step had been finished by another caller meanwhile), unless it was taken over. */
  async undo(eventId: string, token: string, deltas: Readonly<Record<string, number>>): Promise<void> {
    const back = Object.fromEntries(
      Object.entries(deltas)
        .filter(([path]) => path !== 'sequence')
        .map(([path, delta]) => [path, -delta]),
    );
    await this.collection().updateOne(
      {
        _id: eventId,
        [`steps.${token}`]: { $exists: true },
        [`steps.${token}.takenOver`]: { $exists: false },
      },
      { $inc: back, $unset: { [`steps.${token}`]: '' } },
    );
  }

  /** Every counted step of every event (as many as are in flight, or were cut off by a crash). */
  async countedSteps(): Promise<{ eventId: string; token: string; step: CountedStep }[]> {
    const records = await this.collection()
      .find({}, { projection: { steps: 1 } })
      .toArray();
    return records.flatMap((record) =>
      Object.entries(record.steps ?? {}).map(([token, step]) => ({ eventId: record._id, token, step })),
    );
  }

  async toldChangeRevision(eventId: string): Promise<number> {
    const record = await this.collection().findOne(
      { _id: eventId },
      { projection: { toldChangeRevision: 1 } },
    );
    return record?.toldChangeRevision ?? 0;
  }

  async markToldChange(eventId: string, revision: number): Promise<void> {
    await this.read(eventId);
    await this.collection().updateOne({ _id: eventId }, { $max: { toldChangeRevision: revision } });
  }

  private collection(): mongo.Collection<EventSeatsRecord> {
    if (!this.model.db.db) throw new Error('MongoDB connection has no database yet');
    return this.model.db.db.collection<EventSeatsRecord>(EVENT_SEATS_COLLECTION);
  }
}

/** A missing counter counts as 0: "below" is written as "not at least", which a missing field satisfies. */
function filterOf(condition: SeatCondition): mongo.Filter<EventSeatsRecord> {
  if ('anyOf' in condition) return { $or: condition.anyOf.map(filterOf) };
  return 'below' in condition
    ? { [condition.path]: { $not: { $gte: condition.below } } }
    : { [condition.path]: { $gte: condition.atLeast } };
}

function countersOf(record: Partial<EventSeatsRecord>): SeatCounters {
  return {
    confirmed: record.confirmed ?? 0,
    waiting: record.waiting ?? 0,
    sequence: record.sequence ?? 0,
    sessions: Object.fromEntries(
      Object.entries(record.sessions ?? {}).map(([sessionId, counters]) => [
        sessionId,
        { confirmed: counters.confirmed ?? 0, waiting: counters.waiting ?? 0 },
      ]),
    ),
  };
}
