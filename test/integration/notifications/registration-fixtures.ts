import {
  Actor,
  ClubEventSnapshot,
  DelegationPerson,
  PersonContact,
  RegistrationChange,
  RegistrationSnapshot,
} from '@ic/contracts';
import { sealPersonContact, SecretBox } from '@ic/platform';
import { randomUUID } from 'node:crypto';
import { announcedCircle, announcedLounge } from './announcement-fixtures';

/** Registration events as the registrations service publishes them, for the notifications service's tests. */

/** A lounge open for registration, over two days across the end of summer time (27 October 2030). */
export function openLounge(overrides: Partial<ClubEventSnapshot> = {}): ClubEventSnapshot {
  return announcedLounge({
    revision: 3,
    status: 'registration-open',
    capacity: 50,
    startsAt: '2030-10-26T09:30:00+02:00',
    endsAt: '2030-10-27T16:00:00+01:00',
    registration: { opensAt: '2030-02-01T09:00:00+01:00', closesAt: '2030-10-19T23:59:00+02:00' },
    ...overrides,
  });
}

/** A Kommunalzirkel open for registration: two dated modules, one undated. */
export function openCircle(overrides: Partial<ClubEventSnapshot> = {}): ClubEventSnapshot {
  return announcedCircle({ revision: 3, status: 'registration-open', ...overrides });
}

const member = (memberId: string): Actor => ({ subject: memberId, role: 'member' });

/** A member's registration, confirmed at once unless told otherwise. */
export function memberRegistration(
  event: ClubEventSnapshot,
  memberId: string,
  overrides: Partial<RegistrationSnapshot> = {},
): RegistrationSnapshot {
  return {
    registrationId: randomUUID(),
    eventId: event.eventId,
    revision: 1,
    status: 'confirmed',
    registrant: { kind: 'member', memberId, federalState: 'NW', sector: 'Kommune' },
    registeredBy: member(memberId),
    sessions: [],
    registeredAt: '2030-03-01T08:00:00.000Z',
    confirmedAt: '2030-03-01T08:00:00.000Z',
    ...overrides,
  };
}

/** A delegation person as the registrations service seals it. */
export function delegate(
  box: SecretBox,
  contact: PersonContact,
  role: DelegationPerson['role'] = 'administration',
): DelegationPerson {
  return { personId: randomUUID(), role, contact: sealPersonContact(box, contact) };
}

/** Pegnitz's delegation to a Kommunalzirkel, registered by its mayor (a member). */
export function delegationRegistration(
  event: ClubEventSnapshot,
  registeredBy: string,
  people: readonly DelegationPerson[],
  overrides: Partial<RegistrationSnapshot> = {},
): RegistrationSnapshot {
  return {
    ...memberRegistration(event, registeredBy),
    registrant: {
      kind: 'municipality',
      memberId: registeredBy,
      municipality: { name: 'Pegnitz', ags: '09472175', population: 13_500 },
      federalState: 'BY',
    },
    delegation: people,
    ...overrides,
  };
}

/** What every registration event carries around the registration. */
export function changeOf(
  registration: RegistrationSnapshot,
  event: ClubEventSnapshot,
  by: Actor | undefined = member(registration.registrant.memberId ?? randomUUID()),
): RegistrationChange {
  return {
    eventId: event.eventId,
    registrationId: registration.registrationId,
    revision: registration.revision,
    ...(by ? { by } : {}),
    registration,
    event,
    seats: { capacity: event.capacity, confirmed: 1, waiting: 0 },
  };
}
