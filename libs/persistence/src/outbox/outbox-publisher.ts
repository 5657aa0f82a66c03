import { OutboxEntry } from './outbox-entry';

/**
 * What a repository needs of the outbox relay (in `@ic/messaging`, which provides the relay under
 * this token): the collections to sweep, and the publish right after a write.
 */
export abstract class OutboxPublisher {
  /** Declares a collection whose documents carry an outbox, so the sweeper watches it. */
  abstract register(collection: string): void;

  /**
   * Publishes what the document's outbox holds unpublished; a failure is left to the sweeper.
   * `written`: the events the write right before added, unpublished for certain (not looked up).
   */
  abstract publishPending(
    collection: string,
    aggregateId: string,
    written?: readonly OutboxEntry[],
  ): Promise<void>;

  /** The entries not published yet, in their order. */
  abstract unpublishedOf(entries: readonly OutboxEntry[]): Promise<OutboxEntry[]>;
}
