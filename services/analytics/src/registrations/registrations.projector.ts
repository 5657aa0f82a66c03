import { AttendanceRecorded, RegistrationChange } from '@ic/contracts';
import { CloudEvent } from '@ic/messaging';
import { MemberKeysRepository } from '../members/member-keys.repository';
import { ProjectionRepository } from '../projections/projection.repository';
import { BatchContext, ProjectionFailure, TopicProjector } from '../projections/topic-projector';
import {
  applyRegistrationEvents,
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
    const memberKeyOf = (memberId: string) => {
      const key = keys.get(memberId);
      if (!key) throw new Error(`No pseudonym for member ${memberId}`);
      return key;
    };
    // One fold per event's document, its events in their order, each changed document written once.
    const byEvent = new Map<string, CloudEvent<RegistrationEventData>[]>();
    for (const event of changes) {
      const ofEvent = byEvent.get(event.data.eventId);
      if (ofEvent) ofEvent.push(event);
      else byEvent.set(event.data.eventId, [event]);
    }
    const changed: EventRegistrationsDocument[] = [];
    const failures: ProjectionFailure[] = [];
    for (const [eventId, ofEvent] of byEvent) {
      const folded = applyRegistrationEvents(documents.get(eventId), eventId, ofEvent, memberKeyOf);
      if (folded.after) changed.push(folded.after);
      failures.push(...folded.failures);
    }
    await this.documents.save(changed);
    return failures;
  }

  forgetCached(): void {
    this.documents.forgetCached();
  }
}
