import { ClubEventReply, ClubEventSnapshot, EventsRequests } from '@ic/contracts';
import { eventually, sleep } from '../../support/eventually';
import { EventsService, EventTypes, inMs, loungeRequest, staff } from './events-service';

/**
 * Two instances on one database, each with its scheduler: every transition happens exactly once,
 * and a cancel that races the scheduled opening leaves one consistent story.
 */
describe('Events service under concurrency', () => {
  const service = new EventsService();

  beforeAll(async () => {
    await service.start({ EVENT_SCHEDULER_INTERVAL_MS: '100' });
    await service.start({ EVENT_SCHEDULER_INTERVAL_MS: '100' });
  });

  afterAll(async () => {
    await service.stop();
  });

  async function announcedLounge(title: string, opensInMs: number): Promise<ClubEventReply> {
    const lounge = await service.send(
      EventsRequests.createLounge,
      loungeRequest({
        title,
        registration: { opensAt: inMs(opensInMs), closesAt: inMs(opensInMs + 3000) },
        startsAt: inMs(opensInMs + 3000),
        endsAt: inMs(opensInMs + 5000),
      }),
      staff,
    );
    await service.send(EventsRequests.announce, { eventId: lounge.eventId }, staff);
    return lounge;
  }

  it('opens, closes and holds each event exactly once with two schedulers running', async () => {
    const lounges = await Promise.all(
      [0, 1, 2].map((index) => announcedLounge(`Zwei Planer ${index}`, 3000)),
    );
    for (const lounge of lounges) {
      await service.published(
        lounge.eventId,
        [EventTypes.drafted, EventTypes.announced, EventTypes.opened, EventTypes.closed, EventTypes.held],
        30_000,
      );
    }
    await sleep(1000);
    for (const lounge of lounges) {
      const events = service.distinctEventsOf(lounge.eventId);
      expect(events.map((event) => event.type)).toEqual([
        EventTypes.drafted,
        EventTypes.announced,
        EventTypes.opened,
        EventTypes.closed,
        EventTypes.held,
      ]);
      expect(events.map((event) => event.data.revision)).toEqual([1, 2, 3, 4, 5]);
    }
  });

  it('lets either the cancel or the scheduled opening come first, never both on one state', async () => {
    const opensIn = 4000;
    const lounges = await Promise.all(
      Array.from({ length: 8 }, (_, index) => announcedLounge(`Wettlauf ${index}`, opensIn)),
    );
    // Aim the cancels at each opening, spread from just before it to well after, so that both orders occur.
    const outcomes = await Promise.all(
      lounges.map(async (lounge, index) => {
        await sleep(Math.max(0, Date.parse(lounge.registration.opensAt) - Date.now() + (index - 2) * 120));
        return service.send(
          EventsRequests.cancel,
          { eventId: lounge.eventId, reason: 'Der Saal ist doppelt belegt.' },
          staff,
        );
      }),
    );
    // Every cancel succeeds, whichever came first: an opened registration can be cancelled too.
    expect(outcomes.map((outcome) => outcome.status)).toEqual(Array(lounges.length).fill('cancelled'));

    await sleep(Math.max(0, Date.parse(lounges[0].endsAt ?? '') - Date.now()) + 1500);
    const previous: string[] = [];
    for (const lounge of lounges) {
      const events = await eventually(() => {
        const published = service.distinctEventsOf(lounge.eventId);
        expect(published.at(-1)?.type).toBe(EventTypes.cancelled);
        return published;
      });
      const types = events.map((event) => event.type);
      expect([
        [EventTypes.drafted, EventTypes.announced, EventTypes.cancelled],
        [EventTypes.drafted, EventTypes.announced, EventTypes.opened, EventTypes.cancelled],
      ]).toContainEqual(types);
      expect(events.map((event) => event.data.revision)).toEqual(events.map((_, index) => index + 1));
      const statuses = events.map((event) => (event.data.event as ClubEventSnapshot).status);
      const cancelled = events.at(-1)?.data as { previousStatus: string; event: ClubEventSnapshot };
      expect(cancelled.previousStatus).toBe(statuses.at(-2));
      previous.push(cancelled.previousStatus);
      const stored = await service.send(EventsRequests.get, { eventId: lounge.eventId }, staff);
      expect(stored).toEqual(cancelled.event);
    }
    // Report which way the races went; either is right, as long as each story is consistent.
    process.stdout.write(`cancel vs. opening: ${previous.join(', ')}\n`);
  });
});
