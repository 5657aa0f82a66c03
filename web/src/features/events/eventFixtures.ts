import type { ClubEvent, EventSummary } from './eventTypes';

/** Events as the gateway answers them, for the component tests (years ahead, so they stay coming). */
export const FORUM_ID = '1a2b3c4d-0000-4000-8000-000000000001';
export const LOUNGE_ID = '1a2b3c4d-0000-4000-8000-000000000002';
export const CIRCLE_ID = '1a2b3c4d-0000-4000-8000-000000000003';
export const CANCELLED_ID = '1a2b3c4d-0000-4000-8000-000000000004';

const base = {
  themes: ['Digitalisierung'],
  capacity: 50,
  federalStates: ['BW'],
  registration: { opensAt: '2031-02-01T09:00:00+01:00', closesAt: '2031-04-08T23:59:00+02:00' },
} satisfies Partial<EventSummary>;

export function forumSummary(change: Partial<EventSummary> = {}): EventSummary {
  return {
    ...base,
    eventId: FORUM_ID,
    kind: 'deutschlandforum',
    status: 'announced',
    title: '24. Deutschlandforum',
    themes: ['Klimaschutz', 'Partizipation'],
    startsAt: '2031-05-12T09:30:00+02:00',
    endsAt: '2031-05-13T16:00:00+02:00',
    venue: { name: 'Kongresshaus', city: 'Bamberg', federalState: 'BY' },
    federalStates: ['BY'],
    capacity: 200,
    registration: { opensAt: '2099-02-01T09:00:00+01:00', closesAt: '2099-05-01T23:59:00+02:00' },
    forum: { leitgedanke: 'Kommune 2035: mutig, vernetzt, nah', edition: 24 },
    ...change,
  };
}

export function loungeSummary(change: Partial<EventSummary> = {}): EventSummary {
  return {
    ...base,
    eventId: LOUNGE_ID,
    kind: 'innovators-lounge',
    status: 'registration-open',
    title: 'Innovators Lounge Ulm: Die smarte Stadt',
    summary: 'Wie Ulm Daten, Sensorik und Bürgerbeteiligung zusammenbringt.',
    startsAt: '2031-04-15T17:00:00+02:00',
    endsAt: '2031-04-15T21:00:00+02:00',
    venue: { name: 'Stadthaus Ulm', city: 'Ulm', federalState: 'BW' },
    lounge: {
      topic: 'Die smarte Stadt im Alltag',
      host: { name: 'Ulm', ags: '08421000', federalState: 'BW' },
    },
    ...change,
  };
}

export function circleSummary(change: Partial<EventSummary> = {}): EventSummary {
  return {
    ...base,
    eventId: CIRCLE_ID,
    kind: 'kommunalzirkel',
    status: 'registration-open',
    title: 'Kommunen for future – Wandel vor Ort gestalten',
    themes: ['Klimaschutz'],
    capacity: 32,
    startsAt: '2031-08-14T10:00:00+02:00',
    endsAt: '2031-11-06T16:00:00+01:00',
    federalStates: ['BY'],
    registration: { opensAt: '2031-05-01T09:00:00+02:00', closesAt: '2031-07-31T23:59:00+02:00' },
    targetGroup: { federalStates: ['BY'], maxPopulation: 25000 },
    circle: { moduleCount: 4 },
    ...change,
  };
}

export function cancelledSummary(change: Partial<EventSummary> = {}): EventSummary {
  return loungeSummary({
    eventId: CANCELLED_ID,
    status: 'cancelled',
    title: 'Innovators Lounge Lemgo',
    venue: { name: 'Rathaus', city: 'Lemgo', federalState: 'NW' },
    lounge: { topic: 'Interkommunal digital', host: { name: 'Lemgo', federalState: 'NW' } },
    cancellationReason: 'Der Saal steht nicht zur Verfügung.',
    ...change,
  });
}

/** The fields an event shares with its line in the list. */
function commonOf(summary: EventSummary) {
  return {
    eventId: summary.eventId,
    kind: summary.kind,
    status: summary.status,
    title: summary.title,
    summary: summary.summary,
    themes: summary.themes,
    capacity: summary.capacity,
    startsAt: summary.startsAt,
    endsAt: summary.endsAt,
    registration: summary.registration,
    federalStates: summary.federalStates,
    venue: summary.venue,
    targetGroup: summary.targetGroup,
  };
}

const eventBase = {
  revision: 3,
  description: 'Zwei Tage **Austausch**.',
  descriptionHtml: '<h1>Worum es geht</h1><p>Zwei Tage <strong>Austausch</strong>.</p>',
  audience: 'members',
  announceTo: 'all-members',
  documents: [],
  createdAt: '2030-12-01T10:00:00.000Z',
  updatedAt: '2030-12-02T10:00:00.000Z',
} satisfies Partial<ClubEvent>;

export function forumEvent(change: Partial<ClubEvent> = {}): ClubEvent {
  return {
    ...commonOf(forumSummary()),
    ...eventBase,
    audience: 'members-and-guests',
    calendarHref: `/api/v1/events/${FORUM_ID}/calendar.ics`,
    forum: {
      leitgedanke: 'Kommune 2035: mutig, vernetzt, nah',
      edition: 24,
      sessions: [
        {
          sessionId: 's-1',
          kind: 'talk',
          title: 'Eröffnung',
          startsAt: '2031-05-12T09:30:00+02:00',
          endsAt: '2031-05-12T10:30:00+02:00',
          room: 'Saal Einstein',
          speakers: [
            { kind: 'member', memberId: 'a0000000-0000-4000-8000-000000000009', name: 'Dr. Erika Muster' },
          ],
        },
        {
          sessionId: 's-2',
          kind: 'workshop',
          title: 'Werkstatt Daten',
          abstract: 'Wie Kommunen Daten teilen.',
          startsAt: '2031-05-12T11:00:00+02:00',
          endsAt: '2031-05-12T12:30:00+02:00',
          room: 'Raum 1',
          capacity: 30,
          speakers: [
            {
              kind: 'external',
              name: 'Prof. Dr. Ada Beispiel',
              organisation: 'Hochschule Beispielstadt',
              bio: 'Forscht zu offenen Daten.',
            },
          ],
        },
        {
          sessionId: 's-3',
          kind: 'panel',
          title: 'Abschlusspodium',
          startsAt: '2031-05-13T14:00:00+02:00',
          endsAt: '2031-05-13T16:00:00+02:00',
          speakers: [],
        },
      ],
    },
    documents: [
      {
        documentId: 'd-1',
        kind: 'programme',
        title: 'Programm des Forums',
        fileName: 'programm.pdf',
        mediaType: 'application/pdf',
        sizeBytes: 184320,
        sha256: 'a'.repeat(64),
        uploadedAt: '2030-12-03T10:00:00.000Z',
        href: `/api/v1/events/${FORUM_ID}/documents/d-1`,
      },
    ],
    ...change,
  };
}

export function loungeEvent(change: Partial<ClubEvent> = {}): ClubEvent {
  const summary = loungeSummary();
  return {
    ...commonOf(summary),
    ...eventBase,
    venue: {
      name: 'Stadthaus Ulm',
      street: 'Münsterplatz 50',
      postalCode: '89073',
      city: 'Ulm',
      federalState: 'BW',
    },
    calendarHref: `/api/v1/events/${LOUNGE_ID}/calendar.ics`,
    lounge: summary.lounge,
    ...change,
  };
}

export function circleEvent(change: Partial<ClubEvent> = {}): ClubEvent {
  return {
    ...commonOf(circleSummary()),
    ...eventBase,
    audience: 'target-group',
    calendarHref: `/api/v1/events/${CIRCLE_ID}/calendar.ics`,
    circle: {
      modules: [
        {
          moduleId: 'm-1',
          title: 'Modul 1: Auftakt in Pegnitz',
          startsAt: '2031-08-14T10:00:00+02:00',
          endsAt: '2031-08-14T16:00:00+02:00',
          place: 'Rathaus Pegnitz',
          guidingQuestions: ['Wo steht unsere Kommune beim Klimaschutz?'],
        },
        {
          moduleId: 'm-2',
          title: 'Modul 2',
          startsAt: '2031-11-06T10:00:00+01:00',
          endsAt: '2031-11-06T16:00:00+01:00',
          guidingQuestions: [],
        },
        { moduleId: 'm-3', title: 'Modul 3', dateNote: 'Frühjahr/Sommer 2032', guidingQuestions: [] },
        { moduleId: 'm-4', title: 'Modul 4: Bilanz', guidingQuestions: ['Was nehmen wir mit?'] },
      ],
      delegation: { maxPeople: 3, suggestedRoles: ['mayor', 'administration', 'civil-society'] },
      feeCents: 0,
    },
    ...change,
  };
}
