import { OutboxEntry, OutboxRelay, RevisionsRepository, VersionedDocuments } from '@ic/messaging';
import { ConcurrentChangeError } from '@ic/messaging';
import { compact } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { BookEntry, SeatBookState, StoredPerson, StoredSessionChoice } from './seat-book';
import { SEAT_BOOK_MODEL, SEAT_BOOKS_COLLECTION, SeatBookRecord } from './seat-book.schema';

/** A seat book as read: its state, its revision (0: not written yet) and its outbox. */
export interface LoadedSeatBook {
  readonly state: SeatBookState;
  readonly revision: number;
  readonly outbox: readonly OutboxEntry[];
}

/**
 * The only place that touches the seat books. A write stores the book's next state with its
 * outgoing events in one document write, as the only writer of the next revision (revision slots:
 * inserts, atomic also on FerretDB), and drops from the outbox what the relay has published, so
 * that a book of a thousand registrations does not carry a thousand published events.
 */
@Injectable()
export class SeatBooksRepository {
  private readonly documents: VersionedDocuments<SeatBookRecord>;

  constructor(
    @InjectModel(SEAT_BOOK_MODEL) private readonly model: Model<SeatBookRecord>,
    private readonly relay: OutboxRelay,
    revisions: RevisionsRepository,
  ) {
    this.documents = new VersionedDocuments(model, SEAT_BOOKS_COLLECTION, relay, revisions);
  }

  async load(eventId: string): Promise<LoadedSeatBook> {
    const record = await this.model.findById(eventId).lean<SeatBookRecord>().exec();
    if (!record) {
      return { state: { eventId, entries: [], sequence: 0, toldChangeRevision: 0 }, revision: 0, outbox: [] };
    }
    return { state: toState(record), revision: record.revision, outbox: record.outbox ?? [] };
  }

  /** The books of these events, without their outboxes (for reading). */
  async findStates(eventIds: readonly string[]): Promise<Map<string, SeatBookState>> {
    if (eventIds.length === 0) return new Map();
    const records = await this.model
      .find({ _id: { $in: [...new Set(eventIds)] } }, { outbox: 0 })
      .lean<SeatBookRecord[]>()
      .exec();
    return new Map(records.map((record) => [record._id, toState(record)]));
  }

  async findState(eventId: string): Promise<SeatBookState | undefined> {
    return (await this.findStates([eventId])).get(eventId);
  }

  /**
   * Stores the next state over the loaded revision with its events; ConcurrentChangeError when
   * another write (another instance, during a rebalance) got there first: the caller decides again.
   */
  async save(loaded: LoadedSeatBook, next: SeatBookState, events: readonly OutboxEntry[]): Promise<void> {
    const fields = {
      entriesJson: JSON.stringify(next.entries.map(toRecordEntry)),
      sequence: next.sequence,
      toldChangeRevision: next.toldChangeRevision,
    };
    if (loaded.revision === 0) {
      const inserted = await this.documents.insert(next.eventId, { ...fields, revision: 1 }, events);
      if (!inserted) throw new ConcurrentChangeError(`${SEAT_BOOKS_COLLECTION}/${next.eventId}`);
      return;
    }
    const kept = await this.relay.unpublishedOf(loaded.outbox);
    await this.documents.update(next.eventId, loaded.revision, fields, ['entries'], events, kept);
  }
}

function toRecordEntry(entry: BookEntry): BookEntry {
  return compact({ ...entry, registrant: compact({ ...entry.registrant }) });
}

function toState(record: SeatBookRecord): SeatBookState {
  return {
    eventId: record._id,
    entries: (record.entriesJson ? parseEntries(record.entriesJson) : (record.entries ?? [])).map(toEntry),
    sequence: record.sequence,
    toldChangeRevision: record.toldChangeRevision ?? 0,
  };
}

/** Instants travel as ISO text in `entriesJson`; every entry field named `…At` holds one. */
const INSTANT_FIELD = /At$/;

function parseEntries(json: string): BookEntry[] {
  return JSON.parse(json, (key, value: unknown) =>
    INSTANT_FIELD.test(key) && typeof value === 'string' ? new Date(value) : value,
  ) as BookEntry[];
}

function toEntry(entry: BookEntry): BookEntry {
  return compact({
    registrationId: entry.registrationId,
    registrantKey: entry.registrantKey,
    registrant: compact({
      kind: entry.registrant.kind,
      memberId: entry.registrant.memberId,
      municipality: entry.registrant.municipality
        ? {
            name: entry.registrant.municipality.name,
            ags: entry.registrant.municipality.ags,
            population: entry.registrant.municipality.population,
          }
        : undefined,
      federalState: entry.registrant.federalState,
      sector: entry.registrant.sector,
      guest: entry.registrant.guest ? compact({ ...entry.registrant.guest }) : undefined,
    }),
    registeredBy: { subject: entry.registeredBy.subject, role: entry.registeredBy.role },
    status: entry.status,
    sequence: entry.sequence,
    sessions: (entry.sessions ?? []).map((choice): StoredSessionChoice => ({
      sessionId: choice.sessionId,
      status: choice.status,
      sequence: choice.sequence,
    })),
    delegation: entry.delegation?.map((person): StoredPerson => compact({ ...person })),
    attended: entry.attended,
    revision: entry.revision,
    registeredAt: entry.registeredAt,
    confirmedAt: entry.confirmedAt,
    cancelledAt: entry.cancelledAt,
    cancellation: entry.cancellation
      ? compact({
          cause: entry.cancellation.cause,
          by: entry.cancellation.by
            ? { subject: entry.cancellation.by.subject, role: entry.cancellation.by.role }
            : undefined,
        })
      : undefined,
  });
}
