import { berlin, forumPlan, session } from '../../testing/event-factories';
import { MemberSpeaker } from '../../replicas/member-speaker';
import { forumProblems, resolveSpeaker, speakerProblems } from './forum.rules';

const fields = (problems: readonly { field: string }[]) => problems.map((problem) => problem.field);
const workshop = (title: string, start: string, end: string, room?: string) =>
  session({
    kind: 'workshop',
    title,
    startsAt: berlin(start),
    endsAt: berlin(end),
    capacity: 30,
    ...(room ? { room } : {}),
  });

describe(forumProblems.name, () => {
  it('accepts a forum whose sessions lie within it, with a parallel workshop slot', () => {
    const plan = forumPlan([
      session({ room: 'Saal' }),
      workshop('Daten teilen', '2027-05-12T14:00', '2027-05-12T15:30', 'Raum A'),
      workshop('Klimaanpassung', '2027-05-12T14:00', '2027-05-12T15:30', 'Raum B'),
      session({
        kind: 'panel',
        title: 'Podium',
        startsAt: berlin('2027-05-13T15:00'),
        endsAt: berlin('2027-05-13T16:00'),
        room: 'Saal',
      }),
    ]);
    expect(forumProblems(plan)).toEqual([]);
  });

  it('refuses a session that ends before it starts', () => {
    const plan = forumPlan([
      session({ startsAt: berlin('2027-05-12T11:00'), endsAt: berlin('2027-05-12T10:00') }),
    ]);
    expect(fields(forumProblems(plan))).toEqual(['sessions.0.endsAt']);
  });

  it('refuses sessions outside the forum', () => {
    const plan = forumPlan([
      session(),
      session({ startsAt: berlin('2027-05-12T08:00'), endsAt: berlin('2027-05-12T09:00') }),
      session({ startsAt: berlin('2027-05-13T15:30'), endsAt: berlin('2027-05-13T17:00') }),
    ]);
    expect(fields(forumProblems(plan))).toEqual(['sessions.1.startsAt', 'sessions.2.endsAt']);
  });

  it('needs a capacity for workshops and refuses one for other sessions', () => {
    const plan = forumPlan([
      session({ kind: 'workshop' }),
      session({
        kind: 'talk',
        capacity: 20,
        startsAt: berlin('2027-05-12T12:00'),
        endsAt: berlin('2027-05-12T13:00'),
      }),
    ]);
    expect(forumProblems(plan)).toEqual([
      { field: 'sessions.0.capacity', message: 'Der Workshop „Eröffnung“ braucht eine Platzzahl.' },
      {
        field: 'sessions.1.capacity',
        message:
          'Nur Workshops haben eine eigene Platzzahl; „Eröffnung“ ist ein Programmpunkt der Art Vortrag.',
      },
    ]);
  });

  it('refuses overlapping workshops that do not start and end together', () => {
    const plan = forumPlan([
      workshop('Daten teilen', '2027-05-12T14:00', '2027-05-12T15:30'),
      workshop('Klimaanpassung', '2027-05-12T14:30', '2027-05-12T16:00'),
      workshop('Beteiligung', '2027-05-12T15:30', '2027-05-12T17:00'),
    ]);
    const problems = forumProblems(plan);
    expect(fields(problems)).toEqual(['sessions.1.startsAt', 'sessions.2.startsAt']);
    expect(problems[0].message).toContain('„Klimaanpassung“ überschneidet sich mit „Daten teilen“');
  });

  it('lets a workshop follow another directly', () => {
    const plan = forumPlan([
      workshop('Daten teilen', '2027-05-12T14:00', '2027-05-12T15:30', 'Raum A'),
      workshop('Klimaanpassung', '2027-05-12T15:30', '2027-05-12T17:00', 'Raum A'),
    ]);
    expect(forumProblems(plan)).toEqual([]);
  });

  it('refuses two sessions in one room at the same time, whatever the spelling of the room', () => {
    const plan = forumPlan([
      session({ room: 'Saal Einstein' }),
      session({
        kind: 'panel',
        title: 'Podium',
        startsAt: berlin('2027-05-12T10:30'),
        endsAt: berlin('2027-05-12T11:30'),
        room: ' saal  einstein',
      }),
      session({
        kind: 'panel',
        title: 'Nebenan',
        startsAt: berlin('2027-05-12T10:30'),
        endsAt: berlin('2027-05-12T11:30'),
        room: 'Saal Curie',
      }),
    ]);
    expect(forumProblems(plan)).toEqual([
      {
        field: 'sessions.1.room',
        message: 'Im Raum „ saal  einstein“ findet zur selben Zeit schon „Eröffnung“ statt.',
      },
    ]);
  });

  it('refuses two sessions with one id', () => {
    const first = session();
    const plan = forumPlan([
      first,
      session({
        sessionId: first.sessionId,
        startsAt: berlin('2027-05-12T12:00'),
        endsAt: berlin('2027-05-12T13:00'),
      }),
    ]);
    expect(fields(forumProblems(plan))).toEqual(['sessions.1.sessionId']);
  });

  it('applies the shared rules', () => {
    const plan = forumPlan([session()], { endsAt: berlin('2027-05-12T09:00') });
    expect(fields(forumProblems(plan))).toEqual(['endsAt', 'sessions.0.endsAt']);
  });
});

describe(speakerProblems.name, () => {
  const members = new Map<string, MemberSpeaker>([
    [
      'active-member',
      {
        memberId: 'active-member',
        name: 'Dr. Anna Beispiel',
        organisation: 'Gemeinde Kalletal',
        active: true,
      },
    ],
    [
      'former-member',
      { memberId: 'former-member', name: 'Jonas Müller', organisation: 'Stadt Lemgo', active: false },
    ],
  ]);

  it('accepts active members and external speakers with name and organisation', () => {
    const sessions = [
      {
        speakers: [
          { memberId: 'active-member' },
          { name: 'Prof. Dr. Ada Beispiel', organisation: 'Hochschule Kehl' },
        ],
      },
    ];
    expect(speakerProblems(sessions, members)).toEqual([]);
  });

  it('refuses unknown and inactive members', () => {
    const sessions = [
      { speakers: [] },
      { speakers: [{ memberId: 'unknown-member' }, { memberId: 'former-member' }] },
    ];
    expect(speakerProblems(sessions, members)).toEqual([
      { field: 'sessions.1.speakers.0.memberId', message: 'Dieses Mitglied ist nicht bekannt.' },
      { field: 'sessions.1.speakers.1.memberId', message: 'Jonas Müller ist kein aktives Mitglied mehr.' },
    ]);
  });

  it('needs name and organisation of external speakers', () => {
    const sessions = [{ speakers: [{ bio: 'Forscht zu Verwaltung.' }] }];
    expect(fields(speakerProblems(sessions, members))).toEqual([
      'sessions.0.speakers.0.name',
      'sessions.0.speakers.0.organisation',
    ]);
  });

  it('names member speakers as the replica knows them, not as entered', () => {
    expect(
      resolveSpeaker({ memberId: 'active-member', name: 'Falscher Name', bio: 'Bürgermeisterin.' }, members),
    ).toEqual({
      kind: 'member',
      memberId: 'active-member',
      name: 'Dr. Anna Beispiel',
      organisation: 'Gemeinde Kalletal',
      bio: 'Bürgermeisterin.',
    });
    expect(
      resolveSpeaker({ name: 'Ada Beispiel', organisation: 'Hochschule Kehl', bio: '' }, members),
    ).toEqual({
      kind: 'external',
      name: 'Ada Beispiel',
      organisation: 'Hochschule Kehl',
    });
  });
});
