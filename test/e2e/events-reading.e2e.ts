import { E2eClient, fieldsOf, Problem, SignedInMember } from '../support/e2e-client';
import {
  EventsThroughTheGateway,
  run,
  at,
  shiftDay,
  springChange,
  listYear,
  invalidYear,
  ofThisRun,
  loungeBody,
  forumBody,
  circleBody,
  pdfOf,
} from '../support/events-e2e';

/**
 * Events end to end, as the office and members meet them through the gateway: reading, filtering
 * and paging, members refused every write, and the rules refused with nothing stored.
 */
describe('Events through the gateway: reading and rules', () => {
  const bed = EventsThroughTheGateway.forThisFile();
  const { create, expectAct, get, listAll } = bed;
  let client: E2eClient;
  let staff: string;
  let member: SignedInMember;

  beforeAll(() => {
    ({ client, staff, member } = bed);
  });

  describe('reading', () => {
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      const day = (month: number, date: number) =>
        `${listYear}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
      const loungeBw = await create('lounges', loungeBody(day(3, 10)));
      const forumBy = await create('forums', forumBody(day(5, 20), day(5, 21), member));
      const circleBy = await create('circles', circleBody([day(7, 1), day(9, 1)]));
      const loungeNw = await create(
        'lounges',
        loungeBody(day(11, 5), {
          themes: ['Energiepolitik'],
          host: { name: 'Lemgo', federalState: 'NW' },
          venue: { name: 'Rathaus', city: 'Lemgo', federalState: 'NW' },
        }),
      );
      const draft = await create('lounges', loungeBody(day(4, 1)));
      for (const event of [loungeBw, forumBy, circleBy, loungeNw])
        await expectAct(event, 'announce', 'announced');
      Object.assign(ids, {
        loungeBw: loungeBw.eventId,
        forumBy: forumBy.eventId,
        circleBy: circleBy.eventId,
        loungeNw: loungeNw.eventId,
        draft: draft.eventId,
      });
    });

    const window = () => `from=${listYear}-01-01&to=${listYear}-12-31`;
    const idsOf = async (query: string, token: string, limit?: number) =>
      ofThisRun(await listAll(`${window()}${query}`, token, limit)).map((event) => event.eventId);

    it('members page through the upcoming events in order of time, without drafts', async () => {
      expect(await idsOf('', member.token)).toEqual([ids.loungeBw, ids.forumBy, ids.circleBy, ids.loungeNw]);
      expect(await idsOf('', staff)).toEqual([
        ids.loungeBw,
        ids.draft,
        ids.forumBy,
        ids.circleBy,
        ids.loungeNw,
      ]);
      expect(await idsOf('', member.token, 1)).toEqual([
        ids.loungeBw,
        ids.forumBy,
        ids.circleBy,
        ids.loungeNw,
      ]);
    });

    it('members filter by kind, theme, federal state, status and date range', async () => {
      expect(await idsOf('&kind=innovators-lounge', member.token)).toEqual([ids.loungeBw, ids.loungeNw]);
      expect(await idsOf('&kind=kommunalzirkel', member.token)).toEqual([ids.circleBy]);
      expect(await idsOf('&theme=Energiepolitik', member.token)).toEqual([ids.loungeNw]);
      expect(await idsOf('&theme=Klimaschutz', member.token)).toEqual([ids.forumBy, ids.circleBy]);
      expect(await idsOf('&federalState=BY', member.token)).toEqual([ids.forumBy, ids.circleBy]);
      expect(await idsOf('&federalState=NW', member.token)).toEqual([ids.loungeNw]);
      expect(await idsOf('&status=draft', member.token)).toEqual([]);
      expect(await idsOf('&status=announced&kind=deutschlandforum', member.token)).toEqual([ids.forumBy]);
      const spring = ofThisRun(
        await listAll(`from=${listYear}-03-01&to=${listYear}-05-20`, member.token),
      ).map((event) => event.eventId);
      expect(spring).toEqual([ids.loungeBw, ids.forumBy]);
      expect(await idsOf('&when=past', member.token)).toEqual([]);

      const bad = await client.call<Problem>('GET', '/events?kind=konferenz&federalState=XX&from=1.1.2027', {
        token: member.token,
      });
      expect(bad.status).toBe(400);
      expect(fieldsOf(bad.body)).toEqual(['kind', 'federalState', 'from']);
    });

    it('a member reads the details of each kind', async () => {
      const forum = await get(ids.forumBy, member.token);
      expect(forum.status).toBe(200);
      expect(
        forum.body.forum?.sessions
          .filter((session) => session.kind === 'workshop')
          .map((session) => session.capacity),
      ).toEqual([30, 30]);
      expect(forum.body.forum?.sessions[1].speakers[0]).toMatchObject({
        kind: 'external',
        name: 'Prof. Dr. Ada Beispiel',
      });
      const lounge = await get(ids.loungeNw, member.token);
      expect(lounge.body.lounge).toMatchObject({
        topic: 'Die smarte Stadt im Alltag',
        host: { name: 'Lemgo' },
      });
      const circle = await get(ids.circleBy, member.token);
      expect(circle.body.circle?.modules[2]).toMatchObject({ title: 'Modul 3', dateNote: 'Frühjahr/Sommer' });
      expect(circle.body.calendarHref).toBe(`/api/v1/events/${ids.circleBy}/calendar.ics`);
    });
  });

  // ---------------------------------------------------------------- members may only read

  describe('members', () => {
    it('get 403 on every write, and nothing changes', async () => {
      const day = shiftDay(springChange, 90);
      const lounge = await create('lounges', loungeBody(day));
      await expectAct(lounge, 'announce', 'announced');
      const before = (await get(lounge.eventId, staff)).body;
      const pdf = new FormData();
      pdf.append('title', 'Programm');
      pdf.append('file', new Blob([pdfOf(1000)], { type: 'application/pdf' }), 'programm.pdf');
      const writes: [string, string, unknown][] = [
        ['POST', '/events/forums', forumBody(day, day, member)],
        ['POST', '/events/lounges', loungeBody(day)],
        ['POST', '/events/circles', circleBody([day, shiftDay(day, 1)])],
        ['PATCH', `/events/forums/${lounge.eventId}`, { capacity: 1 }],
        ['PATCH', `/events/lounges/${lounge.eventId}`, { capacity: 1 }],
        ['PATCH', `/events/circles/${lounge.eventId}`, { capacity: 1 }],
        ['POST', `/events/${lounge.eventId}/announce`, undefined],
        ['POST', `/events/${lounge.eventId}/open-registration`, undefined],
        ['POST', `/events/${lounge.eventId}/close-registration`, undefined],
        ['POST', `/events/${lounge.eventId}/mark-held`, undefined],
        ['POST', `/events/${lounge.eventId}/cancel`, { reason: 'Von einem Mitglied abgesagt.' }],
        ['POST', `/events/${lounge.eventId}/documents`, pdf],
        ['DELETE', `/events/${lounge.eventId}/documents/${lounge.eventId}`, undefined],
      ];
      for (const [method, path, body] of writes) {
        const response = await client.call<Problem>(method, path, { token: member.token, body });
        expect({ method, path, status: response.status }).toEqual({ method, path, status: 403 });
        expect(response.headers.get('content-type')).toContain('application/problem+json');
      }
      expect((await get(lounge.eventId, staff)).body).toEqual(before);
    });
  });

  // ---------------------------------------------------------------- invalid combinations

  describe('invalid combinations', () => {
    const day = `${invalidYear}-06-10`;

    const invalid = { title: `Ungültig ${run}` };

    it.each([
      {
        rule: 'end before start',
        path: 'lounges',
        body: () => loungeBody(day, { ...invalid, endsAt: at(day, '17:00') }),
        status: 422,
        field: 'endsAt',
      },
      {
        rule: 'registration closing after the event',
        path: 'lounges',
        body: () =>
          loungeBody(day, {
            ...invalid,
            registration: { opensAt: at(shiftDay(day, -30), '09:00'), closesAt: at(day, '20:00') },
          }),
        status: 422,
        field: 'registration.closesAt',
      },
      {
        rule: 'a target group with an unknown federal state',
        path: 'circles',
        body: () =>
          circleBody([day, shiftDay(day, 1)], { ...invalid, targetGroup: { federalStates: ['BY', 'XY'] } }),
        status: 400,
        field: 'targetGroup.federalStates',
      },
      {
        rule: 'a capacity below zero',
        path: 'lounges',
        body: () => loungeBody(day, { ...invalid, capacity: -5 }),
        status: 400,
        field: 'capacity',
      },
      {
        rule: 'a workshop without capacity',
        path: 'forums',
        body: () =>
          forumBody(day, shiftDay(day, 1), member, {
            ...invalid,
            sessions: [
              {
                kind: 'workshop',
                title: 'Werkstatt',
                startsAt: at(day, '11:00'),
                endsAt: at(day, '12:00'),
                speakers: [],
              },
            ],
          }),
        status: 422,
        field: 'sessions.0.capacity',
      },
      {
        rule: 'a time that does not exist in Berlin',
        path: 'lounges',
        body: () => loungeBody(day, { ...invalid, startsAt: at(springChange, '02:30') }),
        status: 422,
        field: 'startsAt',
      },
    ])('$rule gives $status problem+json naming $field', async ({ path, body, status, field }) => {
      const response = await client.call<Problem>('POST', `/events/${path}`, { token: staff, body: body() });

      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(fieldsOf(response.body)).toContain(field);
      expect(response.body.detail).toEqual(expect.stringMatching(/.{15,}/));
    });

    it('stored nothing', async () => {
      const stored = await listAll(`from=${invalidYear}-01-01&to=${invalidYear}-12-31`, staff);
      expect(stored.filter((event) => event.title === invalid.title)).toEqual([]);
    });
  });

  // ---------------------------------------------------------------- calendars
});
