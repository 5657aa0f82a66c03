import { formatBerlinTime } from '@ic/contracts';
import { randomBytes } from 'node:crypto';
import { readCalendar, ReadCalendarEntry } from '../../libs/platform/src/calendar/testing/read-calendar';
import { Page, Problem, SignedInMember } from './e2e-client';
import { GatewayTestBed } from './gateway-test-bed';
import { eventually } from './eventually';
import { uniqueSuffix } from './test-infrastructure';

/**
 * What the end-to-end tests of events share (events-*.e2e.ts): the event's shape as the API
 * answers it, request bodies of each kind, days around the daylight-saving changes, and a platform
 * with the office and a signed-in mayor.
 */

export interface ClubEvent {
  eventId: string;
  revision: number;
  kind: string;
  status: string;
  title: string;
  description: string;
  descriptionHtml: string;
  startsAt?: string;
  endsAt?: string;
  registration: { opensAt: string; closesAt: string };
  federalStates: string[];
  forum?: {
    leitgedanke: string;
    sessions: {
      sessionId: string;
      kind: string;
      title: string;
      startsAt: string;
      speakers: { name: string; kind: string; memberId?: string }[];
      capacity?: number;
    }[];
  };
  lounge?: { topic: string; host: { name: string } };
  circle?: {
    modules: {
      moduleId: string;
      title: string;
      startsAt?: string;
      endsAt?: string;
      dateNote?: string;
      place?: string;
      guidingQuestions: string[];
    }[];
  };
  documents: { documentId: string; fileName: string; sizeBytes: number; sha256: string; href: string }[];
  cancellation?: { reason: string };
  calendarHref: string;
}

export interface EventSummary {
  eventId: string;
  status: string;
  title: string;
  cancellationReason?: string;
}

export const run = uniqueSuffix();
export const address = (name: string) => `${name}.${run}@e2e-events.example`;
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** Berlin wall time of a day in the form the API takes, e.g. `2027-03-27T18:00`. */
export const at = (day: string, time: string) => `${day}T${time}`;
/** An instant as the API takes it: Berlin time with that day's offset. */
export const berlin = (instant: Date | number) => formatBerlinTime(new Date(instant));

/** The last Sunday of a month (0-based), when the clocks change in the EU. */
export function lastSunday(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month + 1, 0));
  day.setUTCDate(day.getUTCDate() - day.getUTCDay());
  return day.toISOString().slice(0, 10);
}

export function shiftDay(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Next year's daylight-saving changes, always in the future. */
export const dstYear = new Date().getUTCFullYear() + 1;
export const springChange = lastSunday(dstYear, 2);
export const autumnChange = lastSunday(dstYear, 9);
/** Far years, random per run, for the lists and filters; a run's own events are told apart by title. */
export const listYear = 2060 + Math.floor(Math.random() * 30);
export const invalidYear = listYear + 1;
/** A series with a module still undated counts for every range from its start on, so other runs' may show up. */
export const ofThisRun = (events: EventSummary[]) => events.filter((event) => event.title.includes(run));

/** A registration window that opens tomorrow and closes a day before `startsAt` (a Berlin wall time). */
export function registrationBefore(startsDay: string) {
  return { opensAt: berlin(Date.now() + DAY), closesAt: at(shiftDay(startsDay, -1), '12:00') };
}

export function loungeBody(day: string, overrides: Record<string, unknown> = {}) {
  return {
    title: `Innovators Lounge Ulm ${run}: Die smarte Stadt`,
    summary: 'Wie Ulm Daten, Sensorik und Bürgerbeteiligung zusammenbringt.',
    description: 'Die **Lounge** in Ulm, mit Gästen aus Verwaltung; Wirtschaft, Wissenschaft.',
    themes: ['Digitalisierung', 'Stadtentwicklung'],
    capacity: 40,
    registration: registrationBefore(day),
    audience: 'members',
    startsAt: at(day, '18:00'),
    endsAt: at(day, '21:00'),
    topic: 'Die smarte Stadt im Alltag',
    host: { name: 'Ulm', ags: '08421000', federalState: 'BW' },
    venue: {
      name: 'Stadthaus Ulm',
      street: 'Münsterplatz 50',
      postalCode: '89073',
      city: 'Ulm',
      federalState: 'BW',
    },
    ...overrides,
  };
}

export function forumBody(
  firstDay: string,
  lastDay: string,
  speaker: SignedInMember,
  overrides: Record<string, unknown> = {},
) {
  return {
    title: `Deutschlandforum ${run}`,
    description: 'Zwei Tage **Austausch** auf Augenhöhe. <script>alert(1)</script>',
    themes: ['Klimaschutz', 'Partizipation'],
    capacity: 200,
    registration: registrationBefore(firstDay),
    audience: 'members-and-guests',
    startsAt: at(firstDay, '09:30'),
    endsAt: at(lastDay, '16:00'),
    leitgedanke: 'Kommune 2035: mutig, vernetzt, nah',
    edition: 23,
    venue: { name: 'Kongresshaus', city: 'Bamberg', federalState: 'BY' },
    sessions: [
      {
        kind: 'talk',
        title: 'Eröffnung',
        startsAt: at(firstDay, '09:30'),
        endsAt: at(firstDay, '10:30'),
        room: 'Saal Einstein',
        speakers: [{ memberId: speaker.id }],
      },
      ...['Werkstatt Daten', 'Werkstatt Energie'].map((title, index) => ({
        kind: 'workshop',
        title,
        startsAt: at(firstDay, '11:00'),
        endsAt: at(firstDay, '12:30'),
        room: `Raum ${index + 1}`,
        capacity: 30,
        speakers: [
          {
            name: 'Prof. Dr. Ada Beispiel',
            organisation: 'Hochschule Beispielstadt',
            bio: 'Forscht zu Daten.',
          },
        ],
      })),
      {
        kind: 'panel',
        title: 'Abschlusspodium',
        startsAt: at(lastDay, '14:00'),
        endsAt: at(lastDay, '16:00'),
        room: 'Saal Einstein',
        speakers: [],
      },
    ],
    ...overrides,
  };
}

export function circleBody(days: [string, string], overrides: Record<string, unknown> = {}) {
  return {
    title: `Kommunen for future ${run}`,
    description: 'Wandel vor Ort gestalten.',
    themes: ['Klimaschutz'],
    capacity: 32,
    registration: registrationBefore(days[0]),
    audience: 'target-group',
    targetGroup: { federalStates: ['BY'], maxPopulation: 25000 },
    modules: [
      {
        title: 'Modul 1: Auftakt in Pegnitz',
        startsAt: at(days[0], '10:00'),
        endsAt: at(days[0], '16:00'),
        place: 'Rathaus Pegnitz',
        guidingQuestions: ['Wo steht unsere Kommune beim Klimaschutz?'],
      },
      {
        title: 'Modul 2',
        startsAt: at(days[1], '10:00'),
        endsAt: at(days[1], '16:00'),
        guidingQuestions: [],
      },
      { title: 'Modul 3', dateNote: 'Frühjahr/Sommer', guidingQuestions: ['Was nehmen wir mit?'] },
    ],
    delegation: { maxPeople: 3, suggestedRoles: ['mayor', 'administration', 'civil-society'] },
    feeCents: 0,
    ...overrides,
  };
}

/** A PDF as the events service recognises one: the header, then any content. */
export function pdfOf(size: number): Buffer {
  const head = Buffer.from('%PDF-1.7\n%âãÏÓ\n', 'latin1');
  const tail = Buffer.from('\n%%EOF\n', 'latin1');
  return Buffer.concat([head, randomBytes(size - head.length - tail.length), tail]);
}

/** The platform of the events tests: with a signed-in mayor, and the calls the tests make. */
export class EventsThroughTheGateway extends GatewayTestBed {
  member!: SignedInMember;

  protected override async start(): Promise<void> {
    await super.start();
    this.member = await this.client.newMember(this.staff, {
      salutation: 'Frau',
      officeTitle: 'Bürgermeisterin',
      firstName: 'Erika',
      lastName: `Referentin ${run}`,
      email: address('erika'),
      organisation: 'Markt Pegnitz',
      sector: 'Kommune',
      federalState: 'BY',
      municipality: { name: 'Pegnitz', ags: '09472175', population: 13500 },
      themes: ['Klimaschutz'],
    });
  }

  readonly create = async (path: 'forums' | 'lounges' | 'circles', body: unknown): Promise<ClubEvent> => {
    // A member who has just joined reaches the events service's replica moments later: only an
    // unknown member speaker is worth asking again for.
    const response = await eventually(async () => {
      const answer = await this.client.call<ClubEvent>('POST', `/events/${path}`, {
        token: this.staff,
        body,
      });
      if (answer.status === 422 && JSON.stringify(answer.body).includes('memberId'))
        throw new Error(`member speaker not known yet: ${JSON.stringify(answer.body)}`);
      return answer;
    }, 15_000);
    expect({ status: response.status, problem: response.status === 201 ? undefined : response.body }).toEqual(
      {
        status: 201,
        problem: undefined,
      },
    );
    expect(response.headers.get('location')).toBe(`/api/v1/events/${response.body.eventId}`);
    expect(response.body.status).toBe('draft');
    return response.body;
  };

  readonly act = async (event: ClubEvent, action: string, body?: unknown, token = this.staff) => {
    return this.client.call<ClubEvent & Problem>('POST', `/events/${event.eventId}/${action}`, {
      token,
      body,
    });
  };

  readonly expectAct = async (event: ClubEvent, action: string, status: string, body?: unknown) => {
    const response = await this.act(event, action, body);
    expect({
      action,
      status: response.status,
      problem: response.status === 200 ? undefined : response.body,
    }).toEqual({
      action,
      status: 200,
      problem: undefined,
    });
    expect(response.body.status).toBe(status);
    return response.body;
  };

  readonly get = (eventId: string, token: string) =>
    this.client.call<ClubEvent & Problem>('GET', `/events/${eventId}`, { token });

  /** Every page of a list, following the cursors. */
  readonly listAll = async (query: string, token: string, limit = 2): Promise<EventSummary[]> => {
    const items: EventSummary[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: Page<EventSummary> } = await this.client.call<Page<EventSummary>>(
        'GET',
        `/events?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
        { token },
      );
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(limit);
      items.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    return items;
  };

  readonly calendarOf = async (path: string, token?: string) => {
    const response = await this.client.call('GET', path, { token });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    return { response, calendar: readCalendar(response.text) };
  };

  readonly entriesOf = (entries: ReadCalendarEntry[], eventId: string) =>
    entries.filter((entry) => entry.uid.startsWith(eventId));
}
