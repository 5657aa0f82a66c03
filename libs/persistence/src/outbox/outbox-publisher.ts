import { OutboxEntry } from './outbox-entry';

/** What a write tells the relay about the events it stored. */
export interface WrittenEvents {
  /** The events it added: unpublished for certain, so their markers are not looked up. */
  readonly events: readonly OutboxEntry[];
  /** The document's whole outbox right after it, when the write returned it: then it is not read again. */
  readonly outbox?: readonly OutboxEntry[];
}

/**
 * What a repository needs of the outbox relay (in `@ic/messaging`, which provides the relay under
 * this token): the collections to sweep, and the publish right after a write.
 */
export abstract class OutboxPublisher {
  /** Declares a collection whose documents carry an outbox, so the sweeper watches it. */
  abstract register(collection: string): void;

  /**
   * Publishes what the document's outbox holds unpublished; a failure is left to the sweeper.
   * `written`: what the write right before knows (see WrittenEvents).
   */
  abstract publishPending(collection: string, aggregateId: string, written?: WrittenEvents): Promise<void>;

  /** The entries not published yet, in their order. */
  abstract unpublishedOf(entries: readonly OutboxEntry[]): Promise<OutboxEntry[]>;
}
