import { ANONYMOUS, ClubEventSnapshot, EventsRequests } from '@ic/contracts';
import { eventually } from '../../support/eventually';
import {
  circleRequest,
  EventsService,
  EventTypes,
  forumRequest,
  inMs,
  loungeRequest,
  memberIdentity,
  staff,
} from './events-service';

/** Staff creates each kind, moves it through its lifecycle; the scheduler does what is due by time. */
describe('Events service lifecycle', () => {
  const service = new EventsService();

  beforeAll(async () => {
    await service.start();
  });

  afterAll(async () => {
    await service.stop();
  });

  it('creates each kind as a draft and publishes EventDrafted with the whole event, keyed by its id', async () => {
    const lounge = await service.send(EventsRequests.createLounge, loungeRequest(), staff);
    const forum = await service.send(EventsRequests.createForum, forumRequest(), staff);
    const circle = await service.send(EventsRequests.createCircle, circleRequest(), staff);

    expect(lounge).toMatchObject({
      kind: 'innovators-lounge',
      status: 'draft',
      revision: 1,
      federalStates: ['BW'],
    });
    expect(lounge.descriptionHtml).toBe(
      '<p>Die <strong>Lounge</strong> in Ulm. &lt;script&gt;alert(1)&lt;/script&gt;</p>\n',
    );
    expect(forum.forum?.sessions).toHaveLength(3);
    expect(forum.forum?.sessions.map((session) => session.sessionId)).toEqual([
      expect.any(String),
      expect.any(String),
      expect.any(String),
    ]);
    expect(circle).toMatchObject({
      kind: 'kommunalzirkel',
      federalStates: ['BY'],
      startsAt: circle.circle?.modules[0].startsAt,
      endsAt: circle.circle?.modules[0].endsAt,
    });
    for (const created of [lounge, forum, circle]) {
      const [drafted] = await service.published(created.eventId, [EventTypes.drafted]);
      expect(drafted).toMatchObject({ key: created.eventId, subject: created.eventId });
      expect(drafted.data).toEqual({
        eventId: created.eventId,
        revision: 1,
        by: { subject: staff.subject, role: 'staff' },
        event: created,
      });
      await expect(service.send(EventsRequests.get, { eventId: created.eventId }, staff)).resolves.toEqual(
        created,
      );
    }
  });

  it('refuses members (403) and anonymous callers (401) every write', async () => {
    const lounge = await service.send(EventsRequests.createLounge, loungeRequest(), staff);
    const member = memberIdentity();
    await expect(
      service.problemOf(EventsRequests.createLounge, loungeRequest(), member),
    ).resolves.toMatchObject({ status: 403 });
    await expect(
      service.problemOf(EventsRequests.updateLounge, { eventId: lounge.eventId, capacity: 10 }, member),
    ).resolves.toMatchObject({ status: 403 });
    await expect(
      service.problemOf(EventsRequests.announce, { eventId: lounge.eventId }, member),
    ).resolves.toMatchObject({
      status: 403,
    });
    await expect(
      service.problemOf(
        EventsRequests.cancel,
        { eventId: lounge.eventId, reason: 'Kein Interesse' },
        ANONYMOUS,
      ),
    ).resolves.toMatchObject({ status: 401 });
    await expect(service.send(EventsRequests.get, { eventId: lounge.eventId }, staff)).resolves.toMatchObject(
      {
        revision: 1,
        capacity: 50,
      },
    );
  });

  it('shows members and the public no drafts, and published events once announced', async () => {
    const lounge = await service.send(
      EventsRequests.createLounge,
      loungeRequest({ title: 'Lounge noch im Entwurf' }),
      staff,
    );
    for (const viewer of [memberIdentity(), ANONYMOUS]) {
      await expect(
        service.problemOf(EventsRequests.get, { eventId: lounge.eventId }, viewer),
      ).resolves.toMatchObject({
        status: 404,
      });
      const page = await service.send(EventsRequests.list, { limit: 100 }, viewer);
      expect(page.items.map((item) => item.eventId)).not.toContain(lounge.eventId);
    }
    const feed = await service.send(EventsRequests.calendarFeed, {}, ANONYMOUS);
    expect(feed.map((event) => event.eventId)).not.toContain(lounge.eventId);

    const announced = await service.send(EventsRequests.announce, { eventId: lounge.eventId }, staff);
    expect(announced).toMatchObject({ status: 'announced', revision: 2 });
    const seen = await eventually(async () => {
      const event = await service.send(EventsRequests.get, { eventId: lounge.eventId }, memberIdentity());
      expect(event.status).not.toBe('draft');
      return event;
    });
    expect(seen.eventId).toBe(lounge.eventId);
    const feedAfter = await service.send(EventsRequests.calendarFeed, {}, ANONYMOUS);
    expect(feedAfter.map((event) => event.eventId)).toContain(lounge.eventId);
  });

  it('opens and closes registration on time by itself and marks the event held after its end', async () => {
    const opensAt = Date.now() + 3000;
    const closesAt = opensAt + 3000;
    const endsAt = closesAt + 3000;
    const lounge = await service.send(
      EventsRequests.createLounge,
      loungeRequest({
        title: 'Lounge im Sekundentakt',
        registration: { opensAt: inMs(opensAt - Date.now()), closesAt: inMs(closesAt - Date.now()) },
        startsAt: inMs(closesAt - Date.now()),
        endsAt: inMs(endsAt - Date.now()),
      }),
      staff,
    );
    await service.send(EventsRequests.announce, { eventId: lounge.eventId }, staff);

    const events = await service.published(
      lounge.eventId,
      [EventTypes.drafted, EventTypes.announced, EventTypes.opened, EventTypes.closed, EventTypes.held],
      30_000,
    );
    const byType = new Map(events.map((event) => [event.type, event]));
    const timeOf = (type: string) => Date.parse(byType.get(type)?.time ?? '');
    // Registration times are entered to the second; the scheduler looks every 200 ms.
    const due = (at: number) => Math.floor(at / 1000) * 1000;
    expect(timeOf(EventTypes.opened)).toBeGreaterThanOrEqual(due(opensAt));
    expect(timeOf(EventTypes.opened)).toBeLessThan(due(opensAt) + 1500);
    expect(timeOf(EventTypes.closed)).toBeGreaterThanOrEqual(due(closesAt));
    expect(timeOf(EventTypes.closed)).toBeLessThan(due(closesAt) + 1500);
    expect(timeOf(EventTypes.held)).toBeGreaterThanOrEqual(due(endsAt));
    process.stdout.write(
      `after their times: opened ${timeOf(EventTypes.opened) - due(opensAt)} ms, closed ${timeOf(EventTypes.closed) - due(closesAt)} ms, held ${timeOf(EventTypes.held) - due(endsAt)} ms\n`,
    );

    expect(events.map((event) => (event.data.event as ClubEventSnapshot).status)).toEqual([
      'draft',
      'announced',
      'registration-open',
      'registration-closed',
      'held',
    ]);
    expect(events.map((event) => event.data.revision)).toEqual([1, 2, 3, 4, 5]);
    expect(events.map((event) => (event.data.event as ClubEventSnapshot).revision)).toEqual([1, 2, 3, 4, 5]);
    expect(events.map((event) => 'by' in event.data)).toEqual([true, true, false, false, false]);
    expect(new Set(events.map((event) => event.key))).toEqual(new Set([lounge.eventId]));
    expect(service.log).toMatch(/Opened registration of \\"Lounge im Sekundentakt\\"/);

    await expect(
      service.problemOf(EventsRequests.updateLounge, { eventId: lounge.eventId, capacity: 10 }, staff),
    ).resolves.toMatchObject({ status: 409 });
    await expect(
      service.problemOf(EventsRequests.cancel, { eventId: lounge.eventId, reason: 'Zu spät' }, staff),
    ).resolves.toMatchObject({ status: 409 });
  });

  it('lets the office open and close registration early, mark held only after the end, and cancel with a reason', async () => {
    const lounge = await service.send(
      EventsRequests.createLounge,
      loungeRequest({ registration: { opensAt: inMs(86_400_000), closesAt: inMs(10 * 86_400_000) } }),
      staff,
    );
    await expect(
      service.problemOf(EventsRequests.openRegistration, { eventId: lounge.eventId }, staff),
    ).resolves.toMatchObject({
      status: 409,
    });
    await service.send(EventsRequests.announce, { eventId: lounge.eventId }, staff);
    await expect(
      service.send(EventsRequests.openRegistration, { eventId: lounge.eventId }, staff),
    ).resolves.toMatchObject({
      status: 'registration-open',
    });
    await expect(
      service.send(EventsRequests.closeRegistration, { eventId: lounge.eventId }, staff),
    ).resolves.toMatchObject({
      status: 'registration-closed',
    });
    await expect(
      service.problemOf(EventsRequests.markHeld, { eventId: lounge.eventId }, staff),
    ).resolves.toMatchObject({
      status: 422,
    });
    const cancelled = await service.send(
      EventsRequests.cancel,
      { eventId: lounge.eventId, reason: 'Der Veranstaltungsort steht nicht zur Verfügung.' },
      staff,
    );
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      cancellation: {
        reason: 'Der Veranstaltungsort steht nicht zur Verfügung.',
        cancelledBy: { subject: staff.subject },
      },
    });
    const events = await service.published(lounge.eventId, [EventTypes.cancelled]);
    expect(events.at(-1)?.data).toMatchObject({
      reason: 'Der Veranstaltungsort steht nicht zur Verfügung.',
      previousStatus: 'registration-closed',
      event: cancelled,
    });
    const summary = (
      await service.send(EventsRequests.list, { status: 'cancelled', limit: 100 }, memberIdentity())
    ).items.find((item) => item.eventId === lounge.eventId);
    expect(summary?.cancellationReason).toBe('Der Veranstaltungsort steht nicht zur Verfügung.');
  });
});
