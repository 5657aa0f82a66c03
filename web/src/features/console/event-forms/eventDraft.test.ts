import { describe, expect, it } from 'vitest';
import {
  blankModule,
  blankSession,
  buildRequest,
  draftOf,
  feeInCents,
  fieldName,
  newDraft,
  sentenceFor,
  withDerivedDates,
  type EventDetail,
  type EventDraft,
} from './eventDraft';

const NOW = new Date('2027-01-10T08:15:00Z');

function lounge(patch: Partial<EventDraft> = {}): EventDraft {
  return withDerivedDates({
    ...newDraft('innovators-lounge'),
    title: 'Innovators Lounge Ulm',
    description: 'Ein Abend in Ulm.',
    themes: ['Digitalisierung'],
    topic: 'Die smarte Stadt',
    hostName: 'Ulm',
    hostAgs: '08421000',
    hostState: 'BW',
    venue: { name: 'Stadthaus', street: '', postalCode: '89073', city: 'Ulm', federalState: 'BW' },
    startDate: '2027-04-15',
    ...patch,
  });
}

function body(draft: EventDraft, changing = false) {
  const built = buildRequest(draft, NOW, changing);
  expect(built.problems).toEqual([]);
  return built.request.body as unknown as Record<string, unknown>;
}

describe('a lounge from the form', () => {
  it('is an evening from 18:00 to 21:00 in Berlin time with the offset of its day, closing three days before at 23:59', () => {
    expect(body(lounge())).toMatchObject({
      startsAt: '2027-04-15T18:00:00+02:00',
      endsAt: '2027-04-15T21:00:00+02:00',
      // Opens with the announcement: now (10 January, winter time), so open as soon as it is announced.
      registration: { opensAt: '2027-01-10T09:15:00+01:00', closesAt: '2027-04-12T23:59:00+02:00' },
      capacity: 40,
      audience: 'members',
      announceTo: 'all-members',
      host: { name: 'Ulm', ags: '08421000', federalState: 'BW' },
      venue: { name: 'Stadthaus', postalCode: '89073', city: 'Ulm', federalState: 'BW' },
    });
  });

  it('takes the offset of the event’s day, not of today: a lounge in winter entered in summer', () => {
    const summer = new Date('2027-07-01T10:00:00Z');
    const built = buildRequest(lounge({ startDate: '2027-12-02' }), summer);
    expect(built.request.body).toMatchObject({
      startsAt: '2027-12-02T18:00:00+01:00',
      registration: { opensAt: '2027-07-01T12:00:00+02:00', closesAt: '2027-11-29T23:59:00+01:00' },
    });
  });

  it('closes three days before across the change to summer time (Wednesday 31 March → Sunday 28 March)', () => {
    expect(body(lounge({ startDate: '2027-03-31' }))).toMatchObject({
      startsAt: '2027-03-31T18:00:00+02:00',
      registration: { closesAt: '2027-03-28T23:59:00+02:00' },
    });
    expect(body(lounge({ startDate: '2027-03-29' }))).toMatchObject({
      registration: { closesAt: '2027-03-26T23:59:00+01:00' },
    });
  });

  it('keeps a closing the office set when the date changes afterwards', () => {
    const set = withDerivedDates({
      ...lounge(),
      closesDate: '2027-04-01',
      closesTime: '12:00',
      closesFollowStart: false,
    });
    const moved = withDerivedDates({ ...set, startDate: '2027-05-20' });
    expect(body(moved)).toMatchObject({
      startsAt: '2027-05-20T18:00:00+02:00',
      registration: { closesAt: '2027-04-01T12:00:00+02:00' },
    });
  });

  it('opens at a fixed time when the office chooses one', () => {
    const draft = lounge({ opensWithAnnouncement: false, opensDate: '2027-02-01', opensTime: '09:00' });
    expect(body(draft)).toMatchObject({ registration: { opensAt: '2027-02-01T09:00:00+01:00' } });
  });

  it('names every missing or wrong field in German, by the API’s field names', () => {
    const built = buildRequest(
      lounge({
        title: 'Ab',
        themes: [],
        startDate: '',
        closesFollowStart: false,
        closesDate: '',
        hostAgs: '1234',
        venue: { name: '', street: '', postalCode: '123', city: 'Ulm', federalState: '' },
        capacity: 'viele',
      }),
      NOW,
    );
    expect(built.problems.map((problem) => problem.field)).toEqual([
      'title',
      'themes',
      'capacity',
      'registration.closesAt',
      'startsAt',
      'endsAt',
      'venue.name',
      'venue.postalCode',
      'venue.federalState',
      'host.ags',
    ]);
    expect(built.problems[0]?.message).toBe(
      'Bitte geben Sie einen Titel mit 3 bis 200 Zeichen an (ohne Zeilenumbruch).',
    );
    expect(built.problems.find((problem) => problem.field === 'startsAt')?.message).toBe(
      'Bitte geben Sie das Datum an.',
    );
  });

  it('refuses an end before the start and a closing after the start', () => {
    const built = buildRequest(
      lounge({ endTime: '17:00', closesFollowStart: false, closesDate: '2027-04-16', closesTime: '10:00' }),
      NOW,
    );
    expect(built.problems).toEqual([
      { field: 'endsAt', message: 'Das Ende muss nach dem Beginn liegen.' },
      {
        field: 'registration.closesAt',
        message: 'Die Anmeldung muss spätestens zum Beginn der Veranstaltung schließen.',
      },
    ]);
  });

  it('refuses the hour that the change to summer time skips', () => {
    const built = buildRequest(
      lounge({ startDate: '2027-03-28', startTime: '02:30', endTime: '04:00' }),
      NOW,
    );
    expect(built.problems).toContainEqual({
      field: 'startsAt',
      message:
        '02:30 Uhr gibt es am 28.03.2027 nicht: In dieser Nacht werden die Uhren von 2 auf 3 Uhr vorgestellt.',
    });
  });
});

describe('a Deutschlandforum from the form', () => {
  function forum(): EventDraft {
    const start = withDerivedDates({
      ...newDraft('deutschlandforum'),
      title: 'Deutschlandforum 2027',
      description: 'Zwei Tage.',
      themes: ['Partizipation'],
      leitgedanke: 'Kommune 2035',
      edition: '23',
      venue: {
        name: 'Kongresshaus',
        street: 'Mußstraße 1',
        postalCode: '96047',
        city: 'Bamberg',
        federalState: 'BY',
      },
      // The weekend the clocks go forward: Saturday in winter time, Sunday in summer time.
      startDate: '2027-03-27',
    });
    const workshop = {
      ...blankSession('workshop', '2027-03-28'),
      title: 'Werkstatt Daten',
      startTime: '11:00',
      endTime: '12:30',
      speakers: [{ key: 1, name: 'Prof. Dr. Ada Beispiel', organisation: 'Hochschule', bio: '' }],
    };
    const talk = {
      ...blankSession('talk', '2027-03-27'),
      title: 'Eröffnung',
      startTime: '09:30',
      endTime: '10:30',
    };
    return { ...start, sessions: [talk, workshop] };
  }

  it('spans two days, ending on the next day at 16:00, each day with its own offset', () => {
    expect(body(forum())).toMatchObject({
      startsAt: '2027-03-27T09:30:00+01:00',
      endsAt: '2027-03-28T16:00:00+02:00',
      leitgedanke: 'Kommune 2035',
      edition: 23,
      capacity: 200,
      registration: { closesAt: '2027-03-24T23:59:00+01:00' },
      sessions: [
        {
          kind: 'talk',
          title: 'Eröffnung',
          startsAt: '2027-03-27T09:30:00+01:00',
          endsAt: '2027-03-27T10:30:00+01:00',
          speakers: [],
        },
        {
          kind: 'workshop',
          title: 'Werkstatt Daten',
          startsAt: '2027-03-28T11:00:00+02:00',
          endsAt: '2027-03-28T12:30:00+02:00',
          capacity: 30,
          speakers: [{ name: 'Prof. Dr. Ada Beispiel', organisation: 'Hochschule' }],
        },
      ],
    });
  });

  it('sends a member speaker by their id only, and a workshop without seats is named', () => {
    const draft = forum();
    const [talk, workshop] = draft.sessions;
    const changed: EventDraft = {
      ...draft,
      sessions: [
        {
          ...talk,
          speakers: [
            {
              key: 5,
              memberId: '7d9f3c1e-1111-4222-8333-444455556666',
              name: 'Anna Müller',
              organisation: 'Kiel',
              bio: '',
            },
          ],
        },
        { ...workshop, capacity: '' },
      ],
    };
    const built = buildRequest(changed, NOW);
    expect(built.problems).toEqual([
      {
        field: 'sessions.1.capacity',
        message: 'Ein Workshop braucht seine Zahl an Plätzen (ganze Zahl ab 0).',
      },
    ]);
    expect((built.request.body as { sessions: { speakers: unknown[] }[] }).sessions[0]?.speakers).toEqual([
      { memberId: '7d9f3c1e-1111-4222-8333-444455556666' },
    ]);
  });

  it('clears an edition and summary left empty when changing, and leaves them out when creating', () => {
    const draft = { ...forum(), edition: '', summary: '' };
    expect(body(draft)).not.toHaveProperty('edition');
    expect(body(draft)).not.toHaveProperty('summary');
    expect(body(draft, true)).toMatchObject({ edition: null, summary: null, targetGroup: null });
  });
});

describe('a Kommunalzirkel from the form', () => {
  function circle(): EventDraft {
    return withDerivedDates({
      ...newDraft('kommunalzirkel'),
      title: 'Kommunen for future',
      description: 'Vier Module.',
      themes: ['Klimaschutz'],
      targetStates: ['BY'],
      maxPopulation: '25.000',
      fee: '49,50',
      modules: [
        {
          ...blankModule(1),
          title: 'Modul 1: Auftakt',
          date: '2027-08-14',
          place: 'Rathaus Pegnitz',
          questions: 'Wo stehen wir?\n\n Was fehlt? ',
        },
        { ...blankModule(2), title: 'Modul 2: Bilanz', dated: false, dateNote: 'Frühjahr 2028' },
      ],
    });
  }

  it('sends its dated module with Berlin offsets, the „Termin folgt“ module without a date, and the target group', () => {
    expect(body(circle())).toMatchObject({
      audience: 'target-group',
      targetGroup: { federalStates: ['BY'], maxPopulation: 25000 },
      capacity: 30,
      registration: { closesAt: '2027-08-11T23:59:00+02:00' },
      modules: [
        {
          title: 'Modul 1: Auftakt',
          startsAt: '2027-08-14T10:00:00+02:00',
          endsAt: '2027-08-14T16:00:00+02:00',
          place: 'Rathaus Pegnitz',
          guidingQuestions: ['Wo stehen wir?', 'Was fehlt?'],
        },
        { title: 'Modul 2: Bilanz', dateNote: 'Frühjahr 2028', guidingQuestions: [] },
      ],
      delegation: { maxPeople: 3, suggestedRoles: ['mayor', 'administration', 'civil-society'] },
      feeCents: 4950,
    });
    expect((body(circle()).modules as object[])[1]).not.toHaveProperty('startsAt');
  });

  it('needs a module with a date and a Land', () => {
    const built = buildRequest(
      { ...circle(), targetStates: [], modules: [{ ...blankModule(1), title: 'Modul 1', dated: false }] },
      NOW,
    );
    expect(built.problems.map((problem) => problem.field)).toEqual(['targetGroup.federalStates', 'modules']);
  });
});

describe('the form of an event as it is (to change it)', () => {
  const event = {
    eventId: 'e1',
    kind: 'deutschlandforum',
    status: 'announced',
    revision: 3,
    title: 'Deutschlandforum 2027',
    description: 'Zwei Tage.',
    descriptionHtml: '<p>Zwei Tage.</p>',
    themes: ['Partizipation'],
    capacity: 200,
    audience: 'members',
    announceTo: 'matching-themes',
    registration: { opensAt: '2027-01-01T09:00:00+01:00', closesAt: '2027-03-24T23:59:00+01:00' },
    startsAt: '2027-03-27T09:30:00+01:00',
    endsAt: '2027-03-28T16:00:00+02:00',
    venue: { name: 'Kongresshaus', city: 'Bamberg', federalState: 'BY' },
    forum: {
      leitgedanke: 'Kommune 2035',
      sessions: [
        {
          sessionId: 's1',
          kind: 'workshop',
          title: 'Werkstatt',
          startsAt: '2027-03-28T09:00:00Z',
          endsAt: '2027-03-28T10:30:00Z',
          capacity: 25,
          speakers: [{ kind: 'member', memberId: 'm1', name: 'Anna Müller', organisation: 'Kiel' }],
        },
      ],
    },
    federalStates: ['BY'],
    documents: [],
    calendarHref: '',
    createdAt: '',
    updatedAt: '',
  } as unknown as EventDetail;

  it('shows every time in Berlin wall time and sends it back unchanged, with the ids that keep sessions', () => {
    const draft = draftOf(event, NOW);
    expect(draft).toMatchObject({
      startDate: '2027-03-27',
      startTime: '09:30',
      endDate: '2027-03-28',
      endTime: '16:00',
      opensWithAnnouncement: false,
      opensDate: '2027-01-01',
      closesDate: '2027-03-24',
      closesTime: '23:59',
    });
    expect(draft.sessions[0]).toMatchObject({
      date: '2027-03-28',
      startTime: '11:00',
      endTime: '12:30',
      capacity: '25',
    });
    expect(body(draft, true)).toMatchObject({
      startsAt: '2027-03-27T09:30:00+01:00',
      endsAt: '2027-03-28T16:00:00+02:00',
      announceTo: 'matching-themes',
      registration: { opensAt: '2027-01-01T09:00:00+01:00', closesAt: '2027-03-24T23:59:00+01:00' },
      sessions: [
        {
          sessionId: 's1',
          startsAt: '2027-03-28T11:00:00+02:00',
          endsAt: '2027-03-28T12:30:00+02:00',
          capacity: 25,
          speakers: [{ memberId: 'm1' }],
        },
      ],
    });
  });

  it('offers „opens with the announcement“ for a draft whose opening has passed', () => {
    expect(draftOf({ ...event, status: 'draft' }, NOW).opensWithAnnouncement).toBe(true);
  });
});

describe('words', () => {
  it('reads fees the German way', () => {
    expect(feeInCents('0')).toBe(0);
    expect(feeInCents('49,50')).toBe(4950);
    expect(feeInCents('49,5')).toBe(4950);
    expect(feeInCents('120 €')).toBe(12000);
    expect(feeInCents('zwölf')).toBeUndefined();
  });

  it('names fields in the error summary as the office sees them', () => {
    expect(fieldName('sessions.2.title')).toBe('Programmpunkt 3: Titel');
    expect(fieldName('sessions.0.speakers.1.organisation')).toBe('Programmpunkt 1 – Person 2: Organisation');
    expect(fieldName('modules.0.startsAt')).toBe('Modul 1: Beginn');
    expect(fieldName('registration.closesAt')).toBe('Anmeldung: Anmeldeschluss');
    expect(fieldName('title')).toBe('Titel');
  });

  it('says what a malformed field must be instead of the validator’s words', () => {
    expect(sentenceFor('host.ags')).toMatch(/acht Ziffern/);
    expect(sentenceFor('sessions.1.speakers.0.name')).toMatch(/Namen/);
    expect(sentenceFor('modules.2.title')).toMatch(/Modul/);
  });
});
