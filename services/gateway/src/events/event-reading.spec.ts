import { ANONYMOUS, EventsRequests, MembershipRequests } from '@ic/contracts';
import { NotFoundError } from '@ic/platform';
import { randomUUID } from 'node:crypto';
import {
  activeBrowserSession,
  eachBrowserSession,
  fieldsOf,
  GatewayTestApp,
  signTestToken,
  startGatewayTestApp,
} from '../testing/gateway-test-app';
import { newClubEventReply } from '../testing/reply-factories';
import { EventsController } from './events.controller';

/** Reading events: by anyone, by members and the office; the writes are in events.controller.spec.ts. */
describe(`${EventsController.name}: reading`, () => {
  let sut: GatewayTestApp;
  const staff = signTestToken({ sub: 'staff-1', role: 'staff' });
  const member = signTestToken({ role: 'member' });
  const eventId = randomUUID();

  beforeEach(async () => {
    sut = await startGatewayTestApp();
    sut.rpc.answer(EventsRequests.get, () => newClubEventReply({ eventId }));
  });

  afterEach(() => sut.close());

  it('lists for members with the typed filters, and refuses unknown ones', async () => {
    sut.rpc.answer(EventsRequests.list, () => ({
      items: [{ ...newClubEventReply({ eventId }), cancellationReason: undefined, circle: undefined }],
      nextCursor: 'next-1',
    }));

    const response = await sut.request(
      '/api/v1/events?when=past&kind=kommunalzirkel&theme=Klimaschutz&federalState=BY&status=held&from=2027-01-01&to=2027-12-31&limit=5',
      { token: member },
    );
    const bad = await sut.request('/api/v1/events?kind=konferenz&from=1.1.2027', { token: member });

    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ items: [{ eventId }], nextCursor: 'next-1' });
    expect((response.json as { items: object[] }).items[0]).not.toHaveProperty('descriptionHtml');
    expect(sut.rpc.sentTo(EventsRequests.list)[0]?.payload).toEqual({
      when: 'past',
      kind: 'kommunalzirkel',
      theme: 'Klimaschutz',
      federalState: 'BY',
      status: 'held',
      from: '2027-01-01',
      to: '2027-12-31',
      limit: 5,
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.json)).toEqual(['kind', 'from']);
  });

  it('lists each kind with what makes it itself: Leitgedanke, host, modules and target group', async () => {
    const summary = {
      eventId,
      status: 'announced' as const,
      title: 'Eine Veranstaltung',
      themes: [],
      federalStates: ['BY' as const],
      capacity: 30,
      registration: { opensAt: '2027-02-01T09:00:00+01:00', closesAt: '2027-04-08T23:59:00+02:00' },
    };
    sut.rpc.answer(EventsRequests.list, () => ({
      items: [
        {
          ...summary,
          kind: 'deutschlandforum' as const,
          forum: { leitgedanke: 'Kommune 2035: mutig, vernetzt, nah', edition: 23 },
        },
        {
          ...summary,
          kind: 'innovators-lounge' as const,
          lounge: {
            topic: 'Die smarte Stadt',
            host: { name: 'Ulm', ags: '08421000', federalState: 'BW' as const },
          },
        },
        {
          ...summary,
          kind: 'kommunalzirkel' as const,
          targetGroup: { federalStates: ['BY' as const], maxPopulation: 25000 },
          circle: { moduleCount: 4 },
        },
      ],
      nextCursor: null,
    }));

    const response = await sut.request('/api/v1/events', { token: member });

    expect(response.status).toBe(200);
    expect((response.json as { items: object[] }).items).toEqual([
      expect.objectContaining({
        forum: { leitgedanke: 'Kommune 2035: mutig, vernetzt, nah', edition: 23 },
      }),
      expect.objectContaining({
        lounge: { topic: 'Die smarte Stadt', host: { name: 'Ulm', ags: '08421000', federalState: 'BW' } },
      }),
      expect.objectContaining({
        targetGroup: { federalStates: ['BY'], maxPopulation: 25000 },
        circle: { moduleCount: 4 },
      }),
    ]);
  });

  it('shows an event with its links and without who uploaded or cancelled', async () => {
    const reply = newClubEventReply({
      eventId,
      status: 'cancelled',
      cancellation: {
        reason: 'Der Saal steht nicht zur Verfügung.',
        cancelledAt: '2027-03-01T10:00:00.000Z',
        cancelledBy: { subject: 'staff-1', role: 'staff' },
      },
    });
    sut.rpc.answer(EventsRequests.get, () => reply);

    const response = await sut.request(`/api/v1/events/${eventId}`, { token: member });

    expect(response.status).toBe(200);
    const body = response.json as Record<string, unknown> & { documents: Record<string, unknown>[] };
    expect(body).toMatchObject({
      eventId,
      lounge: { topic: 'Die smarte Stadt im Alltag' },
      cancellation: { reason: 'Der Saal steht nicht zur Verfügung.' },
      calendarHref: `/api/v1/events/${eventId}/calendar.ics`,
    });
    expect(body.documents[0]).toMatchObject({
      href: `/api/v1/events/${eventId}/documents/${reply.documents[0].documentId}`,
    });
    expect(body.documents[0]).not.toHaveProperty('uploadedBy');
    expect(body.cancellation).not.toHaveProperty('cancelledBy');
  });

  describe('without a sign-in', () => {
    beforeEach(() => {
      sut.rpc.answer(EventsRequests.list, () => ({
        items: [{ ...newClubEventReply({ eventId }), circle: undefined }],
        nextCursor: null,
      }));
    });

    it('lists for anyone, asking the service as an anonymous caller (who sees no drafts)', async () => {
      const response = await sut.request('/api/v1/events?kind=innovators-lounge&limit=3');

      expect(response.status).toBe(200);
      expect(response.json).toMatchObject({ items: [{ eventId }], nextCursor: null });
      const [sent] = sut.rpc.sentTo(EventsRequests.list);
      expect(sent?.payload).toEqual({ kind: 'innovators-lounge', limit: 3 });
      expect(sent?.options.identity).toEqual(ANONYMOUS);
      expect(sut.rpc.sentTo(MembershipRequests.sessionsActive)).toHaveLength(0);
    });

    it('shows one event to anyone, as an anonymous caller', async () => {
      const response = await sut.request(`/api/v1/events/${eventId}`);

      expect(response.status).toBe(200);
      expect(response.json).toMatchObject({
        eventId,
        calendarHref: `/api/v1/events/${eventId}/calendar.ics`,
      });
      expect(sut.rpc.sentTo(EventsRequests.get)[0]?.options.identity).toEqual(ANONYMOUS);
    });

    it("passes the service's 404 on for an event a visitor may not see (a draft)", async () => {
      sut.rpc.answer(EventsRequests.get, () => {
        throw new NotFoundError('Diese Veranstaltung gibt es nicht.');
      });

      const response = await sut.request(`/api/v1/events/${eventId}`);

      expect(response.status).toBe(404);
      expect(response.json).toMatchObject({ detail: 'Diese Veranstaltung gibt es nicht.' });
    });

    it('still refuses malformed filters and ids with 400 naming them', async () => {
      expect(fieldsOf((await sut.request('/api/v1/events?kind=konferenz')).json)).toEqual(['kind']);
      expect((await sut.request('/api/v1/events/keine-id')).status).toBe(400);
      expect(sut.rpc.sentTo(EventsRequests.list)).toHaveLength(0);
      expect(sut.rpc.sentTo(EventsRequests.get)).toHaveLength(0);
    });
  });

  describe('signed in', () => {
    beforeEach(() => {
      sut.rpc.answer(EventsRequests.list, () => ({ items: [], nextCursor: null }));
    });

    it.each([
      ['the office (who sees its drafts too)', staff, { subject: 'staff-1', roles: ['staff'] }],
      ['a member', member, { roles: ['member'] }],
    ])('reads as %s with a token', async (_who, token, identity) => {
      expect((await sut.request('/api/v1/events', { token })).status).toBe(200);
      expect((await sut.request(`/api/v1/events/${eventId}`, { token })).status).toBe(200);

      expect(sut.rpc.sentTo(EventsRequests.list)[0]?.options.identity).toMatchObject(identity);
      expect(sut.rpc.sentTo(EventsRequests.get)[0]?.options.identity).toMatchObject(identity);
    });

    it('reads as the office with its session cookie', async () => {
      sut.rpc.answer(
        MembershipRequests.resolveBrowserSessions,
        eachBrowserSession(() =>
          activeBrowserSession({
            subject: 'staff-1',
            role: 'staff',
            expiresAt: new Date(Date.now() + 36_000_000).toISOString(),
          }),
        ),
      );

      const response = await sut.request('/api/v1/events', {
        headers: { cookie: `__Host-ic_session=${'S'.repeat(43)}` },
      });

      expect(response.status).toBe(200);
      expect(sut.rpc.sentTo(EventsRequests.list)[0]?.options.identity).toEqual({
        subject: 'staff-1',
        roles: ['staff'],
        sessionId: 'browser-session-1',
      });
    });

    it('refuses a token that does not hold instead of reading as a visitor', async () => {
      const forged = signTestToken(
        { role: 'staff' },
        { secret: 'a-secret-that-is-not-the-gateways-0123456789' },
      );

      const response = await sut.request('/api/v1/events', { token: forged });

      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
      expect(sut.rpc.sentTo(EventsRequests.list)).toHaveLength(0);
    });

    it('refuses a cookie whose session has ended (401) and drops it; the next read is a visitor’s', async () => {
      sut.rpc.answer(
        MembershipRequests.resolveBrowserSessions,
        eachBrowserSession(() => ({ active: false })),
      );
      const cookie = `__Host-ic_session=${'E'.repeat(43)}`;

      const response = await sut.request('/api/v1/events', { headers: { cookie } });

      expect(response.status).toBe(401);
      expect(response.headers.get('set-cookie')).toContain('__Host-ic_session=; Max-Age=0');
      expect((await sut.request('/api/v1/events')).status).toBe(200);
      expect(sut.rpc.sentTo(EventsRequests.list)[0]?.options.identity).toEqual(ANONYMOUS);
    });
  });
});
