import {
  MemberErased,
  MemberErasedEvent,
  WorkingGroupCreated,
  WorkingGroupCreatedEvent,
} from '@ic/contracts';
import { CloudEvent } from '@ic/messaging';
import { ProjectionRepository } from '../projections/projection.repository';
import {
  BatchContext,
  foldIntoDocuments,
  ProjectionFailure,
  TopicProjector,
} from '../projections/topic-projector';
import { MemberKeysRepository } from './member-keys.repository';
import { applyMembershipEvent, changesMember, MemberRow } from './member-row';
import { WorkingGroupRow } from './working-group-row';

/**
 * ic.membership.v1, keyed by member id (working groups by their id): the member dimension under
 * pseudonyms, and the working groups' names; MemberErased marks the member's link to be forgotten.
 */
export class MembershipProjector implements TopicProjector {
  constructor(
    private readonly members: ProjectionRepository<MemberRow>,
    private readonly workingGroups: ProjectionRepository<WorkingGroupRow>,
    private readonly memberKeys: MemberKeysRepository,
  ) {}

  async project(events: readonly CloudEvent[], context: BatchContext): Promise<ProjectionFailure[]> {
    const memberEvents = events.filter((event) => changesMember(event.type)) as CloudEvent<{
      memberId: string;
    }>[];
    const keys = await this.memberKeys.keysOf(memberEvents.map((event) => event.data.memberId));
    const groupFailures = await foldIntoDocuments(
      this.workingGroups,
      context,
      events.filter((event) => event.type === WorkingGroupCreatedEvent.type),
      (event) => (event.data as WorkingGroupCreated).workingGroupId,
      (_row, event, id) => ({ _id: id, name: (event.data as WorkingGroupCreated).name }),
    );
    const memberFailures = await foldIntoDocuments(
      this.members,
      context,
      memberEvents,
      (event) => keys.get((event.data as { memberId: string }).memberId),
      (row, event, key) =>
        applyMembershipEvent(row, key, event as Parameters<typeof applyMembershipEvent>[2]),
    );
    // The erasure's departure and group changes came before it as their own events; the member row
    // stays under its pseudonym, only the link from the member id goes.
    await this.memberKeys.markErased(
      events
        .filter((event) => event.type === MemberErasedEvent.type)
        .map((event) => (event.data as MemberErased).memberId),
    );
    return [...groupFailures, ...memberFailures];
  }

  forgetCached(): void {
    this.members.forgetCached();
    this.workingGroups.forgetCached();
  }
}
