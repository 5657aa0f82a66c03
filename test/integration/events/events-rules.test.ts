import {
  berlinDate,
  ClubEventSummaryReply,
  EventsRequests,
  MemberActivatedEvent,
  MemberDeactivatedEvent,
  MemberProfileUpdatedEvent,
  Page,
} from '@ic/contracts';
import { randomUUID } from 'node:crypto';
import { eventually } from '../../support/eventually';
import {
  circleRequest,
  DAY,
  EventsService,
  EventTypes,
  forumRequest,
  inMs,
  loungeRequest,
  memberProfile,
  staff,
} from './events-service';

/** Invalid combinations are refused with the fields named and store nothing; updates say what changed. */
describe('Events service rules', () => {
  const service = new EventsService();

  beforeAll(async () => {
    await service.start();
  });

  afterAll(async () => {
    await service.stop();
  });

  const stored = () => service.db.collection('events').countDocuments();
  const draftedTitles = () =>
    service
      .allPublished()
      .filter((event) => event.type === EventTypes.drafted)
      .map((event) => (event.data.event as { title: string }).title);

  it.each([
    ['end before start', () => loungeRequest({ endsAt: inMs(29 * DAY) }), 422, ['endsAt']],
    [
      'registration closing after the event started',
      () => loungeRequest({ registration: { opensAt: inMs(-DAY), closesAt: inMs(30 * DAY + 60_000) } }),
      422,
      ['registration.closesAt'],
    ],
    [
      'a target group without audience target-group',
      () => loungeRequest({ targetGroup: { federalStates: ['BW'] } }),
      422,
      ['targetGroup'],
    ],
    [
      'a host key of another Land',
      () => loungeRequest({ host: { name: 'Ulm', ags: '08421000', federalState: 'BY' } }),
      422,
      ['host.ags'],
    ],
    ['a capacity below zero', () => loungeRequest({ capacity: -1 }), 400, ['capacity']],
    [
      'a target group with an unknown Land',
      () => loungeRequest({ audience: 'target-group', targetGroup: { federalStates: ['XX' as never] } }),
      400,
      ['targetGroup.federalStates'],
    ],
    [
      'a time in the hour skipped in March',
      () => loungeRequest({ startsAt: '2027-03-28T02:30' }),
      422,
      ['startsAt'],
    ],
    [
      'a time in the hour repeated in October, without its offset',
      () => loungeRequest({ startsAt: '2027-10-31T02:30', endsAt: '2027-10-31T05:00' }),
      422,
      ['startsAt'],
    ],
  ])(
    'refuses a lounge with %s, naming the field, and stores nothing',
    async (_case, request, status, fields) => {
      const before = await stored();
      const title = `Abgelehnt ${randomUUID()}`;
      const problem = await service.problemOf(EventsRequests.createLounge, { ...request(), title }, staff);
      expect(problem.status).toBe(status);
      expect([...new Set(problem.errors?.map((error) => error.field))]).toEqual(fields);
      expect(await stored()).toBe(before);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(draftedTitles()).not.toContain(title);
    },
  );

  it('refuses a forum whose agenda breaks its rules, naming every session field', async () => {
    const request = forumRequest();
    const [talk, first, second] = request.sessions;
    const problem = await service.problemOf(
      EventsRequests.createForum,
      {
        ...request,
        sessions: [
          { ...talk, capacity: 20 },
          { ...first, capacity: undefined },
          { ...second, startsAt: second.startsAt.replace('14:00', '14:30'), room: 'Raum A' },
          {
            kind: 'talk',
            title: 'Ohne Namen',
            startsAt: talk.startsAt,
            endsAt: talk.endsAt,
            room: 'Saal',
            speakers: [{ organisation: 'Kehl' }],
          },
        ],
      },
      staff,
    );
    expect(problem).toMatchObject({ status: 422, title: 'Regel nicht erfüllt' });
    expect(problem.errors?.map((error) => error.field)).toEqual([
      'sessions.3.speakers.0.name',
      'sessions.0.capacity',
      'sessions.1.capacity',
      'sessions.2.startsAt',
      'sessions.2.room',
      'sessions.3.room',
    ]);
  });

  it('refuses a Kommunalzirkel without a dated module or for another audience', async () => {
    const problem = await service.problemOf(
      EventsRequests.createCircle,
      circleRequest({
        audience: 'members',
        modules: [{ title: 'Offen', dateNote: '2028', guidingQuestions: [] }],
      }),
      staff,
    );
    expect(problem).toMatchObject({ status: 422 });
    expect(problem.errors?.map((error) => error.field)).toEqual(['audience', 'modules']);
  });

  it('names member speakers from its replica of members, and refuses unknown and former members', async () => {
    const memberId = randomUUID();
    const profile = memberProfile();
    await service.publishMembershipEvent(MemberActivatedEvent.type, memberId, {
      memberId,
      invitationId: memberId,
      joinedAt: new Date().toISOString(),
      profile,
    });
    const withSpeaker = (speakerId: string) => {
      const request = forumRequest();
      return {
        ...request,
        sessions: [{ ...request.sessions[0], speakers: [{ memberId: speakerId, bio: 'Bürgermeisterin.' }] }],
      };
    };
    const forum = await eventually(
      () => service.send(EventsRequests.createForum, withSpeaker(memberId), staff),
      30_000,
      500,
    );
    expect(forum.forum?.sessions[0].speakers).toEqual([
      {
        kind: 'member',
        memberId,
        name: 'Dr. Anna Beispiel',
        organisation: 'Gemeinde Kalletal',
        bio: 'Bürgermeisterin.',
      },
    ]);

    await service.publishMembershipEvent(MemberProfileUpdatedEvent.type, memberId, {
      memberId,
      changedBy: { subject: memberId, role: 'member' },
      changedFields: ['lastName'],
      profile: { ...profile, academicTitle: 'Prof. Dr.', lastName: 'Muster' },
    });
    await eventually(async () => {
      const renamed = await service.send(EventsRequests.createForum, withSpeaker(memberId), staff);
      expect(renamed.forum?.sessions[0].speakers[0].name).toBe('Prof. Dr. Anna Muster');
    });

    await service.publishMembershipEvent(MemberDeactivatedEvent.type, memberId, {
      memberId,
      reason: 'left',
      deactivatedBy: { subject: memberId, role: 'member' },
      leftAt: new Date().toISOString(),
    });
    await eventually(async () => {
      const problem = await service.problemOf(EventsRequests.createForum, withSpeaker(memberId), staff);
      expect(problem.errors).toEqual([
        {
          field: 'sessions.0.speakers.0.memberId',
          message: 'Prof. Dr. Anna Muster ist kein aktives Mitglied mehr.',
        },
      ]);
    });
    await expect(
      service.problemOf(EventsRequests.createForum, withSpeaker(randomUUID()), staff),
    ).resolves.toMatchObject({
      status: 422,
      errors: [{ field: 'sessions.0.speakers.0.memberId', message: 'Dieses Mitglied ist nicht bekannt.' }],
    });
    // The forum that named her keeps her name as of its revision.
    await expect(service.send(EventsRequests.get, { eventId: forum.eventId }, staff)).resolves.toEqual(forum);
  });

  it('publishes EventUpdated with the changed aspects, keeps session ids given, and nothing for no change', async () => {
    const forum = await service.send(EventsRequests.createForum, forumRequest(), staff);
    await service.send(EventsRequests.announce, { eventId: forum.eventId }, staff);
    const sessions = forum.forum?.sessions ?? [];
    const back = (wall: string) => wall.slice(0, 16);
    const resent = sessions.map((session) => ({
      sessionId: session.sessionId,
      kind: session.kind,
      title: session.title,
      startsAt: back(session.startsAt),
      endsAt: back(session.endsAt),
      ...(session.room ? { room: session.room } : {}),
      speakers: session.speakers.map((speaker) => ({
        name: speaker.name,
        organisation: speaker.organisation,
      })),
      ...(session.capacity !== undefined ? { capacity: session.capacity } : {}),
    }));

    const unchanged = await service.send(
      EventsRequests.updateForum,
      { eventId: forum.eventId, sessions: resent },
      staff,
    );
    expect(unchanged.revision).toBe(2);

    const moved = await service.send(
      EventsRequests.updateForum,
      {
        eventId: forum.eventId,
        venue: { name: 'Rathaus', city: 'Potsdam', federalState: 'BB' },
        sessions: [{ ...resent[0], room: 'Ratssaal' }, ...resent.slice(1)],
      },
      staff,
    );
    expect(moved).toMatchObject({ revision: 3, status: 'announced', federalStates: ['BB'] });
    expect(moved.forum?.sessions.map((session) => session.sessionId)).toEqual(
      sessions.map((session) => session.sessionId),
    );
    const events = await service.published(forum.eventId, [
      EventTypes.drafted,
      EventTypes.announced,
      EventTypes.updated,
    ]);
    expect(events.filter((event) => event.type === EventTypes.updated)).toHaveLength(1);
    expect(events.at(-1)?.data).toMatchObject({ revision: 3, changed: ['venue', 'agenda'], event: moved });

    await expect(
      service.problemOf(EventsRequests.updateLounge, { eventId: forum.eventId, topic: 'Anders' }, staff),
    ).resolves.toMatchObject({ status: 422, errors: [{ field: 'kind' }] });
    await expect(
      service.problemOf(EventsRequests.updateForum, { eventId: forum.eventId, title: null } as never, staff),
    ).resolves.toMatchObject({ status: 400, errors: [{ field: 'title' }] });
  });

  it('lists upcoming and past events with filters, in order, page by page', async () => {
    const marker = randomUUID().slice(0, 8);
    const lounge = async (
      title: string,
      startsInMs: number,
      hours: number,
      extra: Partial<ReturnType<typeof loungeRequest>> = {},
    ) => {
      const created = await service.send(
        EventsRequests.createLounge,
        loungeRequest({
          title: `${title} ${marker}`,
          registration: { opensAt: inMs(-2 * DAY), closesAt: inMs(Math.min(startsInMs, DAY)) },
          startsAt: inMs(startsInMs),
          endsAt: inMs(startsInMs + hours * 3_600_000),
          ...extra,
        }),
        staff,
      );
      await service.send(EventsRequests.announce, { eventId: created.eventId }, staff);
      return created;
    };
    await lounge('Später', 40 * DAY, 3, { themes: ['Bildung'] });
    const soon = await lounge('Bald', 20 * DAY, 3);
    await lounge('Mittendrin', 30 * DAY, 3);
    await lounge('Vorbei früher', 1500, 0.0005);
    await lounge('Vorbei später', 2600, 0.0005);
    const circle = await service.send(
      EventsRequests.createCircle,
      circleRequest({ title: `Zirkel ${marker}` }),
      staff,
    );
    await service.send(EventsRequests.announce, { eventId: circle.eventId }, staff);
    const forum = await service.send(
      EventsRequests.createForum,
      forumRequest({ title: `Forum ${marker}` }),
      staff,
    );
    await service.send(EventsRequests.announce, { eventId: forum.eventId }, staff);
    await new Promise((resolve) => setTimeout(resolve, 5500));
    const ours = (items: readonly { title: string }[]) =>
      items
        .map((item) => item.title)
        .filter((title) => title.endsWith(marker))
        .map((title) => title.replace(` ${marker}`, ''));

    const upcoming: ClubEventSummaryReply[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<ClubEventSummaryReply> = await service.send(
        EventsRequests.list,
        { limit: 2, ...(cursor ? { cursor } : {}) },
        staff,
      );
      expect(page.items.length).toBeLessThanOrEqual(2);
      upcoming.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(ours(upcoming)).toEqual(['Bald', 'Mittendrin', 'Später', 'Zirkel', 'Forum']);
    expect(upcoming[0]).not.toHaveProperty('description');
    // Each kind as itself, from the list's projection of the stored document.
    const byTitle = (title: string) => upcoming.find((item) => item.title === `${title} ${marker}`);
    expect(byTitle('Bald')?.lounge).toEqual({
      topic: 'Die smarte Stadt im Alltag',
      host: { name: 'Ulm', ags: '08421000', federalState: 'BW' },
    });
    expect(byTitle('Zirkel')).toMatchObject({
      targetGroup: { federalStates: ['BY'], maxPopulation: 25_000 },
      circle: { moduleCount: 2 },
    });
    expect(byTitle('Forum')?.forum).toEqual({
      leitgedanke: 'Kommune 2035: mutig, vernetzt, nah',
      edition: 23,
    });
    expect(byTitle('Forum')?.forum).not.toHaveProperty('sessions');

    const past = await service.send(EventsRequests.list, { when: 'past', limit: 100 }, staff);
    expect(ours(past.items)).toEqual(['Vorbei später', 'Vorbei früher']);
    const bildung = await service.send(EventsRequests.list, { theme: 'Bildung', limit: 100 }, staff);
    expect(ours(bildung.items)).toEqual(['Später']);
    const bavaria = await service.send(EventsRequests.list, { federalState: 'BY', limit: 100 }, staff);
    expect(ours(bavaria.items)).toEqual(['Zirkel']);
    const day = berlinDate(new Date(Date.parse(soon.startsAt ?? '')));
    const range = await service.send(EventsRequests.list, { from: day, to: day, limit: 100 }, staff);
    expect(ours(range.items)).toEqual(['Bald']);
  });
});
