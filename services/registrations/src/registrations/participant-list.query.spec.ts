import { RuleViolationError } from '@ic/platform';
import { randomUUID } from 'node:crypto';
import { KnownMember } from '../replicas/known-member';
import { eventWith, SeatStepsTestBed } from '../testing/in-memory-registrations';
import { participantPage } from './participant-list.query';
import { RegistrationView } from './registration';

const workshop = randomUUID();

/** Three seats, one workshop seat; registrations 4 and 5 wait, 2 is cancelled (4 moved up). */
async function views(): Promise<RegistrationView[]> {
  const bed = new SeatStepsTestBed();
  const event = eventWith({ capacity: 3, workshops: [{ sessionId: workshop, capacity: 1 }] });
  bed.events.set(event.eventId, event);
  const member = (index: number) => ({
    registrationId: `registration-${index}`,
    memberId: `member-${index}`,
  });
  await bed.register(event.eventId, { ...member(1), sessionIds: [workshop] });
  await bed.register(event.eventId, member(2));
  await bed.register(event.eventId, {
    ...member(3),
    sessionIds: [workshop],
    registrant: { kind: 'member', memberId: 'member-3', federalState: 'NW', sector: 'Wirtschaft' },
  });
  await bed.register(event.eventId, member(4));
  await bed.register(event.eventId, {
    registrationId: 'registration-5',
    registrantKey: 'municipality:09472175',
    registrant: {
      kind: 'municipality',
      municipality: { name: 'Pegnitz', ags: '09472175', population: 13_700 },
      federalState: 'BY',
    },
  });
  await bed.sut.cancel('registration-2', 'registrant', { subject: 'member-2', role: 'member' }, () => true);
  return bed.views(event.eventId);
}

const ids = (page: ReturnType<typeof participantPage>) => page.items.map((view) => view.entry.registrationId);

describe(participantPage.name, () => {
  it('lists the confirmed in the order they got their seat, then the waiting list, then the cancelled', async () => {
    expect(ids(participantPage(await views(), {}))).toEqual([
      'registration-1',
      'registration-3',
      'registration-4',
      'registration-5',
      'registration-2',
    ]);
  });

  it('pages with a cursor that resumes exactly after the last item', async () => {
    const all = await views();
    const first = participantPage(all, { limit: 2 });
    const second = participantPage(all, { limit: 2, cursor: first.nextCursor! });
    const third = participantPage(all, { limit: 2, cursor: second.nextCursor! });

    expect([...ids(first), ...ids(second), ...ids(third)]).toEqual(ids(participantPage(all, {})));
    expect(third.nextCursor).toBeNull();
    expect(() => participantPage(all, { cursor: 'x' })).toThrow(RuleViolationError);
  });

  it('filters by status, Land and sector (municipalities count as Kommune)', async () => {
    const all = await views();
    expect(ids(participantPage(all, { status: 'waiting' }))).toEqual(['registration-5']);
    expect(ids(participantPage(all, { federalState: 'NW' }))).toEqual(['registration-3']);
    expect(ids(participantPage(all, { sector: 'Kommune', status: 'confirmed' }))).toEqual([
      'registration-1',
      'registration-4',
    ]);
    expect(ids(participantPage(all, { sector: 'Kommune', status: 'waiting' }))).toEqual(['registration-5']);
  });

  it('lists a workshop’s participants by their status in the workshop', async () => {
    const all = await views();
    expect(ids(participantPage(all, { sessionId: workshop }))).toEqual(['registration-1', 'registration-3']);
    expect(ids(participantPage(all, { sessionId: workshop, status: 'waiting' }))).toEqual(['registration-3']);
    expect(() => participantPage(all, { status: 'pending' })).toThrow(RuleViolationError);
  });

  it('filters by whether anyone of the registration was marked at the door', async () => {
    const all = (await views()).map((view) =>
      view.entry.registrationId === 'registration-3'
        ? { ...view, entry: { ...view.entry, attended: true } }
        : view,
    );
    expect(ids(participantPage(all, { attended: true }))).toEqual(['registration-3']);
    expect(ids(participantPage(all, { attended: false, status: 'confirmed' }))).toEqual([
      'registration-1',
      'registration-4',
    ]);
  });

  it('searches names, organisation and municipality with or without umlauts', async () => {
    const all = await views();
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
    const search = (q: string) => ids(participantPage(all, { q }, members));
    expect(search('Müßig')).toEqual(['registration-1']);
    expect(search('muessig')).toEqual(['registration-1']);
    expect(search('MUSSIG')).toEqual(['registration-1']);
    expect(search('gorlitz')).toEqual(['registration-1']);
    expect(search('Pegnitz')).toEqual(['registration-5']);
    expect(search('Niemand')).toEqual([]);
  });
});
