import { BrowserSessionReply } from '@ic/contracts';
import { createHash } from 'node:crypto';
import { MembershipEnv } from '../membership.env';
import { Session } from './session';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** A member's browser session moves its expiry on at most this often (one write a day, not per request). */
export const RENEWAL_INTERVAL_MS = DAY_MS;

/** How long browser sessions last: a member's from its last renewal (sliding), the office's from sign-in. */
export class BrowserSessionLifetimes {
  constructor(
    readonly memberMs: number,
    readonly staffMs: number,
  ) {}

  static fromEnv(
    env: Pick<MembershipEnv, 'MEMBER_BROWSER_SESSION_DAYS' | 'STAFF_BROWSER_SESSION_HOURS'>,
  ): BrowserSessionLifetimes {
    return new BrowserSessionLifetimes(
      env.MEMBER_BROWSER_SESSION_DAYS * DAY_MS,
      env.STAFF_BROWSER_SESSION_HOURS * HOUR_MS,
    );
  }

  of(role: Session['role']): number {
    return role === 'member' ? this.memberMs : this.staffMs;
  }
}

/**
 * The session id behind a cookie, from the SHA-256 of its secret: a UUID (version 4 layout) made of
 * a second hash. The session is found by `_id`, and the id,
 * which travels in every request's identity and in logs, does not give away the hash that finds it.
 */
export function browserSessionIdOf(sessionSecretHash: string): string {
  const bytes = createHash('sha256').update(`ic-browser-session:${sessionSecretHash}`).digest();
  bytes.writeUInt8((bytes.readUInt8(6) & 0x0f) | 0x40, 6);
  bytes.writeUInt8((bytes.readUInt8(8) & 0x3f) | 0x80, 8);
  const hex = bytes.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function newBrowserSession(
  subject: string,
  role: Session['role'],
  sessionSecretHash: string,
  now: Date,
  lifetimes: BrowserSessionLifetimes,
  operations = false,
): Session {
  return {
    id: browserSessionIdOf(sessionSecretHash),
    kind: 'browser',
    subject,
    role,
    ...(operations ? { operations: true } : {}),
    createdAt: now,
    expiresAt: new Date(now.getTime() + lifetimes.of(role)),
  };
}

/** Not revoked and not expired; whether the member still is one is the caller's to check. */
export function isOpenAt(session: Pick<Session, 'revokedAt' | 'expiresAt'>, now: Date): boolean {
  return !session.revokedAt && session.expiresAt.getTime() > now.getTime();
}

/**
 * The expiry a use of an open session moves on to, or undefined: a member's browser session slides
 * (a full lifetime from now), but at most once a day; the office's sessions and access tokens never.
 */
export function renewedExpiry(
  session: Pick<Session, 'kind' | 'role' | 'createdAt' | 'renewedAt'>,
  now: Date,
  lifetimes: BrowserSessionLifetimes,
): Date | undefined {
  if (session.kind !== 'browser' || session.role !== 'member') return undefined;
  const lastMoved = (session.renewedAt ?? session.createdAt).getTime();
  if (now.getTime() - lastMoved < RENEWAL_INTERVAL_MS) return undefined;
  return new Date(now.getTime() + lifetimes.memberMs);
}

export function toBrowserSessionReply(
  session: Pick<Session, 'id' | 'subject' | 'role' | 'operations' | 'expiresAt'>,
): BrowserSessionReply {
  return {
    sessionId: session.id,
    subject: session.subject,
    role: session.role,
    ...(session.operations ? { operations: true } : {}),
    expiresAt: session.expiresAt.toISOString(),
  };
}
