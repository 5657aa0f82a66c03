import { ConcurrentChangeError, OutboxEntry } from '@ic/messaging';
import { Clock, ConflictError } from '@ic/platform';
import { Injectable, Logger } from '@nestjs/common';
import { RegistrationChanges } from '../registrations/registration-changes';
import {
  locationOf,
  RegistrationLocation,
  RegistrationLookupRepository,
} from '../registrations/registration-lookup.repository';
import { KnownEvent } from '../replicas/known-event';
import { KnownEventsRepository } from '../replicas/known-events.repository';
import { SeatBook } from './seat-book';
import { SeatBooksRepository } from './seat-books.repository';

/**
 * One decision about an event's seats: reads and changes the book in memory, and returns what the
 * caller answers. It runs again from scratch if the write loses to another instance, so it must
 * have no other effect; it throws to refuse (the book is then left as it was).
 */
export type SeatWork<T> = (book: SeatBook, event: KnownEvent | null, now: Date) => T;

interface Task {
  readonly work: SeatWork<unknown>;
  readonly correlationId?: string;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * Decisions stored per write at most; a burst of registrations needs a handful of writes. Every write
 * reads and rewrites the whole book (about 1.6 kB per registration), so fewer, larger writes carry a
 * rush: 64 per write answered 26 registrations/s at 2,000 members on FerretDB (bench/README.md).
 */
const MAX_TASKS_PER_WRITE = 256;
/**
 * Event data per write at most (each event carries the event's snapshot, about 2 kB); one task
 * always fits. Keeps the book's document, outbox included, far below the 16 MB a document may have.
 */
const MAX_EVENT_BYTES_PER_WRITE = 1_000_000;
/**
 * How long a write keeps trying while other writers win. A writer that crashed holding the book's
 * next revision slot blocks it until the slot counts as abandoned (30 s, RevisionsRepository).
 */
const RETRY_FOR_MS = 45_000;

/**
 * The single writer of each event's seat book in this process. Decisions about one event queue up
 * here in arrival order and are decided in batches: one load, the decisions one after another in
 * memory, one write with all their events. Register requests carry the event id as Kafka key, so a
 * burst for one event reaches one instance and costs a few writes instead of hundreds.
 *
 * Another instance may decide about the same event at the same time (a rebalance moves the
 * partition, or a request keyed otherwise lands there): each write first takes the book's next
 * revision slot by insert, atomic also on FerretDB 1.x, whose updates are not isolated. The loser
 * reloads and decides its batch again on the winner's state, so no seat is ever given twice.
 * Every caller hears back only once its decision is stored, and new registrations can be found
 * by id (their lookups are written once per write, too).
 */
@Injectable()
export class SeatDesk {
  private readonly logger = new Logger(SeatDesk.name);
  private readonly queues = new Map<string, Task[]>();

  constructor(
    private readonly books: SeatBooksRepository,
    private readonly events: KnownEventsRepository,
    private readonly changes: RegistrationChanges,
    private readonly lookup: RegistrationLookupRepository,
    private readonly clock: Clock,
  ) {}

  submit<T>(eventId: string, work: SeatWork<T>, correlationId?: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const task: Task = {
        work,
        ...(correlationId ? { correlationId } : {}),
        resolve: (value) => resolve(value as T),
        reject,
      };
      const queue = this.queues.get(eventId);
      if (queue) {
        queue.push(task);
        return;
      }
      this.queues.set(eventId, [task]);
      void this.drain(eventId);
    });
  }

  private async drain(eventId: string): Promise<void> {
    const queue = this.queues.get(eventId) ?? [];
    while (queue.length > 0) {
      const batch = queue.splice(0, MAX_TASKS_PER_WRITE);
      try {
        const decided = await this.decide(eventId, batch);
        // Tasks beyond the write's size budget go first into the next write.
        queue.unshift(...batch.slice(decided));
      } catch (error) {
        batch.forEach((task) => task.reject(error));
      }
    }
    this.queues.delete(eventId);
  }

  /** Decides the batch (or its first part) and stores it; returns how many tasks were decided. */
  private async decide(eventId: string, batch: readonly Task[]): Promise<number> {
    const giveUpAt = Date.now() + RETRY_FOR_MS;
    for (let attempt = 1; ; attempt++) {
      const loaded = await this.books.load(eventId);
      const event = await this.events.findById(eventId);
      const book = SeatBook.of(loaded.state);
      const now = this.clock.now();
      const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
      const entries: OutboxEntry[] = [];
      const registered: RegistrationLocation[] = [];
      let bytes = 0;
      for (const task of batch) {
        if (outcomes.length > 0 && bytes > MAX_EVENT_BYTES_PER_WRITE) break;
        try {
          outcomes.push({ ok: true, value: task.work(book, event, now) });
        } catch (error) {
          outcomes.push({ ok: false, error });
        }
        const facts = book.takeFacts();
        if (facts.length === 0 || !event) continue;
        for (const fact of facts) {
          if (fact.type === 'confirmed' || fact.type === 'waitlisted') registered.push(locationOf(fact.view));
        }
        const made = this.changes.entriesOf(facts, event, task.correlationId);
        entries.push(...made);
        bytes += made.reduce((sum, entry) => sum + JSON.stringify(entry.data).length, 0);
      }
      try {
        // Refusals and answers from the book as it is change nothing: no write.
        if (entries.length > 0) await this.books.save(loaded, book.state(), entries);
      } catch (error) {
        if (!(error instanceof ConcurrentChangeError)) throw error;
        if (Date.now() > giveUpAt) {
          throw new ConflictError(
            'Die Plätze dieser Veranstaltung werden gerade sehr oft vergeben. Bitte versuchen Sie es erneut.',
          );
        }
        // Rare while register requests carry the event id as key: another instance decided meanwhile.
        this.logger.log(
          `Seat book ${eventId}: another writer came first (attempt ${attempt}); deciding again`,
        );
        await new Promise((resolve) =>
          setTimeout(resolve, Math.min(250, 5 * attempt) * (0.5 + Math.random())),
        );
        continue;
      }
      // Before anyone hears back: a reply's registration id must be found at once.
      await this.lookup.record(registered);
      outcomes.forEach((outcome, index) =>
        outcome.ok ? batch[index].resolve(outcome.value) : batch[index].reject(outcome.error),
      );
      return outcomes.length;
    }
  }
}
