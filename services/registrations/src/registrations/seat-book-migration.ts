import { OutboxEntry, OutboxPublisher } from '@ic/persistence';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection, mongo } from 'mongoose';
import { EventNoticesRepository } from './event-notices.repository';
import { Registration } from './registration';
import { RegistrationsRepository } from './registrations.repository';
import { EventSeatsRepository } from '../seats/event-seats.repository';
import { SessionCounters } from '../seats/seat-claims';

const SEAT_BOOKS_COLLECTION = 'seat_books';
const LOOKUP_COLLECTION = 'registration_lookup';

/** A seat book as the service stored it before: every registration of one event in one document. */
interface SeatBookRecord {
  _id: string;
  entriesJson?: string;
  entries?: Omit<Registration, 'eventId'>[];
  sequence: number;
  toldChangeRevision?: number;
  outbox?: OutboxEntry[];
}

/** Instants travel as ISO text in `entriesJson`; every entry field named `…At` holds one. */
const INSTANT_FIELD = /At$/;

/**
 * Moves the seat books of earlier versions into one document per registration and the event's
 * counters, on start and before any request is served. Each book is moved in an order that a kill
 * at any point repeats harmlessly: its unpublished events to a notice, the registrations (inserted by
 * id), the counters (created once), and only then the book is removed. Two instances starting at
 * once insert the same documents; the second insert of each is a no-op.
 */
@Injectable()
export class SeatBookMigration implements OnModuleInit {
  private readonly logger = new Logger(SeatBookMigration.name);

  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly registrations: RegistrationsRepository,
    private readonly seats: EventSeatsRepository,
    private readonly notices: EventNoticesRepository,
    private readonly outbox: OutboxPublisher,
  ) {}

  async onModuleInit(): Promise<void> {
    const moved = await this.migrate();
    if (moved > 0) this.logger.log(`Moved ${moved} seat book(s) to one document per registration`);
  }

  /** Moves every seat book; returns how many. */
  async migrate(): Promise<number> {
    const db = this.db();
    const books = db.collection<SeatBookRecord>(SEAT_BOOKS_COLLECTION);
    let moved = 0;
    for (const book of await books.find({}).toArray()) {
      await this.move(book);
      await books.deleteOne({ _id: book._id });
      moved++;
    }
    if (moved > 0) await db.collection(LOOKUP_COLLECTION).deleteMany({});
    return moved;
  }

  private async move(book: SeatBookRecord): Promise<void> {
    const eventId = book._id;
    const unpublished = await this.outbox.unpublishedOf(book.outbox ?? []);
    if (unpublished.length > 0) await this.notices.keep(eventId, 'seat-book', unpublished);
    const entries = (book.entriesJson ? parseEntries(book.entriesJson) : (book.entries ?? [])).map(
      (entry): Registration => ({ ...entry, eventId, sessions: entry.sessions ?? [] }),
    );
    for (const entry of entries) await this.registrations.insertDecided(entry);
    const sessions: Record<string, SessionCounters> = {};
    for (const entry of entries) {
      if (entry.status !== 'confirmed') continue;
      for (const choice of entry.sessions) {
        if (choice.status !== 'confirmed' && choice.status !== 'waiting') continue;
        const counters = sessions[choice.sessionId] ?? { confirmed: 0, waiting: 0 };
        sessions[choice.sessionId] = { ...counters, [choice.status]: counters[choice.status] + 1 };
      }
    }
    await this.seats.create(
      eventId,
      {
        confirmed: entries.filter((entry) => entry.status === 'confirmed').length,
        waiting: entries.filter((entry) => entry.status === 'waiting').length,
        sequence: book.sequence,
        sessions,
      },
      book.toldChangeRevision ?? 0,
    );
  }

  private db(): mongo.Db {
    if (!this.connection.db) throw new Error('MongoDB connection has no database yet');
    return this.connection.db;
  }
}

function parseEntries(json: string): Omit<Registration, 'eventId'>[] {
  return JSON.parse(json, (key, value: unknown) =>
    INSTANT_FIELD.test(key) && typeof value === 'string' ? new Date(value) : value,
  ) as Omit<Registration, 'eventId'>[];
}
