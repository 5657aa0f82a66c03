import { EventsRequests, RequestPattern } from '@ic/contracts';
import { RuleViolationError } from '@ic/platform';
import { randomUUID } from 'node:crypto';
import { fieldsOf, GatewayTestApp, signTestToken, startGatewayTestApp } from '../testing/gateway-test-app';
import { newCircleBody, newClubEventReply, newForumBody, newLoungeBody } from '../testing/reply-factories';
import { EventsController } from './events.controller';

/** Creating, changing and moving events along their lifecycle; reading is in event-reading.spec.ts. */
describe(EventsController.name, () => {
  let sut: GatewayTestApp;
  const staff = signTestToken({ sub: 'staff-1', role: 'staff' });
  const member = signTestToken({ role: 'member' });
  const eventId = randomUUID();

  const answerWithEvent = <T>(pattern: RequestPattern<T, ReturnType<typeof newClubEventReply>>) =>
    sut.rpc.answer(pattern, (request) =>
      newClubEventReply({ eventId: (request as { eventId?: string }).eventId ?? eventId }),
    );

  beforeEach(async () => {
    sut = await startGatewayTestApp();
    for (const pattern of [
      EventsRequests.createForum,
      EventsRequests.createLounge,
      EventsRequests.createCircle,
      EventsRequests.updateForum,
      EventsRequests.updateLounge,
      EventsRequests.updateCircle,
      EventsRequests.announce,
      EventsRequests.openRegistration,
      EventsRequests.closeRegistration,
      EventsRequests.markHeld,
      EventsRequests.cancel,
    ] as RequestPattern<unknown, ReturnType<typeof newClubEventReply>>[])
      answerWithEvent(pattern);
  });

  afterEach(() => sut.close());

  const post = (path: string, body: unknown, token = staff) =>
    sut.request(`/api/v1/events${path}`, { method: 'POST', token, body });

  describe('create', () => {
    it.each([
      ['forums', newForumBody(), EventsRequests.createForum],
      ['lounges', newLoungeBody(), EventsRequests.createLounge],
      ['circles', newCircleBody(), EventsRequests.createCircle],
    ] as const)('creates a %s event for the office: 201 with Location', async (path, body, pattern) => {
      const response = await post(`/${path}`, body);

      expect(response.status).toBe(201);
      expect(response.headers.get('location')).toBe(`/api/v1/events/${eventId}`);
      expect(response.json).toMatchObject({
        eventId,
        calendarHref: `/api/v1/events/${eventId}/calendar.ics`,
      });
      const [sent] = sut.rpc.sentTo(pattern);
      expect(sent?.payload).toMatchObject({ title: body.title, capacity: body.capacity });
      expect(sent?.options.idempotencyKey).toEqual(expect.any(String));
    });

    it('refuses a member with 403 and sends nothing', async () => {
      const response = await post('/lounges', newLoungeBody(), member);

      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(sut.rpc.sentTo(EventsRequests.createLounge)).toHaveLength(0);
    });

    it.each([
      ['a capacity below zero', { capacity: -1 }, 'capacity'],
      [
        'a target group with an unknown federal state',
        { audience: 'target-group', targetGroup: { federalStates: ['XX'] } },
        'targetGroup.federalStates',
      ],
      ['a time that is not a time', { startsAt: '15.04.2027 17:00' }, 'startsAt'],
      ['an unknown field', { organiser: 'Ulm' }, 'organiser'],
      ['a fee on a lounge', { feeCents: 100 }, 'feeCents'],
    ])('refuses %s with 400 naming the field, and sends nothing', async (_case, change, field) => {
      const response = await post('/lounges', newLoungeBody(change));

      expect(response.status).toBe(400);
      expect(fieldsOf(response.json)).toEqual([field]);
      expect(sut.rpc.sentTo(EventsRequests.createLounge)).toHaveLength(0);
    });

    it('leaves a time in the hour a change of daylight saving time skips to the events service (its 422)', async () => {
      const response = await post('/lounges', newLoungeBody({ startsAt: '2027-03-28T02:30' }));

      expect(response.status).toBe(201);
      expect(sut.rpc.sentTo(EventsRequests.createLounge)[0]?.payload).toMatchObject({
        startsAt: '2027-03-28T02:30',
      });
    });

    it("passes the service's 422 on as problem+json", async () => {
      sut.rpc.answer(EventsRequests.createLounge, () => {
        throw new RuleViolationError('Das Ende muss nach dem Beginn liegen.', [
          { field: 'endsAt', message: 'endsAt muss nach startsAt liegen' },
        ]);
      });

      const response = await post('/lounges', newLoungeBody({ endsAt: '2027-04-15T16:00' }));

      expect(response.status).toBe(422);
      expect(response.json).toMatchObject({ status: 422, errors: [{ field: 'endsAt' }] });
    });
  });

  describe('update', () => {
    it.each([
      ['forums', EventsRequests.updateForum],
      ['lounges', EventsRequests.updateLounge],
      ['circles', EventsRequests.updateCircle],
    ] as const)('changes a %s event with the id from the path', async (path, pattern) => {
      const response = await sut.request(`/api/v1/events/${path}/${eventId}`, {
        method: 'PATCH',
        token: staff,
        body: { capacity: 80 },
      });

      expect(response.status).toBe(200);
      expect(sut.rpc.sentTo(pattern)[0]?.payload).toEqual({ capacity: 80, eventId });
    });

    it('refuses a malformed id with 400 naming it', async () => {
      const response = await sut.request('/api/v1/events/lounges/123', {
        method: 'PATCH',
        token: staff,
        body: { capacity: 80 },
      });

      expect(response.status).toBe(400);
      expect(fieldsOf(response.json)).toEqual(['eventId']);
    });
  });

  describe('lifecycle', () => {
    it.each([
      ['announce', EventsRequests.announce],
      ['open-registration', EventsRequests.openRegistration],
      ['close-registration', EventsRequests.closeRegistration],
      ['mark-held', EventsRequests.markHeld],
    ] as const)('%s: 200 with the event, for the office only', async (action, pattern) => {
      expect((await post(`/${eventId}/${action}`, undefined, member)).status).toBe(403);
      const response = await post(`/${eventId}/${action}`, undefined);

      expect(response.status).toBe(200);
      expect(sut.rpc.sentTo(pattern).map((request) => request.payload)).toEqual([{ eventId }]);
    });

    it('cancels with the reason, and needs one', async () => {
      const missing = await post(`/${eventId}/cancel`, {});
      const response = await post(`/${eventId}/cancel`, { reason: 'Der Saal steht nicht zur Verfügung.' });

      expect(missing.status).toBe(400);
      expect(fieldsOf(missing.json)).toEqual(['reason']);
      expect(response.status).toBe(200);
      expect(sut.rpc.sentTo(EventsRequests.cancel)[0]?.payload).toEqual({
        eventId,
        reason: 'Der Saal steht nicht zur Verfügung.',
      });
    });
  });
});
