import { ForbiddenError, UnauthenticatedError } from '@ic/platform';
import { Member } from '../members/member';

/** A link to sign in, sent by mail; the token itself is only in the mail, its hash is kept. */
export interface SignInLink {
  readonly tokenHash: string;
  readonly memberId: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

export const SignInLinkMessages = {
  unknown: 'Dieser Anmeldelink ist ungültig. Bitte fordern Sie einen neuen Anmeldelink an.',
  expired: 'Dieser Anmeldelink ist abgelaufen. Bitte fordern Sie einen neuen Anmeldelink an.',
  used: 'Dieser Anmeldelink wurde bereits verwendet. Bitte fordern Sie einen neuen Anmeldelink an.',
  membershipEnded:
    'Ihre Mitgliedschaft ist beendet; eine Anmeldung ist nicht mehr möglich. Bitte wenden Sie sich an die Geschäftsstelle.',
} as const;

export const ONE_HOUR_MS = 60 * 60 * 1000;

/** Whether a new link may be sent: to an active member, within the hourly limit. */
export function mayIssueSignInLink(
  member: Pick<Member, 'status'> | null,
  linksInLastHour: number,
  perHour: number,
): boolean {
  return member !== null && member.status === 'active' && linksInLastHour < perHour;
}

export function signInLinkExpiry(from: Date, validityMinutes: number): Date {
  return new Date(from.getTime() + validityMinutes * 60 * 1000);
}

/** Why a link cannot be redeemed now, or undefined: unknown, used, expired (401), membership ended (403). */
export function redeemProblem(
  link: SignInLink | null,
  used: boolean,
  member: Pick<Member, 'status'> | null,
  now: Date,
): UnauthenticatedError | ForbiddenError | undefined {
  if (!link) return new UnauthenticatedError(SignInLinkMessages.unknown);
  if (used) return new UnauthenticatedError(SignInLinkMessages.used);
  if (link.expiresAt.getTime() <= now.getTime()) return new UnauthenticatedError(SignInLinkMessages.expired);
  if (!member || member.status !== 'active') return new ForbiddenError(SignInLinkMessages.membershipEnded);
  return undefined;
}
