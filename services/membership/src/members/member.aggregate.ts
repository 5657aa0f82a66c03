import {
  Actor,
  AnnouncementPreferenceChangedEvent,
  DeactivationReason,
  MemberActivatedEvent,
  MemberDeactivatedEvent,
  MemberErasedEvent,
  MemberJoinedWorkingGroupEvent,
  MemberLeftWorkingGroupEvent,
  MemberProfile,
  MemberProfileUpdatedEvent,
} from '@ic/contracts';
import { Aggregate, RuleViolationError } from '@ic/platform';
import { WorkingGroupMessages } from '../working-groups/working-group.messages';
import { isActive, Member } from './member';
import { MemberMessages } from './member.messages';
import { applyProfilePatch, assertValidProfile, ProfilePatch } from './profile.rules';

export interface NewMember {
  /** The invitation's id, which becomes the member's (an imported member's own). */
  readonly memberId: string;
  readonly profile: MemberProfile;
  readonly joinedAt: Date;
  /** Working groups the member starts in (only an imported member starts in groups). */
  readonly workingGroups?: readonly string[];
}

/** What a profile edit asks to change: profile fields, and the announcement preference. */
export interface ProfileChange {
  readonly patch: ProfilePatch;
  readonly announcementsOptOut?: boolean;
}

/**
 * A member: decides every change of their membership, profile, working groups and erasure, and
 * records the facts it publishes. Each method checks its rules against the state as loaded and
 * changes nothing (records nothing) when there is nothing to change.
 */
export class MemberAggregate extends Aggregate<Member> {
  private erasure?: Date;

  private constructor(member: Member) {
    super(member);
  }

  static of(member: Member): MemberAggregate {
    return new MemberAggregate(member);
  }

  /** A new active member with MemberActivated, and MemberJoinedWorkingGroup for each starting group. */
  static activate({ memberId, profile, joinedAt, workingGroups = [] }: NewMember): MemberAggregate {
    const groups = [...new Set(workingGroups)];
    const member = new MemberAggregate({
      id: memberId,
      revision: 0,
      profile,
      status: 'active',
      workingGroups: groups,
      joinedAt,
      announcementsOptOut: false,
    });
    member.record(MemberActivatedEvent, {
      memberId,
      invitationId: memberId,
      joinedAt: joinedAt.toISOString(),
      profile,
    });
    const self: Actor = { subject: memberId, role: 'member' };
    for (const workingGroupId of groups) {
      member.record(MemberJoinedWorkingGroupEvent, { memberId, workingGroupId, changedBy: self });
    }
    return member;
  }

  get id(): string {
    return this.state.id;
  }

  /** When erase was decided; undefined for a member who keeps their data. */
  get erasedAt(): Date | undefined {
    return this.erasure;
  }

  /** active → inactive: the member leaves, or the office ends the membership; with date and reason. */
  end(reason: DeactivationReason, note: string | undefined, by: Actor, at: Date): void {
    if (!isActive(this.state)) {
      throw new RuleViolationError(
        by.role === 'member' ? MemberMessages.ownMembershipEnded : MemberMessages.alreadyEnded,
      );
    }
    const leaveNote = note || undefined;
    this.change({
      ...this.state,
      status: 'inactive',
      leftAt: at,
      leaveReason: reason,
      ...(leaveNote ? { leaveNote } : {}),
    });
    this.record(MemberDeactivatedEvent, {
      memberId: this.id,
      reason,
      ...(leaveNote ? { note: leaveNote } : {}),
      deactivatedBy: by,
      leftAt: at.toISOString(),
    });
  }

  /**
   * Changed profile fields publish MemberProfileUpdated with them and the whole profile; switching
   * the announcement e-mails off or on publishes AnnouncementPreferenceChanged. A member whose
   * membership has ended cannot edit their own profile; the office can.
   */
  updateProfile(change: ProfileChange, by: Actor): void {
    this.refuseOwnChangeAfterLeaving(by);
    const { profile, changedFields } = applyProfilePatch(this.state.profile, change.patch);
    const { announcementsOptOut = this.state.announcementsOptOut } = change;
    const preferenceChanged = announcementsOptOut !== this.state.announcementsOptOut;
    if (changedFields.length === 0 && !preferenceChanged) return;
    if (changedFields.length > 0) {
      assertValidProfile(profile);
      this.record(MemberProfileUpdatedEvent, { memberId: this.id, changedBy: by, changedFields, profile });
    }
    if (preferenceChanged) {
      this.record(AnnouncementPreferenceChangedEvent, {
        memberId: this.id,
        announcementsOptOut,
        changedBy: by,
        via: 'profile',
      });
    }
    this.change({ ...this.state, profile, announcementsOptOut });
  }

  /** The unsubscribe link of an announcement e-mail: only an active member who still gets them changes. */
  unsubscribeFromAnnouncements(): void {
    if (!isActive(this.state) || this.state.announcementsOptOut) return;
    this.change({ ...this.state, announcementsOptOut: true });
    this.record(AnnouncementPreferenceChangedEvent, {
      memberId: this.id,
      announcementsOptOut: true,
      via: 'unsubscribe-link',
    });
  }

  /** Joins the group; only an active member can, and the member may not act once they have left. */
  joinWorkingGroup(workingGroupId: string, by: Actor): void {
    this.refuseOwnChangeAfterLeaving(by);
    if (this.state.workingGroups.includes(workingGroupId)) return;
    if (!isActive(this.state)) throw new RuleViolationError(WorkingGroupMessages.membershipEnded);
    this.change({ ...this.state, workingGroups: [...this.state.workingGroups, workingGroupId] });
    this.record(MemberJoinedWorkingGroupEvent, { memberId: this.id, workingGroupId, changedBy: by });
  }

  /** Leaves the group; the office may take out a member whose membership has ended. */
  leaveWorkingGroup(workingGroupId: string, by: Actor): void {
    this.refuseOwnChangeAfterLeaving(by);
    if (!this.state.workingGroups.includes(workingGroupId)) return;
    this.change({
      ...this.state,
      workingGroups: this.state.workingGroups.filter((id) => id !== workingGroupId),
    });
    this.record(MemberLeftWorkingGroupEvent, { memberId: this.id, workingGroupId, changedBy: by });
  }

  /**
   * Erases the member (DSGVO Art. 17). An active member's membership ends with it, so first the
   * facts every reader already understands (leaving each working group, MemberDeactivated with
   * leftAt = erasedAt: the member counts as having left that month), then MemberErased, which tells
   * every reader to forget the member. A member whose membership had ended before leaves only their
   * groups. None of the facts carries personal data.
   */
  erase(by: Actor, at: Date): void {
    const { id: memberId } = this;
    const endedMembership = isActive(this.state);
    for (const workingGroupId of this.state.workingGroups) {
      this.record(MemberLeftWorkingGroupEvent, { memberId, workingGroupId, changedBy: by });
    }
    if (endedMembership) {
      this.record(MemberDeactivatedEvent, {
        memberId,
        reason: by.role === 'member' ? 'left' : 'ended-by-staff',
        deactivatedBy: by,
        leftAt: at.toISOString(),
      });
    }
    this.record(MemberErasedEvent, { memberId, erasedBy: by, erasedAt: at.toISOString(), endedMembership });
    this.erasure = at;
    this.change({ ...this.state, workingGroups: [] });
  }

  private refuseOwnChangeAfterLeaving(by: Actor): void {
    if (by.role === 'member' && !isActive(this.state)) {
      throw new RuleViolationError(MemberMessages.ownMembershipEnded);
    }
  }
}
