import { defineEvent } from '../events/event-contract';
import { EventDataSchema, OneOf, Shape, Timestamp, Type, Uuid } from '../schema';
import { DomainTopics } from '../topics';
import {
  actorRoleSchema,
  actorSchema,
  actorSubjectSchema,
  exampleProfile,
  exampleStaff,
  memberProfileSchema,
  sealedTokenSchema,
} from './member-profile';
import { PORTAL_PATH, PORTAL_PATH_MAX_LENGTH } from './portal-path';
import { DeactivationReasons } from './vocabulary';

/** Every membership event is keyed by member id (the invitation id becomes the member's id). */
const topic = DomainTopics.membership;
const exampleIds = {
  memberId: '5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10',
  invitationId: '5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10',
};
const exampleToken = 'v1.bG9yZW0taXY.c2VhbGVkLXRva2VuLWV4YW1wbGU';

export const memberInvitedData = EventDataSchema({
  memberId: Uuid(),
  invitationId: Uuid(),
  invitedBy: actorSchema,
  profile: memberProfileSchema,
  personalMessage: Type.Optional(Type.String({ maxLength: 4000 })),
  expiresAt: Timestamp(),
  /** The link token, sealed: only the notifications service can open it for the mail. */
  invitationToken: sealedTokenSchema,
});
export type MemberInvited = Shape<typeof memberInvitedData>;
export const MemberInvitedEvent = defineEvent({
  type: 'de.dstgb.ic.membership.MemberInvited.v1',
  topic,
  description:
    'The club appointed a person (Berufung) and sent them an invitation they can accept or decline.',
  schema: memberInvitedData,
  example: {
    ...exampleIds,
    invitedBy: exampleStaff,
    profile: exampleProfile,
    personalMessage: 'Wir freuen uns auf Ihre Erfahrung mit digital.interkommunal.',
    expiresAt: '2026-12-21T10:00:00.000Z',
    invitationToken: exampleToken,
  },
});

export const invitationResentData = EventDataSchema({
  memberId: Uuid(),
  invitationId: Uuid(),
  resentBy: actorSchema,
  expiresAt: Timestamp(),
  /** A new token; the previous link no longer works. */
  invitationToken: sealedTokenSchema,
});
export type InvitationResent = Shape<typeof invitationResentData>;
export const InvitationResentEvent = defineEvent({
  type: 'de.dstgb.ic.membership.InvitationResent.v1',
  topic,
  description: 'The office sent an open invitation again, with a new link and a new expiry.',
  schema: invitationResentData,
  example: {
    ...exampleIds,
    resentBy: exampleStaff,
    expiresAt: '2026-12-21T10:00:00.000Z',
    invitationToken: exampleToken,
  },
});

export const invitationRevokedData = EventDataSchema({
  memberId: Uuid(),
  invitationId: Uuid(),
  revokedBy: actorSchema,
});
export type InvitationRevoked = Shape<typeof invitationRevokedData>;
export const InvitationRevokedEvent = defineEvent({
  type: 'de.dstgb.ic.membership.InvitationRevoked.v1',
  topic,
  description: 'The office withdrew an open invitation; its link no longer works.',
  schema: invitationRevokedData,
  example: { ...exampleIds, revokedBy: exampleStaff },
});

export const invitationDeclinedData = EventDataSchema({
  memberId: Uuid(),
  invitationId: Uuid(),
  reason: Type.Optional(Type.String({ maxLength: 2000 })),
});
export type InvitationDeclined = Shape<typeof invitationDeclinedData>;
export const InvitationDeclinedEvent = defineEvent({
  type: 'de.dstgb.ic.membership.InvitationDeclined.v1',
  topic,
  description: 'The invited person declined the appointment.',
  schema: invitationDeclinedData,
  example: { ...exampleIds, reason: 'Terminlich leider nicht möglich.' },
});

export const memberActivatedData = EventDataSchema({
  memberId: Uuid(),
  invitationId: Uuid(),
  joinedAt: Timestamp(),
  profile: memberProfileSchema,
});
export type MemberActivated = Shape<typeof memberActivatedData>;
export const MemberActivatedEvent = defineEvent({
  type: 'de.dstgb.ic.membership.MemberActivated.v1',
  topic,
  description: 'The invited person accepted ("hat zugesagt") and is now an active member.',
  schema: memberActivatedData,
  example: { ...exampleIds, joinedAt: '2026-11-25T09:30:00.000Z', profile: exampleProfile },
});

export const memberProfileUpdatedData = EventDataSchema({
  memberId: Uuid(),
  changedBy: actorSchema,
  changedFields: Type.Array(Type.String({ maxLength: 40 }), { minItems: 1, uniqueItems: true }),
  profile: memberProfileSchema,
});
export type MemberProfileUpdated = Shape<typeof memberProfileUpdatedData>;
export const MemberProfileUpdatedEvent = defineEvent({
  type: 'de.dstgb.ic.membership.MemberProfileUpdated.v1',
  topic,
  description: 'A member or the office changed the profile; carries the whole profile after the change.',
  schema: memberProfileUpdatedData,
  example: {
    memberId: exampleIds.memberId,
    changedBy: { subject: exampleIds.memberId, role: 'member' },
    changedFields: ['phone', 'themes'],
    profile: { ...exampleProfile, phone: '+49 5264 644-0', themes: ['Digitalisierung', 'Kooperation'] },
  },
});

const workingGroupIdSchema = Type.String({ pattern: '^[a-z0-9-]{2,60}$' });

export const memberWorkingGroupChangedData = EventDataSchema({
  memberId: Uuid(),
  workingGroupId: workingGroupIdSchema,
  changedBy: actorSchema,
});
export type MemberWorkingGroupChanged = Shape<typeof memberWorkingGroupChangedData>;
export const MemberJoinedWorkingGroupEvent = defineEvent({
  type: 'de.dstgb.ic.membership.MemberJoinedWorkingGroup.v1',
  topic,
  description: 'A member joined a working group (Arbeitsgruppe).',
  schema: memberWorkingGroupChangedData,
  example: {
    memberId: exampleIds.memberId,
    workingGroupId: 'digitales',
    changedBy: { subject: exampleIds.memberId, role: 'member' },
  },
});
export const MemberLeftWorkingGroupEvent = defineEvent({
  type: 'de.dstgb.ic.membership.MemberLeftWorkingGroup.v1',
  topic,
  description: 'A member left a working group.',
  schema: memberWorkingGroupChangedData,
  example: {
    memberId: exampleIds.memberId,
    workingGroupId: 'digitales',
    changedBy: { subject: exampleIds.memberId, role: 'member' },
  },
});

export const memberDeactivatedData = EventDataSchema({
  memberId: Uuid(),
  reason: OneOf(DeactivationReasons),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
  deactivatedBy: actorSchema,
  leftAt: Timestamp(),
});
export type MemberDeactivated = Shape<typeof memberDeactivatedData>;
export const MemberDeactivatedEvent = defineEvent({
  type: 'de.dstgb.ic.membership.MemberDeactivated.v1',
  topic,
  description: 'A membership ended: the member left, or the office ended it.',
  schema: memberDeactivatedData,
  example: {
    memberId: exampleIds.memberId,
    reason: 'left',
    deactivatedBy: { subject: exampleIds.memberId, role: 'member' },
    leftAt: '2027-06-30T12:00:00.000Z',
  },
});

export const signInLinkRequestedData = EventDataSchema({
  memberId: Uuid(),
  expiresAt: Timestamp(),
  signInToken: sealedTokenSchema,
  /** The portal page to go on to after signing in (PORTAL_PATH); the mail's link carries it as `?weiter=`. */
  returnTo: Type.Optional(Type.String({ maxLength: PORTAL_PATH_MAX_LENGTH, pattern: PORTAL_PATH.source })),
});
export type SignInLinkRequested = Shape<typeof signInLinkRequestedData>;
export const SignInLinkRequestedEvent = defineEvent({
  type: 'de.dstgb.ic.membership.SignInLinkRequested.v1',
  topic,
  description: 'A member asked for a sign-in link; the notifications service mails it.',
  schema: signInLinkRequestedData,
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

export const announcementPreferenceChangedData = EventDataSchema({
  memberId: Uuid(),
  /** True: the member gets no announcement e-mails any more. Transactional mail is not affected. */
  announcementsOptOut: Type.Boolean(),
  /** Absent when the member used the unsubscribe link (no one is signed in then). */
  changedBy: Type.Optional(actorSchema),
  via: OneOf(AnnouncementPreferenceChannels),
});
export type AnnouncementPreferenceChanged = Shape<typeof announcementPreferenceChangedData>;
export const AnnouncementPreferenceChangedEvent = defineEvent({
  type: 'de.dstgb.ic.membership.AnnouncementPreferenceChanged.v1',
  topic,
  description:
    'A member switched the announcement e-mails about new events off or on again (in the profile or with the unsubscribe link of an announcement).',
  schema: announcementPreferenceChangedData,
  example: { memberId: exampleIds.memberId, announcementsOptOut: true, via: 'unsubscribe-link' },
});

export const workingGroupCreatedData = EventDataSchema({
  workingGroupId: workingGroupIdSchema,
  name: Type.String({ minLength: 2, maxLength: 80 }),
  description: Type.Optional(Type.String({ maxLength: 2000 })),
  createdBy: actorSchema,
});
export type WorkingGroupCreated = Shape<typeof workingGroupCreatedData>;
export const WorkingGroupCreatedEvent = defineEvent({
  type: 'de.dstgb.ic.membership.WorkingGroupCreated.v1',
  topic,
  description: 'The office created a working group. Keyed by the working group id.',
  schema: workingGroupCreatedData,
  example: { workingGroupId: 'nachhaltigkeit', name: 'Nachhaltigkeit', createdBy: exampleStaff },
});

export const memberErasedData = EventDataSchema({
  memberId: Uuid(),
  erasedBy: actorSchema,
  erasedAt: Timestamp(),
  /**
   * True when the member was active until the erasure. Then the same write published, before this
   * event, a MemberLeftWorkingGroup per group and a MemberDeactivated (leftAt = erasedAt): readers
   * count the departure and the group sizes from those as usual, and this event only tells them to
   * forget the member. False for a membership that had ended before.
   */
  endedMembership: Type.Boolean(),
});
export type MemberErased = Shape<typeof memberErasedData>;
export const MemberErasedEvent = defineEvent({
  type: 'de.dstgb.ic.membership.MemberErased.v1',
  topic,
  description:
    "A member's personal data was erased (DSGVO Art. 17), at their own request or by the office. Carries no personal data. " +
    'Every reader removes what it keeps about the member and keeps only aggregates and the pseudonymous id. ' +
    "The member's earlier events on this topic still carry the profile as published; replayed in order, they end with this event.",
  schema: memberErasedData,
  example: {
    memberId: exampleIds.memberId,
    erasedBy: { subject: exampleIds.memberId, role: 'member' },
    erasedAt: '2027-07-01T08:00:00.000Z',
    endedMembership: true,
  },
});

export const sessionEndedData = EventDataSchema({
  sessionId: Uuid(),
  /** Whom the session signed in: a member id or the office's staff subject (also the key). */
  subject: actorSubjectSchema,
  role: actorRoleSchema,
  endedAt: Timestamp(),
});
export type SessionEnded = Shape<typeof sessionEndedData>;
export const SessionEndedEvent = defineEvent({
  type: 'de.dstgb.ic.membership.SessionEnded.v1',
  topic,
  description:
    'Someone signed out: an access token\'s session (logout) or a browser session ("Abmelden") ended before its time. ' +
    'Keyed by the subject the session signed in (a member id or a staff subject). Every gateway instance drops what it ' +
    "remembers about the subject's sessions, so the next request is checked afresh. Sessions that end with a membership " +
    '(MemberDeactivated) or an erasure (MemberErased) have no event of their own.',
  schema: sessionEndedData,
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
