import {
  FederalState,
  InvitationDeclinedEvent,
  InvitationRevokedEvent,
  MemberActivated,
  MemberActivatedEvent,
  MemberDeactivated,
  MemberDeactivatedEvent,
  MemberInvited,
  MemberInvitedEvent,
  MemberJoinedWorkingGroupEvent,
  MemberLeftWorkingGroupEvent,
  MemberProfile,
  MemberProfileUpdated,
  MemberProfileUpdatedEvent,
  MemberWorkingGroupChanged,
  MunicipalitySizeClass,
  Sector,
  sizeClassOf,
  Theme,
} from '@ic/contracts';
import { CloudEvent } from '@ic/messaging';

export type MembershipStatus = 'invited' | 'declined' | 'revoked' | 'active' | 'inactive';

/**
 * A member in the member dimension: the attributes participation is broken down by and the dates
 * membership is counted by, under a pseudonym (see MemberKeysRepository). No name, e-mail, phone,
 * organisation or municipality: only its size class.
 */
export interface MemberRow {
  /** The member's pseudonym. */
  readonly _id: string;
  readonly status: MembershipStatus;
  readonly federalState?: FederalState;
  readonly sector?: Sector;
  readonly themes: readonly Theme[];
  readonly sizeClass?: MunicipalitySizeClass;
  readonly workingGroups: readonly string[];
  readonly invitedAt?: Date;
  readonly declinedAt?: Date;
  readonly joinedAt?: Date;
  readonly leftAt?: Date;
  /** The ids (ce_id) of the events applied, so that one published twice counts once, whenever it comes. */
  readonly appliedEvents: readonly string[];
}

type MembershipEventData = MemberInvited | MemberActivated | MemberProfileUpdated | MemberDeactivated;

/**
 * The row after one of the member's events. They arrive in order on the member's partition; an
 * event the row has applied already (redelivered after a restart, or published twice, even after
 * newer ones) changes nothing.
 */
export function applyMembershipEvent(
  row: MemberRow | undefined,
  key: string,
  event: CloudEvent<MembershipEventData | MemberWorkingGroupChanged | { memberId: string }>,
): MemberRow {
  if (!changesMember(event.type) || row?.appliedEvents.includes(event.id)) {
    return row ?? newMember(key);
  }
  const current = row ?? newMember(key);
  return { ...changed(current, event), appliedEvents: [...current.appliedEvents, event.id] };
}

/** A member first seen by an event other than the invitation (an imported member is activated directly). */
function newMember(key: string): MemberRow {
  return { _id: key, status: 'active', themes: [], workingGroups: [], appliedEvents: [] };
}

function changed(
  current: MemberRow,
  event: CloudEvent<MembershipEventData | MemberWorkingGroupChanged | { memberId: string }>,
): MemberRow {
  const at = new Date(event.time);
  switch (event.type) {
    case MemberInvitedEvent.type:
      return {
        ...current,
        ...attributesOf((event.data as MemberInvited).profile),
        status: 'invited',
        invitedAt: at,
      };
    case InvitationDeclinedEvent.type:
      return { ...current, status: 'declined', declinedAt: at };
    case InvitationRevokedEvent.type:
      return { ...current, status: 'revoked' };
    case MemberActivatedEvent.type: {
      const data = event.data as MemberActivated;
      return {
        ...current,
        ...attributesOf(data.profile),
        status: 'active',
        joinedAt: new Date(data.joinedAt),
      };
    }
    case MemberProfileUpdatedEvent.type:
      return { ...current, ...attributesOf((event.data as MemberProfileUpdated).profile) };
    case MemberJoinedWorkingGroupEvent.type: {
      const { workingGroupId } = event.data as MemberWorkingGroupChanged;
      if (current.workingGroups.includes(workingGroupId)) return current;
      return { ...current, workingGroups: [...current.workingGroups, workingGroupId] };
    }
    case MemberLeftWorkingGroupEvent.type: {
      const { workingGroupId } = event.data as MemberWorkingGroupChanged;
      return { ...current, workingGroups: current.workingGroups.filter((id) => id !== workingGroupId) };
    }
    case MemberDeactivatedEvent.type:
      return { ...current, status: 'inactive', leftAt: new Date((event.data as MemberDeactivated).leftAt) };
    default:
      return current;
  }
}

/** Whether the event changes the member dimension (sign-in links and mail preferences do not). */
export function changesMember(type: string): boolean {
  return MEMBER_CHANGES.has(type);
}

const MEMBER_CHANGES: ReadonlySet<string> = new Set([
  MemberInvitedEvent.type,
  InvitationDeclinedEvent.type,
  InvitationRevokedEvent.type,
  MemberActivatedEvent.type,
  MemberProfileUpdatedEvent.type,
  MemberJoinedWorkingGroupEvent.type,
  MemberLeftWorkingGroupEvent.type,
  MemberDeactivatedEvent.type,
]);

/** What of a profile the dimension keeps. A profile without a municipality has no size class. */
function attributesOf(profile: MemberProfile): Pick<MemberRow, 'federalState' | 'sector' | 'themes'> & {
  sizeClass?: MunicipalitySizeClass;
} {
  return {
    federalState: profile.federalState,
    sector: profile.sector,
    themes: [...profile.themes],
    sizeClass: profile.municipality ? sizeClassOf(profile.municipality.population) : undefined,
  };
}
