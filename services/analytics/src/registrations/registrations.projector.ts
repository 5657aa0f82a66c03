import { AttendanceRecorded, RegistrationChange } from '@ic/contracts';
import { CloudEvent } from '@ic/messaging';
import { MemberKeysRepository } from '../members/member-keys.repository';
import { ProjectionRepository } from '../projections/projection.repository';
import {
  BatchContext,
  foldIntoDocuments,
  ProjectionFailure,
  TopicProjector,
} from '../projections/topic-projector';
import {
  applyRegistrationEvent,
  changesRegistration,
  EventRegistrationsDocument,
  registeringMemberOf,
} from './event-registrations';

type RegistrationEventData = RegistrationChange | AttendanceRecorded;

/** ic.registrations.v1, keyed by event id: one document per event with all its registrations. */
export class RegistrationsProjector implements TopicProjector {
  constructor(
    private readonly documents: ProjectionRepository<EventRegistrationsDocument>,
    private readonly memberKeys: MemberKeysRepository,
  ) {}

  async project(events: readonly CloudEvent[], context: BatchContext): Promise<ProjectionFailure[]> {
    const changes = events.filter((event) =>
      changesRegistration(event.type),
    ) as CloudEvent<RegistrationEventData>[];
    const members = changes
      .map((event) => registeringMemberOf(event.data))
      .filter((memberId): memberId is string => memberId !== undefined);
    const keys = await this.memberKeys.keysOf(members);
    return foldIntoDocuments(
      this.documents,
      context,
      changes,
      (event) => (event.data as RegistrationEventData).eventId,
      (document, event) =>
        applyRegistrationEvent(document, event as CloudEvent<RegistrationEventData>, (memberId) => {
          const key = keys.get(memberId);
          if (!key) throw new Error(`No pseudonym for member ${memberId}`);
          return key;
        }),
    );
  }

  forgetCached(): void {
    this.documents.forgetCached();
  }
}
