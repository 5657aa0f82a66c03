import { texts } from '../../texts';
import type { Registration } from './registrationApi';

const t = texts.registrations;

/** Came to the event: the member, or anyone of a delegation. */
export function attended(registration: Registration): boolean {
  if (registration.delegation) return registration.delegation.some((person) => person.attended === true);
  return registration.attended === true;
}

/** The state of a registration in a few words, as a badge shows it. */
export function stateWords(registration: Registration): string {
  if (registration.status === 'confirmed' && attended(registration)) return t.states.attended;
  if (registration.status === 'waiting') return t.states.waiting(registration.waitingPlace);
  if (registration.status === 'cancelled') return t.states.cancelled;
  return t.states.confirmed;
}

export function stateBadgeClass(registration: Registration): string {
  if (registration.status === 'confirmed') return 'badge badge-success';
  if (registration.status === 'waiting') return 'badge badge-warning';
  return 'badge badge-danger';
}

/** A municipality's registration (Kommunalzirkel) names the municipality. */
export function municipalityOf(registration: Registration): string | undefined {
  if (registration.registrant.kind !== 'municipality') return undefined;
  return registration.registrant.municipality?.name ?? registration.registrant.name;
}
