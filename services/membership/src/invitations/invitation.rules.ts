import { InvitationStatus } from '@ic/contracts';
import { ConflictError, DomainError, RuleViolationError } from '@ic/platform';
import { Invitation, InvitationOutcome } from './invitation';

export const InvitationMessages = {
  notFound: 'Diese Einladung gibt es nicht.',
  expired: 'Diese Einladung ist abgelaufen. Bitte wenden Sie sich an die Geschäftsstelle.',
  answered: 'Diese Einladung wurde bereits beantwortet.',
  revoked:
    'Diese Einladung wurde von der Geschäftsstelle zurückgezogen. Bitte wenden Sie sich an die Geschäftsstelle.',
  alreadyRevoked: 'Diese Einladung wurde bereits zurückgezogen.',
} as const;

/**
 * An outcome whose effects (member, status, event) are still missing after this long was recorded
 * by a process that crashed; the next request with the same answer completes it.
 */
export const OUTCOME_COMPLETION_GRACE_MS = 30_000;

export function invitationStatusAt(
  invitation: Pick<Invitation, 'status' | 'expiresAt'>,
  now: Date,
): InvitationStatus {
  if (invitation.status === 'open' && invitation.expiresAt.getTime() <= now.getTime()) return 'expired';
  return invitation.status;
}

export function expiryAfter(from: Date, validityDays: number): Date {
  return new Date(from.getTime() + validityDays * 24 * 60 * 60 * 1000);
}

/** Why the invited person cannot answer (accept or decline) this invitation now, or undefined. */
export function answerProblem(
  invitation: Invitation,
  outcome: InvitationOutcome | null,
  now: Date,
): DomainError | undefined {
  const settled = outcome?.outcome ?? (invitation.status === 'open' ? undefined : invitation.status);
  if (settled === 'revoked') return new RuleViolationError(InvitationMessages.revoked);
  if (settled) return new ConflictError(InvitationMessages.answered);
  if (invitationStatusAt(invitation, now) === 'expired')
    return new RuleViolationError(InvitationMessages.expired);
  return undefined;
}

/** Why the office cannot resend or revoke this invitation, or undefined (expired ones may be). */
export function officeActionProblem(
  invitation: Invitation,
  outcome: InvitationOutcome | null,
): DomainError | undefined {
  const settled = outcome?.outcome ?? (invitation.status === 'open' ? undefined : invitation.status);
  if (settled === 'revoked') return new ConflictError(InvitationMessages.alreadyRevoked);
  if (settled) return new ConflictError(InvitationMessages.answered);
  return undefined;
}
