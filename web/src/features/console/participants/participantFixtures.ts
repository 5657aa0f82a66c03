import type { ConsoleEvent, EventSeats, Registration, RegistrationStats } from './api';

/** Answers of the gateway for the participants pages' component tests. */
export const EVENT_ID = '7c0d8a4e-0000-4000-8000-000000000001';

export function lounge(change: Partial<ConsoleEvent> = {}): ConsoleEvent {
  return {
    eventId: EVENT_ID,
    revision: 2,
    kind: 'innovators-lounge',
    status: 'registration-open',
    title: 'Innovators Lounge Kiel',
    description: 'Ein Abend.',
    descriptionHtml: '<p>Ein Abend.</p>',
    themes: ['Digitalisierung'],
    capacity: 40,
    startsAt: '2027-03-04T18:00:00+01:00',
    endsAt: '2027-03-04T21:00:00+01:00',
    registration: { opensAt: '2027-01-10T09:00:00+01:00', closesAt: '2027-03-01T23:59:00+01:00' },
    audience: 'members',
    announceTo: 'all-members',
    federalStates: ['SH'],
    documents: [],
    calendarHref: `/api/v1/events/${EVENT_ID}/calendar.ics`,
    createdAt: '2026-12-01T10:00:00.000Z',
    updatedAt: '2026-12-02T10:00:00.000Z',
    ...change,
  };
}

let counter = 0;

export function registration(change: Partial<Registration> = {}): Registration {
  counter += 1;
  return {
    registrationId: `0000000${counter}-0000-4000-8000-00000000000${counter % 10}`,
    eventId: EVENT_ID,
    revision: 1,
    event: { title: 'Innovators Lounge Kiel', kind: 'innovators-lounge', status: 'registration-open' },
    status: 'confirmed',
    registrant: {
      kind: 'member',
      memberId: 'a0000000-0000-4000-8000-000000000001',
      name: 'Jürgen Müßig',
      officeTitle: 'Oberbürgermeister',
      organisation: 'Stadt Görlitz',
      email: 'juergen.muessig@goerlitz.example',
      sector: 'Kommune',
      federalState: 'SN',
      municipality: { name: 'Görlitz', ags: '14626110', population: 55000 },
    },
    registeredBy: { subject: 'a0000000-0000-4000-8000-000000000001', role: 'member' },
    sessions: [],
    registeredAt: '2027-01-12T08:15:00.000Z',
    confirmedAt: '2027-01-12T08:15:00.000Z',
    changeableUntil: '2027-03-01T23:59:00+01:00',
    ...change,
  };
}

export function delegationRegistration(change: Partial<Registration> = {}): Registration {
  return registration({
    registrant: {
      kind: 'municipality',
      memberId: 'a0000000-0000-4000-8000-000000000002',
      name: 'Pegnitz',
      sector: 'Kommune',
      federalState: 'BY',
      municipality: { name: 'Pegnitz', ags: '09472175', population: 13700 },
    },
    delegation: [
      {
        personId: 'b0000000-0000-4000-8000-000000000001',
        salutation: 'Frau',
        firstName: 'Anna',
        lastName: 'Zeller',
        role: 'mayor',
        email: 'anna@pegnitz.example',
        attended: true,
      },
      {
        personId: 'b0000000-0000-4000-8000-000000000002',
        salutation: 'Herr',
        firstName: 'Bernd',
        lastName: 'Albers',
        role: 'administration',
        email: 'bernd@pegnitz.example',
      },
    ],
    ...change,
  });
}

export function stats(change: Partial<RegistrationStats> = {}): RegistrationStats {
  return {
    eventId: EVENT_ID,
    eventStatus: 'registration-open',
    capacity: 40,
    confirmed: 2,
    waiting: 1,
    cancelled: 0,
    confirmedPeople: 3,
    interestedMembers: 4,
    interestedMunicipalities: 1,
    attendedPeople: 1,
    workshops: [],
    ...change,
  };
}

export function seats(change: Partial<EventSeats> = {}): EventSeats {
  return { eventId: EVENT_ID, capacity: 40, seatsLeft: 38, waiting: 1, workshops: [], ...change };
}
