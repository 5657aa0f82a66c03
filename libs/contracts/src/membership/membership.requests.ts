import { defineRequest } from '../requests/request-pattern';
import {
  CreateWorkingGroupRequest,
  DirectoryQuery,
  InvitationIdRequest,
  InvitationListQuery,
  MemberIdRequest,
  MemberHistoryRequest,
  WorkingGroupIdRequest,
  WorkingGroupMemberRequest,
} from './membership.dto';
import {
  ImportMemberRequest,
  UpdateOwnProfileRequest,
  UpdateProfileOfMemberRequest,
} from './member-profile.dto';
import { InviteMemberRequest } from './invitations.dto';
import {
  EndMembershipOfMemberRequest,
  EndMembershipRequest,
  EraseDataOfMemberRequest,
  EraseMemberDataRequest,
} from './leaving.dto';
import {
  DeclineInvitationRequest,
  InvitationAcceptanceRequest,
  LinkTokenRequest,
  LogoutRequest,
  SessionRequest,
  SessionSecretHashesRequest,
  SessionSecretHashRequest,
  SessionsRequest,
  SignInLinkRequest,
  StaffLoginRequest,
  StartMemberBrowserSessionRequest,
  StartStaffBrowserSessionRequest,
  UnsubscribeAnnouncementsRequest,
} from './sign-in.dto';
import { actorSchema, memberProfileSchema, municipalitySchema } from './member-profile';
import { CloneType, ClosedObject, Nullable, OneOf, Shape, Timestamp, TSchema, Type, Uuid } from '../schema';
import { DeactivationReasons, InvitationStatuses, MemberStatuses } from './vocabulary';

/** One page of a list, and the cursor of the next (null on the last page). */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

/** The schema of a `Page` of these items. */
export function PageOf<Item extends TSchema>(items: Item, nextCursor?: { description: string }) {
  return ClosedObject({ items: Type.Array(items), nextCursor: Nullable(Type.String(), nextCursor) });
}

/** Who signs in, as the answers name them. */
export const signedInRoleSchema = CloneType(OneOf(['staff', 'member']), { example: 'member' });
export const signedInSubjectSchema = Type.String({
  description: 'ID des Mitglieds oder des Kontos der Geschäftsstelle',
});

export const accessTokenReplySchema = ClosedObject({
  accessToken: Type.String({ description: 'Im Header `Authorization: Bearer <accessToken>` mitsenden.' }),
  tokenType: Type.Literal('Bearer', { example: 'Bearer' }),
  expiresAt: Type.String({ format: 'date-time', example: '2026-11-21T10:15:00.000Z' }),
  role: signedInRoleSchema,
  subject: signedInSubjectSchema,
});
export type AccessTokenReply = Shape<typeof accessTokenReplySchema>;

/** The failed password sign-ins of one address tried. */
export const failedSignInsOfAddressSchema = ClosedObject({
  email: Type.String({ example: 'leitung@innovators-club.example', description: 'Die versuchte Adresse' }),
  /** Whether the address is an office account (else no account has it). */
  officeAccount: Type.Boolean({
    example: true,
    description: 'Ob die Adresse ein Konto der Geschäftsstelle ist (sonst hat sie kein Konto)',
  }),
  failures: Type.Integer({
    example: 3,
    minimum: 1,
    description: 'Fehlversuche in den letzten Tagen (`days`)',
  }),
  lastFailureAt: Type.String({ format: 'date-time', example: '2026-11-21T10:14:12.000Z' }),
  /** When the address may try again (the slowdown); null: at once. */
  nextAttemptAt: Nullable(Timestamp(), {
    example: '2026-11-21T10:14:14.000Z',
    description:
      'Ab wann die Adresse es wieder versuchen kann: nach mehreren Fehlversuchen in Folge wartet jeder ' +
      'weitere länger (1 s, 2 s, 4 s … höchstens 60 s). `null`: sofort.',
  }),
});
export type FailedSignInsOfAddress = Shape<typeof failedSignInsOfAddressSchema>;

/** The office's failed password sign-ins of the last days, per address tried. */
export const failedSignInsReplySchema = ClosedObject({
  /** How many days back the answer looks. */
  days: Type.Integer({ example: 7, description: 'So viele Tage reicht die Antwort zurück' }),
  /** Newest failure first; when there are very many, only the newest (`addressCount`: all of them). */
  addresses: Type.Array(failedSignInsOfAddressSchema, {
    description: 'Je Adresse, die jüngste zuerst; bei sehr vielen nur die 50 jüngsten',
  }),
  addressCount: Type.Integer({ example: 1, description: 'Wie viele Adressen es waren' }),
});
export type FailedSignInsReply = Shape<typeof failedSignInsReplySchema>;

const profile = memberProfileSchema.properties;

/** The municipality of a profile, with the examples the API document shows. */
export const municipalityReplySchema = ClosedObject({
  name: CloneType(municipalitySchema.properties.name, { example: 'Kalletal' }),
  ags: CloneType(municipalitySchema.properties.ags, {
    description: 'Amtlicher Gemeindeschlüssel',
    example: '05766040',
  }),
  population: CloneType(municipalitySchema.properties.population, { example: 13900 }),
});

/** How a person is named and addressed, and where they work: shared by invitations, members and entries. */
export const personNameProperties = {
  salutation: CloneType(profile.salutation, { example: 'Herr' }),
  academicTitle: profile.academicTitle,
  officeTitle: CloneType(profile.officeTitle, { example: 'Bürgermeister' }),
  firstName: CloneType(profile.firstName, { example: 'Jonas' }),
  lastName: CloneType(profile.lastName, { example: 'Beispiel' }),
  organisation: CloneType(profile.organisation, { example: 'Gemeinde Kalletal' }),
};

/** An invitation (Berufung) as the office sees it. */
export const invitationReplySchema = ClosedObject({
  ...personNameProperties,
  id: Uuid(),
  status: CloneType(OneOf(InvitationStatuses), { example: 'open' }),
  email: Type.String({ example: 'jonas.beispiel@kalletal.example' }),
  sector: profile.sector,
  federalState: profile.federalState,
  municipality: Type.Optional(municipalityReplySchema),
  themes: profile.themes,
  personalMessage: Type.Optional(Type.String()),
  invitedBy: Type.String({ description: 'Konto der Geschäftsstelle, das eingeladen hat' }),
  createdAt: Timestamp(),
  expiresAt: Timestamp(),
  sentCount: Type.Integer({ description: 'Wie oft die Einladungs-E-Mail verschickt wurde', example: 1 }),
  answeredAt: Type.Optional(Timestamp()),
});
export type InvitationReply = Shape<typeof invitationReplySchema>;

export const invitationPageReplySchema = PageOf(invitationReplySchema, {
  description: 'cursor der nächsten Seite; null auf der letzten',
});

/** What the invited person sees on the link's page, before answering. */
export const invitationPreviewReplySchema = ClosedObject({
  ...personNameProperties,
  personalMessage: Type.Optional(Type.String()),
  expiresAt: Timestamp(),
  status: OneOf(InvitationStatuses),
});
export type InvitationPreviewReply = Shape<typeof invitationPreviewReplySchema>;

/** A member as the member themselves and the office see them. */
export const memberReplySchema = ClosedObject({
  ...personNameProperties,
  id: Uuid(),
  status: CloneType(OneOf(MemberStatuses), { example: 'active' }),
  email: CloneType(profile.email, { example: 'jonas.beispiel@kalletal.example' }),
  phone: CloneType(profile.phone, { example: '+49 5264 644-0' }),
  position: CloneType(profile.position, { example: 'Bürgermeister' }),
  sector: CloneType(profile.sector, { example: 'Kommune' }),
  federalState: CloneType(profile.federalState, { example: 'NW' }),
  municipality: Type.Optional(municipalityReplySchema),
  themes: profile.themes,
  biography: profile.biography,
  salutationLine: CloneType(profile.salutationLine, {
    example: 'Sehr geehrte Frau Bürgermeisterin, liebe Frau Brenner,',
    description: 'Anrede in den E-Mails, von der Geschäftsstelle festgelegt',
  }),
  workingGroups: Type.Array(Type.String(), { example: ['digitales'] }),
  joinedAt: Timestamp(),
  leftAt: Type.Optional(Timestamp()),
  leaveReason: Type.Optional(OneOf(DeactivationReasons)),
  announcementsOptOut: Type.Boolean({ example: false }),
});
export type MemberReply = Shape<typeof memberReplySchema>;

/** The limited view other members get in the directory: no e-mail, phone or population. */
export const directoryEntryReplySchema = ClosedObject({
  ...personNameProperties,
  id: Uuid(),
  position: profile.position,
  sector: profile.sector,
  federalState: profile.federalState,
  municipalityName: Type.Optional(Type.String({ example: 'Kalletal' })),
  themes: profile.themes,
  workingGroups: Type.Array(Type.String(), { example: ['nachhaltigkeit'] }),
});
export type DirectoryEntryReply = Shape<typeof directoryEntryReplySchema>;

/** The office and the member themselves get the full record, other members the entry. */
export const directoryPageReplySchema = ClosedObject({
  items: Type.Array(Type.Union([memberReplySchema, directoryEntryReplySchema]), {
    description: 'Mitglieder sehen Verzeichniseinträge, die Geschäftsstelle vollständige Datensätze.',
  }),
  nextCursor: Nullable(Type.String(), { description: 'cursor der nächsten Seite; null auf der letzten' }),
});

export const historyEntryReplySchema = ClosedObject({
  eventId: Uuid(),
  type: Type.String({ example: 'de.dstgb.ic.membership.MemberProfileUpdated.v1' }),
  at: Timestamp(),
  by: Type.Optional(actorSchema),
  /** What changed, in words for the office, e.g. "Profil geändert: phone, themes". */
  summary: Type.String({ example: 'Profil geändert: phone, themes' }),
});
export type HistoryEntryReply = Shape<typeof historyEntryReplySchema>;

export const historyPageReplySchema = PageOf(historyEntryReplySchema);

export const workingGroupReplySchema = ClosedObject({
  id: Type.String({ example: 'digitales' }),
  name: Type.String({ example: 'Digitales' }),
  description: Type.Optional(Type.String()),
  memberCount: Type.Integer({ example: 24 }),
});
export type WorkingGroupReply = Shape<typeof workingGroupReplySchema>;

/** The answer to an erasure: what is left of the member is the pseudonymous id. */
export const memberErasureReplySchema = ClosedObject({
  memberId: Type.String({ format: 'uuid', description: 'Die pseudonyme Kennung, die als Einzige bleibt' }),
  erasedAt: Timestamp(),
  message: Type.String({
    example:
      'Die personenbezogenen Daten wurden gelöscht. Es bleibt nur eine pseudonyme Kennung für die Statistik; …',
  }),
});
export type MemberErasureReply = Shape<typeof memberErasureReplySchema>;

/**
 * A browser session as the membership service answers about it. Its secret lives only in the
 * browser's cookie; the gateway sends the secret's SHA-256 (hex), which the service stores.
 */
export interface BrowserSessionReply {
  readonly sessionId: string;
  readonly subject: string;
  readonly role: 'staff' | 'member';
  /** A staff account that also holds the operations role (STAFF_OPERATIONS). */
  readonly operations?: boolean;
  readonly expiresAt: string;
}

/** Whether a browser session counts; `renewed`: this answer moved its expiry on (set the cookie again). */
export type BrowserSessionResolution =
  { readonly active: false } | (BrowserSessionReply & { readonly active: true; readonly renewed: boolean });

/**
 * Whether an access token's session counts, and whom it signs in: the gateway refuses a token whose
 * `sub` or `role` differ from its session's (a validly signed token must not grant more than its session).
 */
export type SessionActivity =
  | { readonly active: false }
  | (Pick<BrowserSessionReply, 'subject' | 'role' | 'operations'> & { readonly active: true });

export interface InvitationAcceptedReply {
  readonly memberId: string;
  readonly session?: BrowserSessionReply;
}

/**
 * A password check is slow on purpose (scrypt, about 0.4 s of a core and 128 MiB): beside other work
 * on a busy machine it took over 5 s, the gateway's usual wait.
 */
const PASSWORD_CHECK_TIMEOUT_MS = 15_000;

export const MembershipRequests = {
  staffLogin: defineRequest<StaffLoginRequest, AccessTokenReply>('membership', 'auth.staff-login', {
    timeoutMs: PASSWORD_CHECK_TIMEOUT_MS,
  }),
  logout: defineRequest<LogoutRequest, { loggedOut: true }>('membership', 'auth.logout'),
  /** One token's session: what gateways of earlier releases ask (sessionsActive asks for many). */
  sessionActive: defineRequest<SessionRequest, SessionActivity>('membership', 'auth.session-active'),
  /** Many tokens' sessions in one request, each answered as sessionActive would, in the order asked. */
  sessionsActive: defineRequest<SessionsRequest, { sessions: SessionActivity[] }>(
    'membership',
    'auth.sessions-active',
  ),
  requestSignInLink: defineRequest<SignInLinkRequest, { accepted: true }>(
    'membership',
    'auth.request-sign-in-link',
  ),
  redeemSignInLink: defineRequest<LinkTokenRequest, AccessTokenReply>(
    'membership',
    'auth.redeem-sign-in-link',
  ),
  /** Redeems a sign-in link (its rules as redeemSignInLink) into a member's browser session. */
  startMemberBrowserSession: defineRequest<StartMemberBrowserSessionRequest, BrowserSessionReply>(
    'membership',
    'auth.browser-session.start-member',
  ),
  /** The office's e-mail and password (the rules of staffLogin, its slowdown included) into a browser session. */
  startStaffBrowserSession: defineRequest<StartStaffBrowserSessionRequest, BrowserSessionReply>(
    'membership',
    'auth.browser-session.start-staff',
    { timeoutMs: PASSWORD_CHECK_TIMEOUT_MS },
  ),
  /** The session of a cookie, by its secret's hash; renews a member's session at most once a day. */
  resolveBrowserSession: defineRequest<SessionSecretHashRequest, BrowserSessionResolution>(
    'membership',
    'auth.browser-session.resolve',
  ),
  /** Many cookies' sessions in one request, each answered as resolveBrowserSession would, in the order asked. */
  resolveBrowserSessions: defineRequest<
    SessionSecretHashesRequest,
    { resolutions: BrowserSessionResolution[] }
  >('membership', 'auth.browser-sessions.resolve'),
  /** Ends the session of a cookie at once; also answers when it is gone already. */
  endBrowserSession: defineRequest<SessionSecretHashRequest, { ended: true }>(
    'membership',
    'auth.browser-session.end',
  ),
  /** For the office: the failed password sign-ins of the last 7 days. The request has no fields. */
  failedSignIns: defineRequest<Record<string, never>, FailedSignInsReply>(
    'membership',
    'auth.failed-sign-ins',
  ),

  invite: defineRequest<InviteMemberRequest, InvitationReply>('membership', 'invitations.create'),
  listInvitations: defineRequest<InvitationListQuery, Page<InvitationReply>>(
    'membership',
    'invitations.list',
  ),
  getInvitation: defineRequest<InvitationIdRequest, InvitationReply>('membership', 'invitations.get'),
  resendInvitation: defineRequest<InvitationIdRequest, InvitationReply>('membership', 'invitations.resend'),
  revokeInvitation: defineRequest<InvitationIdRequest, InvitationReply>('membership', 'invitations.revoke'),
  previewInvitation: defineRequest<LinkTokenRequest, InvitationPreviewReply>(
    'membership',
    'invitations.preview',
  ),
  acceptInvitation: defineRequest<InvitationAcceptanceRequest, InvitationAcceptedReply>(
    'membership',
    'invitations.accept',
  ),
  declineInvitation: defineRequest<DeclineInvitationRequest, { declined: true }>(
    'membership',
    'invitations.decline',
  ),

  getMember: defineRequest<MemberIdRequest, MemberReply | DirectoryEntryReply>('membership', 'members.get'),
  updateOwnProfile: defineRequest<UpdateOwnProfileRequest, MemberReply>('membership', 'members.update-own'),
  updateMember: defineRequest<UpdateProfileOfMemberRequest, MemberReply>('membership', 'members.update'),
  directory: defineRequest<DirectoryQuery, Page<DirectoryEntryReply | MemberReply>>(
    'membership',
    'members.directory',
  ),
  history: defineRequest<MemberHistoryRequest, Page<HistoryEntryReply>>('membership', 'members.history'),
  /** Public: the token of the link is the proof; the answer is the same for every valid token. */
  unsubscribeAnnouncements: defineRequest<UnsubscribeAnnouncementsRequest, { unsubscribed: true }>(
    'membership',
    'members.unsubscribe-announcements',
  ),
  importMember: defineRequest<ImportMemberRequest, MemberReply>('membership', 'members.import'),
  leave: defineRequest<EndMembershipRequest, MemberReply>('membership', 'members.leave'),
  endMembership: defineRequest<EndMembershipOfMemberRequest, MemberReply>('membership', 'members.end'),
  eraseOwnData: defineRequest<EraseMemberDataRequest, MemberErasureReply>('membership', 'members.erase-own'),
  eraseMemberData: defineRequest<EraseDataOfMemberRequest, MemberErasureReply>('membership', 'members.erase'),

  listWorkingGroups: defineRequest<Record<string, never>, WorkingGroupReply[]>(
    'membership',
    'working-groups.list',
  ),
  createWorkingGroup: defineRequest<CreateWorkingGroupRequest, WorkingGroupReply>(
    'membership',
    'working-groups.create',
  ),
  joinWorkingGroup: defineRequest<WorkingGroupIdRequest, MemberReply>('membership', 'working-groups.join'),
  leaveWorkingGroup: defineRequest<WorkingGroupIdRequest, MemberReply>('membership', 'working-groups.leave'),
  /** The office puts an active member into a working group; doing it twice changes nothing. */
  addToWorkingGroup: defineRequest<WorkingGroupMemberRequest, MemberReply>(
    'membership',
    'working-groups.add-member',
  ),
  /** The office takes a member out of a working group; doing it twice changes nothing. */
  removeFromWorkingGroup: defineRequest<WorkingGroupMemberRequest, MemberReply>(
    'membership',
    'working-groups.remove-member',
  ),
} as const;
