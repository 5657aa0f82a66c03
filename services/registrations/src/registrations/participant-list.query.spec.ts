import { InvalidInputError } from '@ic/platform';
import { randomUUID } from 'node:crypto';
import { NewRegistration, SeatBook } from '../seats/seat-book';
import { KnownMember } from '../replicas/known-member';
import { participantPage } from './participant-list.query';

const now = new Date('2027-03-01T10:00:00.000Z');
const workshop = randomUUID();

function registration(index: number, overrides: Partial<NewRegistration> = {}): NewRegistration {
  return {
    registrationId: `registration-${index}`,
    registrantKey: `member:${index}`,
    registrant: { kind: 'member', memberId: `member-${index}`, federalState: 'BY', sector: 'Kommune' },
    registeredBy: { subject: `member-${index}`, role: 'member' },
    sessionIds: [],
    ...overrides,
  };
}

/** Three seats, one workshop seat; registrations 4 and 5 wait, 2 is cancelled (4 moved up). */
function book(): SeatBook {
  const sut = SeatBook.empty('event-1');
  const plan = { capacity: 3, workshops: [{ sessionId: workshop, capacity: 1 }] };
  sut.register(registration(1, { sessionIds: [workshop] }), plan, now);
  sut.register(registration(2), plan, now);
  sut.register(
    registration(3, {
      sessionIds: [workshop],
      registrant: { kind: 'member', memberId: 'member-3', federalState: 'NW', sector: 'Wirtschaft' },
    }),
    plan,
    now,
  );
  sut.register(registration(4), plan, now);
  sut.register(
    registration(5, {
      registrantKey: 'municipality:09472175',
      registrant: {
        kind: 'municipality',
        municipality: { name: 'Pegnitz', ags: '09472175', population: 13_700 },
        federalState: 'BY',
      },
    }),
    plan,
    now,
  );
  sut.cancel('registration-2', 'registrant', { subject: 'member-2', role: 'member' }, plan, now);
  return sut;
}

const ids = (page: ReturnType<typeof participantPage>) => page.items.map((view) => view.entry.registrationId);

describe(participantPage.name, () => {
  it('lists the confirmed in the order they got their seat, then the waiting list, then the cancelled', () => {
    expect(ids(participantPage(book().views(), {}))).toEqual([
      'registration-1',
      'registration-3',
      'registration-4',
      'registration-5',
      'registration-2',
    ]);
  });

  it('pages with a cursor that resumes exactly after the last item', () => {
    const views = book().views();
    const first = participantPage(views, { limit: 2 });
    const second = participantPage(views, { limit: 2, cursor: first.nextCursor! });
    const third = participantPage(views, { limit: 2, cursor: second.nextCursor! });

    expect([...ids(first), ...ids(second), ...ids(third)]).toEqual(ids(participantPage(views, {})));
    expect(third.nextCursor).toBeNull();
    expect(() => participantPage(views, { cursor: 'x' })).toThrow(InvalidInputError);
  });

  it('filters by status, Land and sector (municipalities count as Kommune)', () => {
    const views = book().views();
    expect(ids(participantPage(views, { status: 'waiting' }))).toEqual(['registration-5']);
    expect(ids(participantPage(views, { federalState: 'NW' }))).toEqual(['registration-3']);
    expect(ids(participantPage(views, { sector: 'Kommune', status: 'confirmed' }))).toEqual([
      'registration-1',
      'registration-4',
    ]);
    expect(ids(participantPage(views, { sector: 'Kommune', status: 'waiting' }))).toEqual(['registration-5']);
  });

  it('lists a workshop’s participants by their status in the workshop', () => {
    const views = book().views();
    expect(ids(participantPage(views, { sessionId: workshop }))).toEqual([
      'registration-1',
      'registration-3',
    ]);
    expect(ids(participantPage(views, { sessionId: workshop, status: 'waiting' }))).toEqual([
      'registration-3',
    ]);
    expect(() => participantPage(views, { status: 'pending' })).toThrow(InvalidInputError);
  });

  it('filters by whether anyone of the registration was marked at the door', () => {
    const views = book()
      .views()
      .map((view) =>
        view.entry.registrationId === 'registration-3'
          ? { ...view, entry: { ...view.entry, attended: true } }
          : view,
      );
    expect(ids(participantPage(views, { attended: true }))).toEqual(['registration-3']);
    expect(ids(participantPage(views, { attended: false, status: 'confirmed' }))).toEqual([
      'registration-1',
      'registration-4',
    ]);
  });

  it('searches names, organisation and municipality with or without umlauts', () => {
    const views = book().views();
    const members = new Map<string, KnownMember>([
      [
        'member-1',
        {
          memberId: 'member-1',
          status: 'active',
          salutation: 'Herr',
          firstName: 'Jürgen',
          lastName: 'Müßig',
          email: 'juergen@goerlitz.example',
          organisation: 'Stadt Görlitz',
          sector: 'Kommune',
          federalState: 'SN',
          municipality: { name: 'Görlitz', ags: '14626110', population: 55_000 },
          themes: [],
        },
      ],
    ]);
    const search = (q: string) => ids(participantPage(views, { q }, members));
    expect(search('Müßig')).toEqual(['registration-1']);
    expect(search('muessig')).toEqual(['registration-1']);
    expect(search('MUSSIG')).toEqual(['registration-1']);
    expect(search('gorlitz')).toEqual(['registration-1']);
    expect(search('Pegnitz')).toEqual(['registration-5']);
    expect(search('Niemand')).toEqual([]);
  });
});
