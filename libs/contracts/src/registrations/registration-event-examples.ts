import { ClubEventSnapshot, exampleLoungeSnapshot } from '../club-events/club-event';
import { Actor } from '../membership/member-profile';
import {
  exampleDelegationRegistration,
  exampleMemberId,
  exampleRegistration,
  RegistrationSnapshot,
  SeatCounts,
} from './registration';
import type { RegistrationChange } from './registrations.events';

/** The events of the registrations contracts' examples (shown in the AsyncAPI document, checked against their schemas). */
export const exampleEvent: ClubEventSnapshot = exampleLoungeSnapshot;
/** A copy without the named properties (examples must not carry keys with undefined values). */
function without<T extends object, K extends keyof T>(value: T, ...keys: K[]): Omit<T, K> {
  return Object.fromEntries(Object.entries(value).filter(([key]) => !keys.includes(key as K))) as Omit<T, K>;
}
/** The example lounge without its kind's details, to build the other kinds' examples from. */
const exampleEventBase = without(exampleEvent, 'lounge', 'venue');
export const exampleWithoutConfirmation = without(exampleRegistration, 'confirmedAt');
export const exampleMember: Actor = { subject: exampleMemberId, role: 'member' };
export function exampleChange(
  registration: RegistrationSnapshot,
  seats: SeatCounts,
  by: Actor,
  event?: ClubEventSnapshot,
): RegistrationChange & { readonly by: Actor };
export function exampleChange(
  registration: RegistrationSnapshot,
  seats: SeatCounts,
  by?: Actor,
  event?: ClubEventSnapshot,
): RegistrationChange;
export function exampleChange(
  registration: RegistrationSnapshot,
  seats: SeatCounts,
  by?: Actor,
  event: ClubEventSnapshot = exampleEvent,
): RegistrationChange {
  return {
    eventId: registration.eventId,
    registrationId: registration.registrationId,
    revision: registration.revision,
    ...(by ? { by } : {}),
    registration,
    event,
    seats,
  };
}

export const exampleForumEvent: ClubEventSnapshot = {
  ...exampleEventBase,
  venue: exampleEvent.venue,
  eventId: 'fae89e04-0d22-4989-b86a-7cf3577469b0',
  kind: 'deutschlandforum',
  title: '23. Deutschlandforum des Innovators Club',
  capacity: 120,
  forum: {
    leitgedanke: 'Kommune 2035: mutig, vernetzt, nah',
    edition: 23,
    sessions: [
      {
        sessionId: '4d3c2b1a-0f9e-4d8c-8b7a-6f5e4d3c2b1a',
        kind: 'workshop',
        title: 'Daten teilen zwischen Kommunen',
        startsAt: '2027-05-12T14:00:00+02:00',
        endsAt: '2027-05-12T15:30:00+02:00',
        room: 'Raum Spree',
        speakers: [{ kind: 'external', name: 'Jan-Philipp Vogt', organisation: 'Open Knowledge Foundation' }],
        capacity: 40,
      },
    ],
  },
};

export const exampleCircleEvent: ClubEventSnapshot = {
  ...exampleEventBase,
  eventId: exampleDelegationRegistration.eventId,
  kind: 'kommunalzirkel',
  title: 'Kommunalzirkel „Kommunen for future – Wandel vor Ort gestalten“',
  capacity: 30,
  audience: 'target-group',
  targetGroup: { federalStates: ['BY'], maxPopulation: 25_000 },
  federalStates: ['BY'],
  circle: {
    modules: [
      {
        moduleId: '1b2c3d4e-5f60-4718-9a2b-3c4d5e6f7a8b',
        title: 'Modul 1: Auftakt in Pegnitz',
        startsAt: '2027-08-14T10:00:00+02:00',
        endsAt: '2027-08-14T16:00:00+02:00',
        place: 'Rathaus Pegnitz, Hauptstraße 37, 91257 Pegnitz',
        guidingQuestions: ['Wo steht unsere Kommune beim Klimaschutz?'],
      },
    ],
    delegation: { maxPeople: 3, suggestedRoles: ['mayor', 'administration', 'civil-society'] },
    feeCents: 0,
  },
};
