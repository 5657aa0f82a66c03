import { ClubEventSnapshot, exampleLoungeSnapshot } from '@ic/contracts';
import { calendarEntriesOf } from './calendar-entries';
import { writeCalendar } from './icalendar';
import { readCalendar } from './testing/read-calendar';

const eventUrl = (eventId: string) => `https://portal.example/veranstaltungen/${eventId}`;

function newLounge(overrides: Partial<ClubEventSnapshot> = {}): ClubEventSnapshot {
  return { ...exampleLoungeSnapshot, ...overrides };
}

function newForum(overrides: Partial<ClubEventSnapshot> = {}): ClubEventSnapshot {
  return {
    ...exampleLoungeSnapshot,
    eventId: '1b7d2a40-3c1e-4f6a-9b2d-7e8f9a0b1c2d',
    kind: 'deutschlandforum',
    title: '23. Deutschlandforum',
    summary: 'Zwei Tage Austausch auf Augenhöhe.',
    startsAt: '2027-10-30T09:30:00+02:00',
    endsAt: '2027-11-01T16:00:00+01:00',
    venue: {
      name: 'Kongresshaus',
      street: 'Basteistraße 40',
      postalCode: '89073',
      city: 'Ulm',
      federalState: 'BW',
    },
    lounge: undefined,
    forum: { leitgedanke: 'Kommune 2035: mutig, vernetzt, nah', sessions: [] },
    ...overrides,
  };
}

function newCircle(overrides: Partial<ClubEventSnapshot> = {}): ClubEventSnapshot {
  return {
    ...exampleLoungeSnapshot,
    eventId: '5c9e1f20-8a7b-4c3d-9e2f-1a0b9c8d7e6f',
    kind: 'kommunalzirkel',
    title: 'Kommunen for future',
    startsAt: '2027-03-25T10:00:00+01:00',
    endsAt: '2027-04-08T16:00:00+02:00',
    lounge: undefined,
    audience: 'target-group',
    targetGroup: { federalStates: ['BY'], maxPopulation: 25_000 },
    circle: {
      delegation: { maxPeople: 3, suggestedRoles: ['mayor', 'administration'] },
      feeCents: 0,
      modules: [
        {
          moduleId: 'a0000000-0000-4000-8000-000000000001',
          title: 'Modul 1: Auftakt in Pegnitz',
          startsAt: '2027-03-25T10:00:00+01:00',
          endsAt: '2027-03-25T16:00:00+01:00',
          place: 'Rathaus Pegnitz',
          guidingQuestions: ['Wo steht unsere Kommune beim Klimaschutz?'],
        },
        {
          moduleId: 'a0000000-0000-4000-8000-000000000002',
          title: 'Modul 2',
          startsAt: '2027-04-08T10:00:00+02:00',
          endsAt: '2027-04-08T16:00:00+02:00',
          guidingQuestions: [],
        },
        {
          moduleId: 'a0000000-0000-4000-8000-000000000003',
          title: 'Modul 3',
          dateNote: 'Frühjahr/Sommer 2028',
          guidingQuestions: [],
        },
      ],
    },
    ...overrides,
  };
}

describe(calendarEntriesOf.name, () => {
  it('gives a lounge one entry with a stable UID, its revision as SEQUENCE, place and link', () => {
    const sut = calendarEntriesOf(newLounge(), { eventUrl });

    expect(sut).toEqual([
      expect.objectContaining({
        uid: `${exampleLoungeSnapshot.eventId}@innovators-club.dstgb.de`,
        sequence: 4,
        status: 'CONFIRMED',
        summary: exampleLoungeSnapshot.title,
        startsAt: new Date('2027-04-15T15:00:00Z'),
        endsAt: new Date('2027-04-15T19:00:00Z'),
        location: 'Stadthaus Ulm, Münsterplatz 50, 89073 Ulm',
        url: eventUrl(exampleLoungeSnapshot.eventId),
        stampedAt: new Date(exampleLoungeSnapshot.updatedAt),
        lastModifiedAt: new Date(exampleLoungeSnapshot.updatedAt),
      }),
    ]);
    expect(sut[0].description).toBe(
      [
        exampleLoungeSnapshot.summary,
        'Thema: Die smarte Stadt im Alltag',
        'Gastgeber: Ulm',
        '',
        `Details: ${eventUrl(exampleLoungeSnapshot.eventId)}`,
      ].join('\n'),
    );
  });

  it('keeps the UID through later revisions and changes of time', () => {
    const first = calendarEntriesOf(newLounge());
    const later = calendarEntriesOf(newLounge({ revision: 9, startsAt: '2027-04-16T17:00:00+02:00' }));

    expect(later[0].uid).toBe(first[0].uid);
    expect(later[0].sequence).toBe(9);
  });

  it('gives a forum one entry over its whole span, across the end of summer time', () => {
    const text = writeCalendar({ entries: calendarEntriesOf(newForum()) });

    expect(readCalendar(text).entries).toEqual([
      expect.objectContaining({
        summary: '23. Deutschlandforum',
        startsLocal: '2027-10-30T09:30:00',
        endsLocal: '2027-11-01T16:00:00',
        startsAt: new Date('2027-10-30T07:30:00Z'),
        endsAt: new Date('2027-11-01T15:00:00Z'),
        description: expect.stringContaining('Leitgedanke: Kommune 2035: mutig, vernetzt, nah') as string,
        categories: ['Deutschlandforum', 'Digitalisierung', 'Stadtentwicklung'],
      }),
    ]);
  });

  it('gives a Kommunalzirkel one entry per dated module, each with a UID of its own, across the start of summer time', () => {
    const circle = newCircle();
    const text = writeCalendar({ entries: calendarEntriesOf(circle) });

    const entries = readCalendar(text).entries;
    expect(entries.map((entry) => entry.uid)).toEqual([
      `${circle.eventId}-a0000000-0000-4000-8000-000000000001@innovators-club.dstgb.de`,
      `${circle.eventId}-a0000000-0000-4000-8000-000000000002@innovators-club.dstgb.de`,
    ]);
    expect(entries[0]).toMatchObject({
      summary: 'Kommunen for future: Modul 1: Auftakt in Pegnitz',
      startsLocal: '2027-03-25T10:00:00',
      location: 'Rathaus Pegnitz',
      description: expect.stringContaining('– Wo steht unsere Kommune beim Klimaschutz?') as string,
    });
    expect(entries[0].startsAt.toISOString()).toBe('2027-03-25T09:00:00.000Z');
    expect(entries[1]).toMatchObject({ startsLocal: '2027-04-08T10:00:00', location: expect.any(String) });
    expect(entries[1].startsAt.toISOString()).toBe('2027-04-08T08:00:00.000Z');
  });

  it('gives nothing for a Kommunalzirkel whose modules have no date yet', () => {
    const circle = newCircle();
    const undated = { ...circle.circle!, modules: circle.circle!.modules.slice(2) };

    expect(calendarEntriesOf(newCircle({ circle: undated }))).toEqual([]);
  });

  it('marks a cancelled event CANCELLED and says why, and a draft TENTATIVE', () => {
    const cancelled = calendarEntriesOf(
      newLounge({
        status: 'cancelled',
        cancellation: { reason: 'Der Saal steht nicht zur Verfügung.', cancelledAt: '2027-03-01T10:00:00Z' },
      }),
    );
    const draft = calendarEntriesOf(newLounge({ status: 'draft' }));

    expect(cancelled[0]).toMatchObject({
      status: 'CANCELLED',
      description: expect.stringMatching(/^Abgesagt: Der Saal steht nicht zur Verfügung\.\n/) as string,
    });
    expect(draft[0].status).toBe('TENTATIVE');
  });

  it('stamps with the given time when asked', () => {
    const stampedAt = new Date('2027-02-02T12:00:00Z');

    expect(calendarEntriesOf(newLounge(), { stampedAt })[0].stampedAt).toEqual(stampedAt);
  });
});
