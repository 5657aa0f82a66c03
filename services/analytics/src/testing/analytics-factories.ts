import {
  AttendanceRecorded,
  AttendanceRecordedEvent,
  ClubEventChange,
  ClubEventSnapshot,
  EventContract,
  exampleLoungeSnapshot,
  exampleProfile,
  exampleRegistration,
  MemberProfile,
  RegistrationChange,
  RegistrationSnapshot,
} from '@ic/contracts';
import { CloudEvent } from '@ic/messaging';
import { randomUUID } from 'node:crypto';
import { MemberRow } from '../members/member-row';
import { RegistrationEntry } from '../registrations/event-registrations';

/** CloudEvents for specs, from the contracts' examples. */
export function cloudEvent<T>(
  contract: EventContract<T>,
  data: T,
  time = '2027-02-03T08:15:00.000Z',
): CloudEvent<T> {
  return { id: randomUUID(), type: contract.type, source: '/ic/test', time, subject: 'subject', data };
}

export function clubEventChange(
  contract: EventContract<ClubEventChange>,
  revision: number,
  overrides: Partial<ClubEventSnapshot> = {},
  time?: string,
): CloudEvent<ClubEventChange> {
  const event = { ...exampleLoungeSnapshot, revision, ...overrides };
  return cloudEvent(contract, { eventId: event.eventId, revision, event }, time);
}

export function registrationChange(
  contract: EventContract<RegistrationChange>,
  registration: Partial<RegistrationSnapshot> & { revision: number },
  seats = { capacity: 50, confirmed: 1, waiting: 0 },
): CloudEvent<RegistrationChange> {
  const snapshot = { ...exampleRegistration, ...registration };
  return cloudEvent(contract, {
    eventId: snapshot.eventId,
    registrationId: snapshot.registrationId,
    revision: snapshot.revision,
    by: { subject: 'staff-1', role: 'staff' },
    registration: snapshot,
    event: exampleLoungeSnapshot,
    seats,
  });
}

export function attendanceRecorded(registration: Partial<RegistrationSnapshot> & { revision: number }) {
  const snapshot = { ...exampleRegistration, ...registration };
  return cloudEvent<AttendanceRecorded>(AttendanceRecordedEvent, {
    eventId: snapshot.eventId,
    registrationId: snapshot.registrationId,
    revision: snapshot.revision,
    by: { subject: 'staff-1', role: 'staff' },
    attended: true,
    registration: snapshot,
  });
}

export function memberProfile(overrides: Partial<MemberProfile> = {}): MemberProfile {
  return { ...exampleProfile, ...overrides };
}

export function registrationEntry(overrides: Partial<RegistrationEntry> = {}): RegistrationEntry {
  return {
    registrationId: randomUUID(),
    revision: 1,
    status: 'confirmed',
    registrantKind: 'member',
    people: 1,
    attendedPeople: 0,
    waitlisted: false,
    promoted: false,
    registeredAt: new Date('2027-02-03T08:15:00.000Z'),
    ...overrides,
  };
}

export function memberRow(overrides: Partial<MemberRow> = {}): MemberRow {
  return {
    _id: randomUUID(),
    status: 'active',
    themes: [],
    workingGroups: [],
    appliedEvents: [],
    ...overrides,
  };
}
