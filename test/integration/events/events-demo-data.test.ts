import { ClubEventReply, EventsRequests } from '@ic/contracts';
import { DEMO_EVENT_IDS } from '../../../services/events/src/demo/demo-events';
import { eventually, sleep } from '../../support/eventually';
import { EventsService, EventTypes, staff } from './events-service';

/** DEMO_DATA=true: the demo events through the use cases, published like any change, once. */
describe('Events service demo data', () => {
  const service = new EventsService();
  const ids = Object.values(DEMO_EVENT_IDS);

  afterAll(async () => {
    await service.stop();
  });

  it('loads the forum, three lounges and the Kommunalzirkel, and a second start adds nothing', async () => {
    await service.start({ DEMO_DATA: 'true' });
    const get = (eventId: string): Promise<ClubEventReply> =>
      service.send(EventsRequests.get, { eventId }, staff);
    const [forum, ulm, kalletal, lueneburg, circle] = await eventually(async () => {
      const events = await Promise.all(
        [
          DEMO_EVENT_IDS.forum,
          DEMO_EVENT_IDS.loungeUlm,
          DEMO_EVENT_IDS.loungeKalletal,
          DEMO_EVENT_IDS.loungeLueneburg,
          DEMO_EVENT_IDS.circle,
        ].map(get),
      );
      expect(events.map((event) => event.status)).toEqual([
        'registration-open',
        'registration-open',
        'announced',
        'held',
        'registration-open',
      ]);
      return events;
    });

    const sessions = forum.forum?.sessions ?? [];
    expect(sessions.length).toBeGreaterThanOrEqual(10);
    expect(new Set(sessions.map((session) => session.kind))).toEqual(
      new Set(['talk', 'panel', 'discussion', 'workshop']),
    );
    const slots = new Map<string, number>();
    for (const session of sessions.filter((candidate) => candidate.kind === 'workshop')) {
      expect(session.capacity).toBeGreaterThan(0);
      slots.set(session.startsAt, (slots.get(session.startsAt) ?? 0) + 1);
    }
    expect([...slots.values()].sort()).toEqual([2, 3]);
    expect(forum.forum?.leitgedanke).toBeTruthy();
    const start = Date.parse(forum.startsAt ?? '');
    expect(start - Date.now()).toBeGreaterThan(24 * 3_600_000);
    expect(start - Date.now()).toBeLessThan(3 * 24 * 3_600_000);

    expect([ulm, kalletal, lueneburg].map((lounge) => lounge.lounge?.host.name)).toEqual([
      'Ulm',
      'Kalletal',
      'Lüneburg',
    ]);
    expect(Date.parse(kalletal.registration.opensAt)).toBeGreaterThan(Date.now());
    expect(Date.parse(lueneburg.endsAt ?? '')).toBeLessThan(Date.now());

    expect(circle).toMatchObject({
      audience: 'target-group',
      targetGroup: { federalStates: ['BY'], maxPopulation: 25_000 },
      circle: {
        feeCents: 0,
        delegation: { maxPeople: 3, suggestedRoles: ['mayor', 'administration', 'civil-society'] },
      },
    });
    expect(circle.circle?.modules).toHaveLength(4);
    expect(circle.circle?.modules[0].place).toContain('Pegnitz');
    expect(circle.circle?.modules[3]).toMatchObject({
      dateNote: expect.stringMatching(/^Frühjahr\/Sommer \d{4}$/),
    });
    expect(circle.circle?.modules[3]).not.toHaveProperty('startsAt');

    await service.published(DEMO_EVENT_IDS.loungeLueneburg, [
      EventTypes.drafted,
      EventTypes.announced,
      EventTypes.opened,
      EventTypes.closed,
      EventTypes.updated,
      EventTypes.held,
    ]);
    expect(service.log).toMatch(/Loaded the demo events/);

    // The demo ids are fixed, so the topic may hold events of earlier runs: compare before and after.
    await sleep(2000);
    const publishedBefore = service.eventsOf(...ids).map((event) => event.id);
    await service.stopService();
    await service.start({ DEMO_DATA: 'true' });
    await sleep(2000);
    expect(service.eventsOf(...ids).map((event) => event.id)).toEqual(publishedBefore);
    expect(service.log).not.toMatch(/Loaded the demo events/);
    await expect(get(DEMO_EVENT_IDS.forum)).resolves.toMatchObject({ revision: forum.revision });
  });
});
