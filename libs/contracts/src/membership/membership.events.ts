import { defineEvent, eventDataSchema } from '../events/event-contract';
import { ActorRole } from '../identity';
import { DomainTopics } from '../topics';
import {
  Actor,
  actorRoleSchema,
  actorSchema,
  actorSubjectSchema,
  exampleProfile,
  exampleStaff,
  MemberProfile,
  memberProfileSchema,
  SealedToken,
  sealedTokenSchema,
  timestampSchema,
  uuidSchema,
} from './member-profile';
import { PORTAL_PATH, PORTAL_PATH_MAX_LENGTH } from './portal-path';
import { DeactivationReason, DeactivationReasons } from './vocabulary';

/** Every membership event is keyed by member id (the invitation id becomes the member's id). */
const topic = DomainTopics.membership;
const exampleIds = {
  memberId: '5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10',
  invitationId: '5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10',
};
const exampleToken = 'v1.bG9yZW0taXY.c2VhbGVkLXRva2VuLWV4YW1wbGU';

export interface MemberInvited {
  readonly memberId: string;
  readonly invitationId: string;
  readonly invitedBy: Actor;
  readonly profile: MemberProfile;
  readonly personalMessage?: string;
  readonly expiresAt: string;
  /** The link token, sealed: only the notifications service can open it for the mail. */
  readonly invitationToken: SealedToken;
}
export const MemberInvitedEvent = defineEvent<MemberInvited>({
  type: 'de.dstgb.ic.membership.MemberInvited.v1',
  topic,
  description:
    'The club appointed a person (Berufung) and sent them an invitation they can accept or decline.',
  schema: eventDataSchema(
    ['memberId', 'invitationId', 'invitedBy', 'profile', 'expiresAt', 'invitationToken'],
    {
      memberId: uuidSchema,
      invitationId: uuidSchema,
      invitedBy: actorSchema,
      profile: memberProfileSchema,
      personalMessage: { type: 'string', maxLength: 4000 },
      expiresAt: timestampSchema,
      invitationToken: sealedTokenSchema,
    },
  ),
  example: {
    ...exampleIds,
    invitedBy: exampleStaff,
    profile: exampleProfile,
    personalMessage: 'Wir freuen uns auf Ihre Erfahrung mit digital.interkommunal.',
    expiresAt: '2026-12-21T10:00:00.000Z',
    invitationToken: exampleToken,
  },
});

export interface InvitationResent {
  readonly memberId: string;
  readonly invitationId: string;
  readonly resentBy: Actor;
  readonly expiresAt: string;
  /** A new token; the previous link no longer works. */
  readonly invitationToken: SealedToken;
}
export const InvitationResentEvent = defineEvent<InvitationResent>({
  type: 'de.dstgb.ic.membership.InvitationResent.v1',
  topic,
  description: 'The office sent an open invitation again, with a new link and a new expiry.',
  schema: eventDataSchema(['memberId', 'invitationId', 'resentBy', 'expiresAt', 'invitationToken'], {
    memberId: uuidSchema,
    invitationId: uuidSchema,
    resentBy: actorSchema,
    expiresAt: timestampSchema,
    invitationToken: sealedTokenSchema,
  }),
  example: {
    ...exampleIds,
    resentBy: exampleStaff,
    expiresAt: '2026-12-21T10:00:00.000Z',
    invitationToken: exampleToken,
  },
});

export interface InvitationRevoked {
  readonly memberId: string;
  readonly invitationId: string;
  readonly revokedBy: Actor;
}
export const InvitationRevokedEvent = defineEvent<InvitationRevoked>({
  type: 'de.dstgb.ic.membership.InvitationRevoked.v1',
  topic,
  description: 'The office withdrew an open invitation; its link no longer works.',
  schema: eventDataSchema(['memberId', 'invitationId', 'revokedBy'], {
    memberId: uuidSchema,
    invitationId: uuidSchema,
    revokedBy: actorSchema,
  }),
  example: { ...exampleIds, revokedBy: exampleStaff },
});

export interface InvitationDeclined {
  readonly memberId: string;
  readonly invitationId: string;
  readonly reason?: string;
}
export const InvitationDeclinedEvent = defineEvent<InvitationDeclined>({
  type: 'de.dstgb.ic.membership.InvitationDeclined.v1',
  topic,
  description: 'The invited person declined the appointment.',
  schema: eventDataSchema(['memberId', 'invitationId'], {
    memberId: uuidSchema,
    invitationId: uuidSchema,
    reason: { type: 'string', maxLength: 2000 },
  }),
  example: { ...exampleIds, reason: 'Terminlich leider nicht möglich.' },
});

export interface MemberActivated {
  readonly memberId: string;
  readonly invitationId: string;
  readonly joinedAt: string;
  readonly profile: MemberProfile;
}
export const MemberActivatedEvent = defineEvent<MemberActivated>({
  type: 'de.dstgb.ic.membership.MemberActivated.v1',
  topic,
  description: 'The invited person accepted ("hat zugesagt") and is now an active member.',
  schema: eventDataSchema(['memberId', 'invitationId', 'joinedAt', 'profile'], {
    memberId: uuidSchema,
    invitationId: uuidSchema,
    joinedAt: timestampSchema,
    profile: memberProfileSchema,
  }),
  example: { ...exampleIds, joinedAt: '2026-11-25T09:30:00.000Z', profile: exampleProfile },
});

export interface MemberProfileUpdated {
  readonly memberId: string;
  readonly changedBy: Actor;
  readonly changedFields: readonly string[];
  readonly profile: MemberProfile;
}
export const MemberProfileUpdatedEvent = defineEvent<MemberProfileUpdated>({
  type: 'de.dstgb.ic.membership.MemberProfileUpdated.v1',
  topic,
  description: 'A member or the office changed the profile; carries the whole profile after the change.',
  schema: eventDataSchema(['memberId', 'changedBy', 'changedFields', 'profile'], {
    memberId: uuidSchema,
    changedBy: actorSchema,
    changedFields: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: { type: 'string', maxLength: 40 },
    },
    profile: memberProfileSchema,
  }),
  example: {
    memberId: exampleIds.memberId,
    changedBy: { subject: exampleIds.memberId, role: 'member' },
    changedFields: ['phone', 'themes'],
    profile: { ...exampleProfile, phone: '+49 5264 644-0', themes: ['Digitalisierung', 'Kooperation'] },
  },
});

export interface MemberWorkingGroupChanged {
  readonly memberId: string;
  readonly workingGroupId: string;
  readonly changedBy: Actor;
}
const workingGroupChangeSchema = eventDataSchema(['memberId', 'workingGroupId', 'changedBy'], {
  memberId: uuidSchema,
  workingGroupId: { type: 'string', pattern: '^[a-z0-9-]{2,60}$' },
  changedBy: actorSchema,
});
export const MemberJoinedWorkingGroupEvent = defineEvent<MemberWorkingGroupChanged>({
  type: 'de.dstgb.ic.membership.MemberJoinedWorkingGroup.v1',
  topic,
  description: 'A member joined a working group (Arbeitsgruppe).',
  schema: workingGroupChangeSchema,
  example: {
    memberId: exampleIds.memberId,
    workingGroupId: 'digitales',
    changedBy: { subject: exampleIds.memberId, role: 'member' },
  },
});
export const MemberLeftWorkingGroupEvent = defineEvent<MemberWorkingGroupChanged>({
  type: 'de.dstgb.ic.membership.MemberLeftWorkingGroup.v1',
  topic,
  description: 'A member left a working group.',
  schema: workingGroupChangeSchema,
  example: {
    memberId: exampleIds.memberId,
    workingGroupId: 'digitales',
    changedBy: { subject: exampleIds.memberId, role: 'member' },
  },
});

export interface MemberDeactivated {
  readonly memberId: string;
  readonly reason: DeactivationReason;
  readonly note?: string;
  readonly deactivatedBy: Actor;
  readonly leftAt: string;
}
export const MemberDeactivatedEvent = defineEvent<MemberDeactivated>({
  type: 'de.dstgb.ic.membership.MemberDeactivated.v1',
  topic,
  description: 'A membership ended: the member left, or the office ended it.',
  schema: eventDataSchema(['memberId', 'reason', 'deactivatedBy', 'leftAt'], {
    memberId: uuidSchema,
    reason: { enum: [...DeactivationReasons] },
    note: { type: 'string', maxLength: 2000 },
    deactivatedBy: actorSchema,
    leftAt: timestampSchema,
  }),
  example: {
    memberId: exampleIds.memberId,
    reason: 'left',
    deactivatedBy: { subject: exampleIds.memberId, role: 'member' },
    leftAt: '2027-06-30T12:00:00.000Z',
  },
});

export interface SignInLinkRequested {
  readonly memberId: string;
  readonly expiresAt: string;
  readonly signInToken: SealedToken;
  /** The portal page to go on to after signing in (PORTAL_PATH); the mail's link carries it as `?weiter=`. */
  readonly returnTo?: string;
}
export const SignInLinkRequestedEvent = defineEvent<SignInLinkRequested>({
  type: 'de.dstgb.ic.membership.SignInLinkRequested.v1',
  topic,
  description: 'A member asked for a sign-in link; the notifications service mails it.',
  schema: eventDataSchema(['memberId', 'expiresAt', 'signInToken'], {
    memberId: uuidSchema,
    expiresAt: timestampSchema,
    signInToken: sealedTokenSchema,
    returnTo: { type: 'string', maxLength: PORTAL_PATH_MAX_LENGTH, pattern: PORTAL_PATH.source },
  }),
  example: {
    memberId: exampleIds.memberId,
    expiresAt: '2026-11-25T09:45:00.000Z',
    signInToken: exampleToken,
    returnTo: '/veranstaltungen',
  },
});

/** Where a member switched announcements off or on: their profile, or the link in an announcement. */
export const AnnouncementPreferenceChannels = ['profile', 'unsubscribe-link'] as const;
export type AnnouncementPreferenceChannel = (typeof AnnouncementPreferenceChannels)[number];

export interface AnnouncementPreferenceChanged {
  readonly memberId: string;
  /** True: the member gets no announcement e-mails any more. Transactional mail is not affected. */
  readonly announcementsOptOut: boolean;
  /** Absent when the member used the unsubscribe link (no one is signed in then). */
  readonly changedBy?: Actor;
  readonly via: AnnouncementPreferenceChannel;
}
export const AnnouncementPreferenceChangedEvent = defineEvent<AnnouncementPreferenceChanged>({
  type: 'de.dstgb.ic.membership.AnnouncementPreferenceChanged.v1',
  topic,
  description:
    'A member switched the announcement e-mails about new events off or on again (in the profile or with the unsubscribe link of an announcement).',
  schema: eventDataSchema(['memberId', 'announcementsOptOut', 'via'], {
    memberId: uuidSchema,
    announcementsOptOut: { type: 'boolean' },
    changedBy: actorSchema,
    via: { enum: [...AnnouncementPreferenceChannels] },
  }),
  example: { memberId: exampleIds.memberId, announcementsOptOut: true, via: 'unsubscribe-link' },
});

export interface WorkingGroupCreated {
  readonly workingGroupId: string;
  readonly name: string;
  readonly description?: string;
  readonly createdBy: Actor;
}
export const WorkingGroupCreatedEvent = defineEvent<WorkingGroupCreated>({
  type: 'de.dstgb.ic.membership.WorkingGroupCreated.v1',
  topic,
  description: 'The office created a working group. Keyed by the working group id.',
  schema: eventDataSchema(['workingGroupId', 'name', 'createdBy'], {
    workingGroupId: { type: 'string', pattern: '^[a-z0-9-]{2,60}$' },
    name: { type: 'string', minLength: 2, maxLength: 80 },
    description: { type: 'string', maxLength: 2000 },
    createdBy: actorSchema,
  }),
  example: { workingGroupId: 'nachhaltigkeit', name: 'Nachhaltigkeit', createdBy: exampleStaff },
});

export interface MemberErased {
  readonly memberId: string;
  readonly erasedBy: Actor;
  readonly erasedAt: string;
  /**
   * True when the member was active until the erasure. Then the same write published, before this
   * event, a MemberLeftWorkingGroup per group and a MemberDeactivated (leftAt = erasedAt): readers
   * count the departure and the group sizes from those as usual, and this event only tells them to
   * forget the member. False for a membership that had ended before.
   */
  readonly endedMembership: boolean;
}
export const MemberErasedEvent = defineEvent<MemberErased>({
  type: 'de.dstgb.ic.membership.MemberErased.v1',
  topic,
  description:
    "A member's personal data was erased (DSGVO Art. 17), at their own request or by the office. Carries no personal data. " +
    'Every reader removes what it keeps about the member and keeps only aggregates and the pseudonymous id. ' +
    "The member's earlier events on this topic still carry the profile as published; replayed in order, they end with this event.",
  schema: eventDataSchema(['memberId', 'erasedBy', 'erasedAt', 'endedMembership'], {
    memberId: uuidSchema,
    erasedBy: actorSchema,
    erasedAt: timestampSchema,
    endedMembership: { type: 'boolean' },
  }),
  example: {
    memberId: exampleIds.memberId,
    erasedBy: { subject: exampleIds.memberId, role: 'member' },
    erasedAt: '2027-07-01T08:00:00.000Z',
    endedMembership: true,
  },
});

export interface SessionEnded {
  readonly sessionId: string;
  /** Whom the session signed in: a member id or the office's staff subject (also the key). */
  readonly subject: string;
  readonly role: ActorRole;
  readonly endedAt: string;
}
export const SessionEndedEvent = defineEvent<SessionEnded>({
  type: 'de.dstgb.ic.membership.SessionEnded.v1',
  topic,
  description:
    'Someone signed out: an access token\'s session (logout) or a browser session ("Abmelden") ended before its time. ' +
    'Keyed by the subject the session signed in (a member id or a staff subject). Every gateway instance drops what it ' +
    "remembers about the subject's sessions, so the next request is checked afresh. Sessions that end with a membership " +
    '(MemberDeactivated) or an erasure (MemberErased) have no event of their own.',
  schema: eventDataSchema(['sessionId', 'subject', 'role', 'endedAt'], {
    sessionId: uuidSchema,
    subject: actorSubjectSchema,
    role: actorRoleSchema,
    endedAt: timestampSchema,
  }),
  example: {
    sessionId: '0f8e6a3c-2b1d-4c5e-8f7a-9b0c1d2e3f40',
    subject: exampleIds.memberId,
    role: 'member',
    endedAt: '2026-11-21T17:30:00.000Z',
  },
});

export const membershipEventContracts = [
  MemberInvitedEvent,
  InvitationResentEvent,
  InvitationRevokedEvent,
  InvitationDeclinedEvent,
  MemberActivatedEvent,
  MemberProfileUpdatedEvent,
  MemberJoinedWorkingGroupEvent,
  MemberLeftWorkingGroupEvent,
  MemberDeactivatedEvent,
  SignInLinkRequestedEvent,
  WorkingGroupCreatedEvent,
  AnnouncementPreferenceChangedEvent,
  MemberErasedEvent,
  SessionEndedEvent,
] as const;
