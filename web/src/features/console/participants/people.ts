import { texts } from '../../../texts';
import type { Registration } from './api';

/** One person of a registration as the door list and a name badge show them. */
export interface Person {
  readonly key: string;
  readonly name: string;
  /** Office or function: a member's office, a delegation person's role. */
  readonly office?: string;
  /** Organisation, or the municipality a delegation comes from. */
  readonly organisation?: string;
  readonly municipality?: string;
  /** For ordering by last name. */
  readonly sortName: string;
}

/** The people of a registration: the member or guest, or each person of a municipality's delegation. */
export function peopleOf(registration: Registration): Person[] {
  const { registrant } = registration;
  const municipality = registrant.municipality?.name;
  if (registration.delegation) {
    return registration.delegation.map((person) => ({
      key: `${registration.registrationId}:${person.personId}`,
      name: `${person.firstName} ${person.lastName}`,
      office: texts.events.delegationRoleOf(person.role, person.salutation),
      organisation: municipality ? `Kommune ${municipality}` : undefined,
      municipality,
      sortName: `${person.lastName} ${person.firstName}`,
    }));
  }
  const words = registrant.name.split(' ');
  return [
    {
      key: registration.registrationId,
      name: registrant.name,
      office: registrant.officeTitle,
      organisation: registrant.organisation,
      municipality,
      sortName: `${words.at(-1) ?? ''} ${words.slice(0, -1).join(' ')}`,
    },
  ];
}

/** Everyone of these registrations, ordered by last name as a German list is (ä with a). */
export function peopleByName(registrations: readonly Registration[]): Person[] {
  const collator = new Intl.Collator('de-DE', { sensitivity: 'base' });
  return registrations.flatMap(peopleOf).sort((a, b) => collator.compare(a.sortName, b.sortName));
}
