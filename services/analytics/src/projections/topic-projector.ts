import { CloudEvent } from '@ic/messaging';
import { ProjectionRepository } from './projection.repository';

/** An event the projection could not take (a bug, or data it cannot read): it goes to the dead-letter topic. */
export interface ProjectionFailure {
  readonly event: CloudEvent;
  readonly error: unknown;
}

/** What the stream knows about the batch's partition. */
export interface BatchContext {
  /** This worker has read the partition from its first message on: no document of it exists that it does not hold. */
  readonly readFromStart: boolean;
}

/** Folds a batch of one partition's events, in their order, into projections and stores them. */
export interface TopicProjector {
  project(events: readonly CloudEvent[], context: BatchContext): Promise<ProjectionFailure[]>;
  /** Drops what it keeps in memory of documents (the partitions it writes may have moved). */
  forgetCached(): void;
}

/**
 * The events of a batch applied to the documents they are about, each changed document written
 * once at the end. `documentOf` says which document an event changes (undefined: none).
 */
export async function foldIntoDocuments<T extends { readonly _id: string }>(
  repository: ProjectionRepository<T>,
  context: BatchContext,
  events: readonly CloudEvent[],
  documentOf: (event: CloudEvent) => string | undefined,
  apply: (document: T | undefined, event: CloudEvent, id: string) => T,
): Promise<ProjectionFailure[]> {
  const targets = events
    .map((event) => ({ event, id: documentOf(event) }))
    .filter((target): target is { event: CloudEvent; id: string } => target.id !== undefined);
  if (targets.length === 0) return [];
  const documents = await repository.load(
    targets.map((target) => target.id),
    { cachedOnly: context.readFromStart },
  );
  const changed = new Map<string, T>();
  const failures: ProjectionFailure[] = [];
  for (const { event, id } of targets) {
    const before = changed.get(id) ?? documents.get(id);
    try {
      const after = apply(before, event, id);
      if (after !== before) changed.set(id, after);
    } catch (error) {
      failures.push({ event, error });
    }
  }
  await repository.save(changed.values());
  return failures;
}
