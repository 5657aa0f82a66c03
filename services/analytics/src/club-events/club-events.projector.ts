import { ClubEventChange } from '@ic/contracts';
import { CloudEvent } from '@ic/messaging';
import { ProjectionRepository } from '../projections/projection.repository';
import {
  BatchContext,
  foldIntoDocuments,
  ProjectionFailure,
  TopicProjector,
} from '../projections/topic-projector';
import { applyClubEvent, ClubEventRow } from './club-event-row';

/** ic.events.v1, keyed by event id: one row per event. */
export class ClubEventsProjector implements TopicProjector {
  constructor(private readonly rows: ProjectionRepository<ClubEventRow>) {}

  project(events: readonly CloudEvent[], context: BatchContext): Promise<ProjectionFailure[]> {
    return foldIntoDocuments(
      this.rows,
      context,
      events,
      (event) => (event.data as ClubEventChange).eventId,
      (row, event) => applyClubEvent(row, event as CloudEvent<ClubEventChange>),
    );
  }

  forgetCached(): void {
    this.rows.forgetCached();
  }
}
