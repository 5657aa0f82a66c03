import { Actor, CallerIdentity } from '@ic/contracts';
import { ForbiddenError, UnauthenticatedError } from '../errors';

/** Who acts, from the identity the gateway established; anonymous callers are refused. */
export function actorOf(identity: CallerIdentity): Actor {
  if (identity.roles.includes('staff')) return { subject: identity.subject, role: 'staff' };
  if (identity.roles.includes('member')) return { subject: identity.subject, role: 'member' };
  throw new UnauthenticatedError('Bitte melden Sie sich an.');
}

export function requireStaff(actor: Actor): void {
  if (actor.role !== 'staff') {
    throw new ForbiddenError('Diese Aktion ist der Geschäftsstelle vorbehalten.');
  }
}

export function requireMember(actor: Actor): void {
  if (actor.role !== 'member') {
    throw new ForbiddenError('Diese Aktion ist Mitgliedern für ihr eigenes Profil vorbehalten.');
  }
}

/** The actor of changes the platform makes by itself (the standard working groups). */
export const SYSTEM_ACTOR: Actor = { subject: 'system', role: 'staff' };
