import { AgendaSession, ClubEventSnapshot, exampleLoungeSnapshot, formatBerlinTime } from '@ic/contracts';
import { randomUUID } from 'node:crypto';

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;
const at = (ms: number) => formatBerlinTime(new Date(Date.now() + ms));

/** An event as the events service publishes it: registration open since yesterday, for 30 days. */
export function loungeSnapshot(overrides: Partial<ClubEventSnapshot> = {}): ClubEventSnapshot {
  return {
    ...exampleLoungeSnapshot,
    eventId: randomUUID(),
    revision: 3,
    status: 'registration-open',
    documents: [],
    startsAt: at(35 * DAY),
    endsAt: at(35 * DAY + 4 * 60 * 60 * 1000),
    registration: { opensAt: at(-DAY), closesAt: at(30 * DAY) },
    createdAt: new Date(Date.now() - 10 * DAY).toISOString(),
    updatedAt: new Date().toISOString(),
    ...overrides,
  };
}

/** A lounge's snapshot without what only a lounge has (its host, its venue), to make another kind of it. */
function withoutKindDetails(snapshot: ClubEventSnapshot): Omit<ClubEventSnapshot, 'lounge' | 'venue'> {
  return Object.fromEntries(
    Object.entries(snapshot).filter(([key]) => key !== 'lounge' && key !== 'venue'),
  ) as Omit<ClubEventSnapshot, 'lounge' | 'venue'>;
}

/** The next state of an event: its revision one higher. */
export function next(event: ClubEventSnapshot, changes: Partial<ClubEventSnapshot>): ClubEventSnapshot {
  return { ...event, ...changes, revision: event.revision + 1, updatedAt: new Date().toISOString() };
}

export function workshop(title: string, startsInMs: number, capacity: number): AgendaSession {
  return {
    sessionId: randomUUID(),
    kind: 'workshop',
    title,
    startsAt: at(startsInMs),
    endsAt: at(startsInMs + 90 * 60 * 1000),
    speakers: [{ kind: 'external', name: 'Dr. Miriam Albers', organisation: 'Umweltbundesamt' }],
    capacity,
  };
}

/** A Deutschlandforum with the given workshops. */
export function forumSnapshot(sessions: AgendaSession[], capacity = 120): ClubEventSnapshot {
  return {
    ...withoutKindDetails(loungeSnapshot({ capacity })),
    venue: exampleLoungeSnapshot.venue,
    kind: 'deutschlandforum',
    title: '23. Deutschlandforum des Innovators Club',
    audience: 'members-and-guests',
    forum: { leitgedanke: 'Kommune 2035: mutig, vernetzt, nah', edition: 23, sessions },
  };
}

/** A Kommunalzirkel for Bavarian municipalities up to 25,000 inhabitants, three people each. */
export function circleSnapshot(status: ClubEventSnapshot['status'] = 'registration-open'): ClubEventSnapshot {
  return {
    ...withoutKindDetails(loungeSnapshot({ capacity: 30 })),
    status,
    kind: 'kommunalzirkel',
    title: 'Kommunalzirkel „Kommunen for future – Wandel vor Ort gestalten“',
    audience: 'target-group',
    targetGroup: { federalStates: ['BY'], maxPopulation: 25_000 },
    federalStates: ['BY'],
    circle: {
      modules: [
        {
          moduleId: randomUUID(),
          title: 'Modul 1: Auftakt in Pegnitz',
          startsAt: at(42 * DAY),
          endsAt: at(42 * DAY + 6 * 60 * 60 * 1000),
          place: 'Rathaus Pegnitz, Hauptstraße 37, 91257 Pegnitz',
          guidingQuestions: ['Wo steht unsere Kommune beim Klimaschutz?'],
        },
      ],
      delegation: { maxPeople: 3, suggestedRoles: ['mayor', 'administration', 'civil-society'] },
      feeCents: 0,
    },
  };
}
