import { DeactivationReason, MemberProfile, MemberStatus } from '@ic/contracts';

/** Everything about a member that a write may change. */
export interface MemberState {
  readonly profile: MemberProfile;
  readonly status: MemberStatus;
  readonly workingGroups: readonly string[];
  readonly joinedAt: Date;
  readonly leftAt?: Date;
  readonly leaveReason?: DeactivationReason;
  /** Why the membership ended, for the office (EndMembershipRequest.note). */
  readonly leaveNote?: string;
  readonly announcementsOptOut: boolean;
}

export interface Member extends MemberState {
  readonly id: string;
  /** Increases with every write; a write names the revision it was decided on (AggregateRepository). */
  readonly revision: number;
}

export function isActive(member: Pick<Member, 'status'>): boolean {
  return member.status === 'active';
}
