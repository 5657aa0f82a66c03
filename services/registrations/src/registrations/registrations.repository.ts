import { compact } from '@ic/platform';
import {
  AggregateChange,
  AggregateRepository,
  ConcurrentChangeError,
  OutboxEntry,
  OutboxPublisher,
} from '@ic/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model } from 'mongoose';
import { Registration, StoredPerson, StoredSessionChoice } from './registration';
import { REGISTRATION_MODEL, RegistrationRecord, SeatStep } from './registration.schema';

/** A registration as stored: `pending` while its seat is not decided yet, and its unfinished seat step. */
export interface StoredRegistration {
  readonly entry: Registration;
  readonly pending: boolean;
  readonly step?: SeatStep;
}

const WITHOUT_OUTBOX = { outbox: 0 } as const;
/** Optional fields a next state may have dropped (a registration taken up again, a mark taken back). */
const OPTIONAL_FIELDS = ['delegation', 'attended', 'confirmedAt', 'cancelledAt', 'cancellation'] as const;
const DECIDED = { status: { $ne: 'pending' } };

/**
 * The only place that touches the registrations: one document each, written with its outgoing
 * events in the same single-document write (the outbox), and every change conditional on the
 * revision it was decided on (AggregateRepository), so two instances never overwrite each other.
 * A registration's revision is the one its entry carries: each change's is one higher.
 */
@Injectable()
export class RegistrationsRepository extends AggregateRepository<RegistrationRecord> {
  constructor(@InjectModel(REGISTRATION_MODEL) model: Model<RegistrationRecord>, outbox: OutboxPublisher) {
    super(model, outbox);
  }

  /** Stores a new registration whose seat is still to be decided; false when the registrant has one. */
  insertPending(entry: Registration, step: SeatStep): Promise<boolean> {
    const { _id, ...fields } = recordOf(entry);
    return this.insertAggregate(_id, { ...fields, status: 'pending', step }, []);
  }

  /** Stores a registration decided elsewhere (moved from a seat book); false when it is there already. */
  insertDecided(entry: Registration): Promise<boolean> {
    const { _id, ...fields } = recordOf(entry);
    return this.insertAggregate(_id, fields, []);
  }

  /** Takes a cancelled registration up again (pending, with the new registration's data). */
  retake(entry: Registration, cancelledRevision: number, step: SeatStep): Promise<boolean> {
    return this.write(entry, cancelledRevision, {
      ...changeOf(entry, { status: 'pending', step }),
      where: { status: 'cancelled', step: { $exists: false } },
    });
  }

  async findById(registrationId: string): Promise<StoredRegistration | null> {
    const record = await this.model
      .findById(registrationId, WITHOUT_OUTBOX)
      .lean<RegistrationRecord>()
      .exec();
    return record ? storedOf(record) : null;
  }

  /** Names a seat step on a registration in this status and revision that has none; false if it changed. */
  async startStep(entry: Registration, step: SeatStep): Promise<boolean> {
    const result = await this.model
      .updateOne(
        {
          _id: entry.registrationId,
          status: entry.status,
          revision: entry.revision,
          step: { $exists: false },
        },
        { $set: { step } },
      )
      .exec();
    return result.matchedCount === 1;
  }

  /** Writes the outcome of a step with its events and ends the step; false if the registration changed meanwhile. */
  async finishStep(
    next: Registration,
    token: string,
    revision: number,
    events: readonly OutboxEntry[],
  ): Promise<boolean> {
    return this.write(next, revision, {
      ...changeOf(next, {}, ['step']),
      events,
      where: { 'step.token': token },
    });
  }

  /** Ends a step without a change (nothing was free after all). */
  async dropStep(registrationId: string, token: string): Promise<void> {
    await this.model.updateOne({ _id: registrationId, 'step.token': token }, { $unset: { step: '' } }).exec();
  }

  /**
   * Writes the next state over `revision` with its events; `step` is named in the same write (a
   * cancellation's release of its seat). False when the registration changed meanwhile, or a step
   * is under way where a new one is named.
   */
  async update(
    next: Registration,
    revision: number,
    events: readonly OutboxEntry[],
    step?: SeatStep,
  ): Promise<boolean> {
    return this.write(next, revision, {
      ...changeOf(next, step ? { step } : {}),
      events,
      ...(step ? { where: { step: { $exists: false } } } : {}),
    });
  }

  /** The decided registrations of an event. */
  async ofEvent(eventId: string): Promise<Registration[]> {
    return this.find({ eventId, ...DECIDED });
  }

  /** How many other registrations of the event wait for a seat ahead of this one (by order number). */
  waitingAhead(entry: Registration): Promise<number> {
    return this.model
      .countDocuments({
        eventId: entry.eventId,
        _id: { $ne: entry.registrationId },
        status: 'waiting',
        sequence: { $lt: entry.sequence },
      })
      .exec();
  }

  /** How many other confirmed registrations wait for the workshop ahead of this choice. */
  waitingAheadForSession(entry: Registration, choice: StoredSessionChoice): Promise<number> {
    return this.model
      .countDocuments({
        eventId: entry.eventId,
        _id: { $ne: entry.registrationId },
        status: 'confirmed',
        sessions: {
          $elemMatch: { sessionId: choice.sessionId, status: 'waiting', sequence: { $lt: choice.sequence } },
        },
      })
      .exec();
  }

  /** The first on the waiting list in order, with the step each has under way (a promotion). */
  async firstWaiting(eventId: string, limit: number): Promise<StoredRegistration[]> {
    const records = await this.model
      .find({ eventId, status: 'waiting' }, WITHOUT_OUTBOX)
      .sort({ sequence: 1 })
      .limit(limit)
      .lean<RegistrationRecord[]>()
      .exec();
    return records.map(storedOf);
  }

  /** The confirmed waiting for a workshop in the order of its waiting list, with the step each has under way. */
  async waitingForSession(eventId: string, sessionId: string): Promise<StoredRegistration[]> {
    const records = await this.model
      .find(
        { eventId, status: 'confirmed', sessions: { $elemMatch: { sessionId, status: 'waiting' } } },
        WITHOUT_OUTBOX,
      )
      .lean<RegistrationRecord[]>()
      .exec();
    const sequenceOf = ({ entry }: StoredRegistration) =>
      entry.sessions.find((choice) => choice.sessionId === sessionId)?.sequence ?? 0;
    return records.map(storedOf).sort((a, b) => sequenceOf(a) - sequenceOf(b));
  }

  /** The registrations of an event with workshop choices. */
  async withChoices(eventId: string): Promise<Registration[]> {
    return this.find({ eventId, ...DECIDED, 'sessions.0': { $exists: true } });
  }

  /** Up to `limit` registrations of an event that are not cancelled. */
  async notCancelled(eventId: string, limit: number): Promise<Registration[]> {
    const records = await this.model
      .find({ eventId, status: { $in: ['confirmed', 'waiting'] } }, WITHOUT_OUTBOX)
      .limit(limit)
      .lean<RegistrationRecord[]>()
      .exec();
    return records.map((record) => storedOf(record).entry);
  }

  /** A member's registrations and their municipality's; with `eventId` only those for that event. */
  async findFor(memberId: string, ags: string | undefined, eventId?: string): Promise<Registration[]> {
    const whose: FilterQuery<RegistrationRecord>[] = [{ 'registrant.memberId': memberId }];
    if (ags) whose.push({ 'registrant.kind': 'municipality', 'registrant.municipality.ags': ags });
    return this.find({ ...DECIDED, ...(eventId ? { eventId } : {}), $or: whose });
  }

  /** Registrations whose seat step began before `before` and has not ended (its writer may have died). */
  async withStepsBefore(before: Date): Promise<string[]> {
    const records = await this.model
      .find({ 'step.at': { $lt: before } }, { _id: 1 })
      .lean<{ _id: string }[]>()
      .exec();
    return records.map((record) => record._id);
  }

  private async find(filter: FilterQuery<RegistrationRecord>): Promise<Registration[]> {
    const records = await this.model.find(filter, WITHOUT_OUTBOX).lean<RegistrationRecord[]>().exec();
    return records.map((record) => storedOf(record).entry);
  }

  /** One write over `revision`; false when the registration changed meanwhile (or `where` does not hold). */
  private async write(
    next: Registration,
    revision: number,
    change: AggregateChange<RegistrationRecord>,
  ): Promise<boolean> {
    try {
      await this.updateAggregate(next.registrationId, revision, change);
      return true;
    } catch (error) {
      if (error instanceof ConcurrentChangeError) return false;
      throw error;
    }
  }
}

/** The entry as the next state (its revision is the base's to count), with dropped optional fields unset. */
function changeOf(
  entry: Registration,
  set: Partial<RegistrationRecord>,
  unset: readonly string[] = [],
): Pick<AggregateChange<RegistrationRecord>, 'set' | 'unset'> {
  const fields: { -readonly [K in keyof RegistrationRecord]?: RegistrationRecord[K] } = recordOf(entry);
  delete fields._id;
  delete fields.revision;
  const missing = OPTIONAL_FIELDS.filter((field) => entry[field] === undefined);
  return { set: { ...fields, ...set }, unset: [...unset, ...missing] };
}

function recordOf(entry: Registration): Omit<RegistrationRecord, 'outbox'> {
  const { registrationId, ...fields } = entry;
  return compact({
    _id: registrationId,
    ...fields,
    registrant: compact({ ...entry.registrant }),
  });
}

function storedOf(record: RegistrationRecord): StoredRegistration {
  const entry: Registration = compact({
    registrationId: record._id,
    eventId: record.eventId,
    registrantKey: record.registrantKey,
    registrant: compact({
      kind: record.registrant.kind,
      memberId: record.registrant.memberId,
      municipality: record.registrant.municipality
        ? {
            name: record.registrant.municipality.name,
            ags: record.registrant.municipality.ags,
            population: record.registrant.municipality.population,
          }
        : undefined,
      federalState: record.registrant.federalState,
      sector: record.registrant.sector,
      guest: record.registrant.guest ? compact({ ...record.registrant.guest }) : undefined,
    }),
    registeredBy: { subject: record.registeredBy.subject, role: record.registeredBy.role },
    // A pending registration is never shown; it counts as waiting until its seat is decided.
    status: record.status === 'pending' ? 'waiting' : record.status,
    sequence: record.sequence,
    sessions: (record.sessions ?? []).map((choice): StoredSessionChoice => ({
      sessionId: choice.sessionId,
      status: choice.status,
      sequence: choice.sequence,
    })),
    delegation: record.delegation?.map((person): StoredPerson => compact({ ...person })),
    attended: record.attended,
    revision: record.revision,
    registeredAt: record.registeredAt,
    confirmedAt: record.confirmedAt,
    cancelledAt: record.cancelledAt,
    cancellation: record.cancellation
      ? compact({
          cause: record.cancellation.cause,
          by: record.cancellation.by
            ? { subject: record.cancellation.by.subject, role: record.cancellation.by.role }
            : undefined,
        })
      : undefined,
  });
  return compact({ entry, pending: record.status === 'pending', step: record.step });
}
