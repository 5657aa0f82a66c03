import {
  Actor,
  EventContract,
  MemberDeactivatedEvent,
  MemberErasedEvent,
  MemberLeftWorkingGroupEvent,
} from '@ic/contracts';
import { isActive, Member } from '../member';

/** Makes one event of a contract (the outbox factory, or a plain record in a spec). */
export type EventMaker<E> = <T>(contract: EventContract<T>, data: T) => E;

/**
 * What an erasure publishes, in order. An active member's membership ends with it, so first the
 * facts every reader already understands (leaving each working group, MemberDeactivated with leftAt
 * = erasedAt: the member counts as having left that month), then MemberErased, which tells every
 * reader to forget the member. A member whose membership had ended before leaves only their groups.
 * None of them carries personal data.
 */
export function erasureEventsOf<E>(
  member: Member,
  erasedBy: Actor,
  erasedAt: Date,
  make: EventMaker<E>,
): E[] {
  const at = erasedAt.toISOString();
  const endedMembership = isActive(member);
  return [
    ...member.workingGroups.map((workingGroupId) =>
      make(MemberLeftWorkingGroupEvent, { memberId: member.id, workingGroupId, changedBy: erasedBy }),
    ),
    ...(endedMembership
      ? [
          make(MemberDeactivatedEvent, {
            memberId: member.id,
            reason: erasedBy.role === 'member' ? 'left' : 'ended-by-staff',
            deactivatedBy: erasedBy,
            leftAt: at,
          }),
        ]
      : []),
    make(MemberErasedEvent, { memberId: member.id, erasedBy, erasedAt: at, endedMembership }),
  ];
}
