import { addOutboxTo, AggregateRecord, OutboxDocument } from '@ic/persistence';
import { Schema } from 'mongoose';

export const STAFF_ACCOUNT_MODEL = 'StaffAccount';
export const SESSION_MODEL = 'Session';
export const FAILED_LOGIN_STREAK_MODEL = 'FailedLoginStreak';
export const FAILED_SIGN_IN_MODEL = 'FailedSignIn';
export const SIGN_IN_LINK_MODEL = 'SignInLink';
export const SIGN_IN_LINK_USE_MODEL = 'SignInLinkUse';
export const SIGN_IN_LINK_QUOTA_MODEL = 'SignInLinkQuota';
export const SIGN_IN_LINKS_COLLECTION = 'sign_in_links';

/** `_id` is the normalised e-mail address: one account per address, created by insert. */
export interface StaffAccountRecord {
  _id: string;
  /** The token subject and actor id; not the address, which must not travel in events. */
  subject: string;
  name: string;
  passwordHash: string;
  createdAt: Date;
}

export const StaffAccountSchema = new Schema<StaffAccountRecord>(
  {
    _id: { type: String, required: true },
    subject: { type: String, required: true },
    name: { type: String, required: true },
    passwordHash: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'staff_accounts', versionKey: false },
);

/**
 * A sign-in: `_id` is the session id, the access token's `sid`, or for a browser session (`kind:
 * 'browser'`) a UUID derived from the hash of the cookie's secret (see browser-session.rules), so
 * that the cookie finds its session by `_id`. Older documents have no `kind`: access tokens. Ending
 * it early stores SessionEnded in its outbox, in the same write as `revokedAt`.
 */
export interface SessionRecord extends OutboxDocument {
  _id: string;
  kind?: 'token' | 'browser';
  subject: string;
  role: 'staff' | 'member';
  operations?: boolean;
  createdAt: Date;
  expiresAt: Date;
  /** A browser session: when its expiry was last moved on. */
  renewedAt?: Date;
  revokedAt?: Date;
}

export const SessionSchema = new Schema<SessionRecord>(
  {
    _id: { type: String, required: true },
    kind: { type: String, enum: ['token', 'browser'] },
    subject: { type: String, required: true },
    role: { type: String, enum: ['staff', 'member'], required: true },
    operations: { type: Boolean },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    renewedAt: { type: Date },
    revokedAt: { type: Date },
  },
  { collection: 'sessions', versionKey: false },
);
addOutboxTo(SessionSchema);

/**
 * The office's password sign-ins that failed in a row for one address (`_id`, normalised; also for
 * addresses without an account, which must look the same): the next attempt waits longer after
 * each (staff-login.rules). Removed by a sign-in that succeeds.
 */
export interface FailedLoginStreakRecord {
  _id: string;
  failures: number;
  lastFailureAt: Date;
}

export const FailedLoginStreakSchema = new Schema<FailedLoginStreakRecord>(
  {
    _id: { type: String, required: true },
    failures: { type: Number, required: true },
    lastFailureAt: { type: Date, required: true },
  },
  { collection: 'failed_login_streaks', versionKey: false },
);

/**
 * The journal of the office's password sign-ins that failed (`_id` a random UUID): when, the
 * address tried (normalised) and whether an office account has it; never the password. Entries
 * older than 30 days are removed when a new one is written (the local database ignores TTL indexes).
 */
export interface FailedSignInRecord {
  _id: string;
  email: string;
  officeAccount: boolean;
  at: Date;
}

export const FailedSignInSchema = new Schema<FailedSignInRecord>(
  {
    _id: { type: String, required: true },
    email: { type: String, required: true },
    officeAccount: { type: Boolean, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'failed_sign_ins', versionKey: false },
);

/** A sign-in link: `_id` is the hash of its token; carries SignInLinkRequested in its outbox. */
export interface SignInLinkRecord extends AggregateRecord {
  memberId: string;
  createdAt: Date;
  expiresAt: Date;
}

export const SignInLinkSchema = new Schema<SignInLinkRecord>(
  {
    _id: { type: String, required: true },
    revision: { type: Number, required: true },
    memberId: { type: String, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { collection: SIGN_IN_LINKS_COLLECTION, versionKey: false, minimize: false },
);
addOutboxTo(SignInLinkSchema);

/**
 * `_id` is the member id; when they were given links within the last hour (the hourly limit). Kept
 * apart from the links so that the limit is read by `_id`, with no index on the links' `memberId`.
 */
export interface SignInLinkQuotaRecord {
  _id: string;
  issuedAt: Date[];
}

export const SignInLinkQuotaSchema = new Schema<SignInLinkQuotaRecord>(
  { _id: { type: String, required: true }, issuedAt: { type: [Date], required: true } },
  { collection: 'sign_in_link_quotas', versionKey: false },
);

/** `_id` is the link's token hash: inserting it is what makes a link single-use. */
export interface SignInLinkUseRecord {
  _id: string;
  at: Date;
}

export const SignInLinkUseSchema = new Schema<SignInLinkUseRecord>(
  { _id: { type: String, required: true }, at: { type: Date, required: true } },
  { collection: 'sign_in_link_uses', versionKey: false },
);
