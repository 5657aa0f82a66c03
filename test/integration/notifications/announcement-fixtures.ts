import { ClubEventSnapshot, exampleLoungeSnapshot } from '@ic/contracts';
import { randomUUID } from 'node:crypto';

/** Events as EventAnnounced carries them, for the notifications service's tests (dates well ahead). */

/** A lounge announced to the members who share one of its themes. */
export function announcedLounge(overrides: Partial<ClubEventSnapshot> = {}): ClubEventSnapshot {
  return {
    ...exampleLoungeSnapshot,
    eventId: randomUUID(),
    revision: 2,
    status: 'announced',
    announceTo: 'matching-themes',
    themes: ['Digitalisierung', 'Stadtentwicklung'],
    startsAt: '2030-04-11T17:00:00+02:00',
    endsAt: '2030-04-11T21:00:00+02:00',
    registration: { opensAt: '2030-02-01T09:00:00+01:00', closesAt: '2030-04-04T23:59:00+02:00' },
    documents: [],
    ...overrides,
  };
}

/** "Kommunen for future": Bavarian municipalities up to 25,000 inhabitants, one module without a date yet. */
export function announcedCircle(overrides: Partial<ClubEventSnapshot> = {}): ClubEventSnapshot {
  return {
    ...announcedLounge(),
    kind: 'kommunalzirkel',
    title: 'Kommunen for future – Wandel vor Ort gestalten',
    summary: 'Vier Arbeitstreffen für bayerische Kommunen bis 25.000 Einwohner.',
    description: 'Der Kommunalzirkel bringt **kleine Kommunen** zusammen.',
    descriptionHtml: '<p>Der Kommunalzirkel bringt <strong>kleine Kommunen</strong> zusammen.</p>\n',
    themes: ['Klimaschutz'],
    capacity: 20,
    audience: 'target-group',
    announceTo: 'all-members',
    targetGroup: { federalStates: ['BY'], maxPopulation: 25_000 },
    federalStates: ['BY'],
    startsAt: '2030-08-14T10:00:00+02:00',
    endsAt: '2030-11-07T16:00:00+01:00',
    venue: undefined,
    lounge: undefined,
    circle: {
      modules: [
        {
          moduleId: randomUUID(),
          title: 'Auftakt in Pegnitz',
          startsAt: '2030-08-14T10:00:00+02:00',
          endsAt: '2030-08-14T16:00:00+02:00',
          place: 'Pegnitz',
          guidingQuestions: ['Was heißt Nachhaltigkeit für eine kleine Kommune?'],
        },
        {
          moduleId: randomUUID(),
          title: 'Energie vor Ort',
          startsAt: '2030-11-07T10:00:00+01:00',
          endsAt: '2030-11-07T16:00:00+01:00',
          guidingQuestions: [],
        },
        { moduleId: randomUUID(), title: 'Abschluss', dateNote: 'Frühjahr 2031', guidingQuestions: [] },
      ],
      delegation: { maxPeople: 3, suggestedRoles: ['mayor', 'administration', 'civil-society'] },
      feeCents: 0,
    },
    ...overrides,
  };
}

/** Municipalities of the tests, with their official keys (AGS) and populations. */
export const Municipalities = {
  pegnitz: { name: 'Pegnitz', ags: '09472175', population: 13_500 },
  /** Exactly at the circle's limit. */
  atTheLimit: { name: 'Grenzgemeinde', ags: '09472111', population: 25_000 },
  munich: { name: 'München', ags: '09162000', population: 1_510_000 },
  kalletal: { name: 'Kalletal', ags: '05766040', population: 13_900 },
} as const;
