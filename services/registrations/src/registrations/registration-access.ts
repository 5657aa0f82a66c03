import { Actor } from '@ic/contracts';
import { NotFoundError } from '@ic/platform';
import { KnownMember } from '../replicas/known-member';
import { RegistrationView } from './registration';
import { RegistrationMessages } from './registration.messages';

/**
 * Who may see and change a registration: the office; the member it is for; for a municipality's
 * registration, its members (the municipality's key in their profile). Anyone else is told it does
 * not exist, since registration ids follow from event and person.
 */
export function assertMayAccess(view: RegistrationView, actor: Actor, actorMember: KnownMember | null): void {
  if (mayAccess(view, actor, actorMember)) return;
  throw new NotFoundError(RegistrationMessages.registrationNotFound);
}

export function mayAccess(view: RegistrationView, actor: Actor, actorMember: KnownMember | null): boolean {
  if (actor.role === 'staff') return true;
  const { registrant } = view.entry;
  if (registrant.memberId === actor.subject) return true;
  return (
    registrant.kind === 'municipality' &&
    registrant.municipality !== undefined &&
    actorMember?.municipality?.ags === registrant.municipality.ags
  );
}
