import { parseBerlinTime } from '@ic/contracts';
import { ClubEvent, EventPlan, ModulePlan, SessionPlan } from '../club-events/club-event';

/** An instant from Berlin wall time, for specs: `berlin('2027-05-12T09:30')`. */
export function berlin(wallTime: string): Date {
  const parsed = parseBerlinTime(wallTime);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.instant;
}

let ids = 0;
const nextId = (prefix: string): string => `${prefix}-${++ids}`;

export function loungePlan(overrides: Partial<EventPlan> = {}): EventPlan {
  return {
    kind: 'innovators-lounge',
    title: 'Innovators Lounge Ulm',
    description: 'Die **Lounge** in Ulm.',
    themes: ['Digitalisierung'],
    capacity: 50,
    startsAt: berlin('2027-04-15T17:00'),
    endsAt: berlin('2027-04-15T21:00'),
    registration: { opensAt: berlin('2027-02-01T09:00'), closesAt: berlin('2027-04-08T23:59') },
    audience: 'members',
    announceTo: 'all-members',
    venue: { name: 'Stadthaus Ulm', city: 'Ulm', federalState: 'BW' },
    lounge: {
      topic: 'Die smarte Stadt im Alltag',
      host: { name: 'Ulm', ags: '08421000', federalState: 'BW' },
    },
    ...overrides,
  };
}

export function session(overrides: Partial<SessionPlan> = {}): SessionPlan {
  return {
    sessionId: nextId('session'),
    kind: 'talk',
    title: 'Eröffnung',
    startsAt: berlin('2027-05-12T10:00'),
    endsAt: berlin('2027-05-12T11:00'),
    speakers: [],
    ...overrides,
  };
}

export function forumPlan(
  sessions: readonly SessionPlan[] = [session()],
  overrides: Partial<EventPlan> = {},
): EventPlan {
  return {
    kind: 'deutschlandforum',
    title: 'Deutschlandforum 2027',
    description: 'Zwei Tage.',
    themes: ['Digitalisierung'],
    capacity: 120,
    startsAt: berlin('2027-05-12T09:30'),
    endsAt: berlin('2027-05-13T16:00'),
    registration: { opensAt: berlin('2027-02-01T09:00'), closesAt: berlin('2027-05-01T23:59') },
    audience: 'members-and-guests',
    announceTo: 'all-members',
    venue: { name: 'Kongresshaus', city: 'Berlin', federalState: 'BE' },
    forum: { leitgedanke: 'Kommune 2035', sessions },
    ...overrides,
  };
}

export function circleModule(overrides: Partial<ModulePlan> = {}): ModulePlan {
  return {
    moduleId: nextId('module'),
    title: 'Auftakt in Pegnitz',
    startsAt: berlin('2027-08-14T10:00'),
    endsAt: berlin('2027-08-14T16:00'),
    place: 'Rathaus Pegnitz',
    guidingQuestions: ['Wo steht unsere Kommune?'],
    ...overrides,
  };
}

export function circlePlan(
  modules: readonly ModulePlan[] = [circleModule()],
  overrides: Partial<EventPlan> = {},
): EventPlan {
  const dated = modules.filter((module) => module.startsAt && module.endsAt);
  return {
    kind: 'kommunalzirkel',
    title: 'Kommunen for future',
    description: 'Wandel vor Ort gestalten.',
    themes: ['Klimaschutz'],
    capacity: 30,
    startsAt: dated[0]?.startsAt,
    endsAt: dated.at(-1)?.endsAt,
    registration: { opensAt: berlin('2027-05-01T09:00'), closesAt: berlin('2027-07-31T23:59') },
    audience: 'target-group',
    announceTo: 'all-members',
    targetGroup: { federalStates: ['BY'], maxPopulation: 25_000 },
    circle: {
      modules,
      delegation: { maxPeople: 3, suggestedRoles: ['mayor', 'administration', 'civil-society'] },
      feeCents: 0,
    },
    ...overrides,
  };
}

/** A stored event with its lifecycle around a plan. */
export function clubEvent(plan: EventPlan = loungePlan(), overrides: Partial<ClubEvent> = {}): ClubEvent {
  return {
    ...plan,
    id: '8d1c0f3e-4b7a-4c2e-9f51-3a6b2c1d0e97',
    revision: 1,
    status: 'draft',
    descriptionHtml: '',
    documents: [],
    createdAt: new Date('2027-01-12T09:00:00Z'),
    updatedAt: new Date('2027-01-12T09:00:00Z'),
    ...overrides,
  };
}
