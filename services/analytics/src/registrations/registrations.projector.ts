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
    // A registration keeps the pseudonym it got first, so only new ones ask for keys: the cancellations
    // that follow a member's erasure must not link the erased member to a pseudonym again.
    const documents = await this.documents.load(
      changes.map((event) => event.data.eventId),
      { cachedOnly: context.readFromStart },
    );
    const known = new Set(
      [...documents.values()].flatMap((document) =>
        document.registrations.map((entry) => entry.registrationId),
      ),
    );
    const members = changes
      .filter((event) => !known.has(event.data.registration.registrationId))
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
