import { E2eClient, Problem, SignedInMember } from '../support/e2e-client';
import { eventually } from '../support/eventually';
import {
  EventsThroughTheGateway,
  ClubEvent,
  run,
  at,
  berlin,
  shiftDay,
  springChange,
  autumnChange,
  loungeBody,
  forumBody,
  circleBody,
} from '../support/events-e2e';

/**
 * Events end to end, as the office and members meet them through the gateway: the three kinds of
 * event through their lifecycles, with the scheduler opening and closing registration on time.
 */
describe('Events through the gateway: lifecycles', () => {
  const bed = EventsThroughTheGateway.forThisFile();
  const { create, act, expectAct, get, listAll } = bed;
  let client: E2eClient;
  let staff: string;
  let member: SignedInMember;

  beforeAll(() => {
    ({ client, staff, member } = bed);
  });

  describe('lifecycles', () => {
    it('a Deutschlandforum: drafted with its agenda, changed, announced, registration opened and closed early, cancelled with a reason', async () => {
      const firstDay = shiftDay(springChange, 60);
      const draft = await create('forums', forumBody(firstDay, shiftDay(firstDay, 1), member));
      expect(draft.forum?.sessions.map((session) => session.title)).toEqual([
        'Eröffnung',
        'Werkstatt Daten',
        'Werkstatt Energie',
        'Abschlusspodium',
      ]);
      expect(draft.forum?.sessions[0].speakers[0]).toMatchObject({
        kind: 'member',
        memberId: member.id,
        name: expect.stringContaining(`Referentin ${run}`),
      });
      expect(draft.descriptionHtml).toContain('<strong>Austausch</strong>');
      expect(draft.descriptionHtml).not.toContain('<script');
      expect(draft.startsAt).toMatch(/T09:30:00\+02:00$/);

      // Members and visitors without a sign-in do not see a draft at all.
      expect((await get(draft.eventId, member.token)).status).toBe(404);
      expect((await client.call('GET', `/events/${draft.eventId}`)).status).toBe(404);
      expect(
        (await listAll(`from=${firstDay}&to=${firstDay}`, member.token)).map((event) => event.eventId),
      ).not.toContain(draft.eventId);
      expect(
        (await listAll(`from=${firstDay}&to=${firstDay}&status=draft`, staff)).map((event) => event.eventId),
      ).toContain(draft.eventId);

      const changed = await client.call<ClubEvent>('PATCH', `/events/forums/${draft.eventId}`, {
        token: staff,
        body: { leitgedanke: 'Kommune 2035: mutig und nah', capacity: 220 },
      });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({
        revision: draft.revision + 1,
        capacity: 220,
        forum: { leitgedanke: 'Kommune 2035: mutig und nah' },
      });

      await expectAct(draft, 'announce', 'announced');
      const seen = await get(draft.eventId, member.token);
      expect(seen.status).toBe(200);
      expect(seen.body.forum?.sessions).toHaveLength(4);
      // Announced, it is for everyone: the portal's front page reads it without a sign-in.
      const visitorView = await client.call<ClubEvent>('GET', `/events/${draft.eventId}`);
      expect(visitorView.status).toBe(200);
      expect(visitorView.body.forum?.sessions).toHaveLength(4);

      await expectAct(draft, 'open-registration', 'registration-open');
      await expectAct(draft, 'close-registration', 'registration-closed');
      const early = await act(draft, 'mark-held');
      expect(early.status).toBe(422);
      expect(early.headers.get('content-type')).toContain('application/problem+json');

      const cancelled = await expectAct(draft, 'cancel', 'cancelled', {
        reason: 'Der Veranstaltungsort steht nicht zur Verfügung.',
      });
      expect(cancelled.cancellation).toMatchObject({
        reason: 'Der Veranstaltungsort steht nicht zur Verfügung.',
      });
      const listed = await listAll(`from=${firstDay}&to=${firstDay}`, member.token);
      expect(listed.find((event) => event.eventId === draft.eventId)).toMatchObject({
        status: 'cancelled',
        cancellationReason: 'Der Veranstaltungsort steht nicht zur Verfügung.',
      });

      const changeCancelled = await client.call<Problem>('PATCH', `/events/forums/${draft.eventId}`, {
        token: staff,
        body: { capacity: 10 },
      });
      expect(changeCancelled.status).toBe(409);
      expect((await act(draft, 'cancel', { reason: 'Noch einmal absagen.' })).status).toBe(409);
      expect((await act(draft, 'announce')).status).toBe(409);
    });

    it('a Lounge: registration opens and closes on time by itself, and the lounge is held when it has ended', async () => {
      const now = Date.now();
      const opensAt = now + 6_000;
      const closesAt = now + 12_000;
      const startsAt = now + 14_000;
      const endsAt = now + 18_000;
      const lounge = await create(
        'lounges',
        loungeBody(berlin(now).slice(0, 10), {
          registration: { opensAt: berlin(opensAt), closesAt: berlin(closesAt) },
          startsAt: berlin(startsAt),
          endsAt: berlin(endsAt),
        }),
      );
      await expectAct(lounge, 'announce', 'announced');

      const seenAt: Record<string, number> = {};
      await eventually(
        async () => {
          const { body } = await get(lounge.eventId, member.token);
          seenAt[body.status] ??= Date.now();
          expect(body.status).toBe('held');
        },
        60_000,
        200,
      );
      // Each step on time: not before its moment, and within a few seconds after it.
      for (const [status, due] of [
        ['registration-open', opensAt],
        ['registration-closed', closesAt],
        ['held', endsAt],
      ] as const) {
        expect({ status, seen: seenAt[status] !== undefined }).toEqual({ status, seen: true });
        expect(seenAt[status]).toBeGreaterThanOrEqual(Math.floor(due / 1000) * 1000);
        expect(seenAt[status] - due).toBeLessThan(6_000);
      }
      const cancelHeld = await act(lounge, 'cancel', { reason: 'Zu spät.' });
      expect(cancelHeld.status).toBe(409);

      const past = await listAll(
        `when=past&from=${berlin(now).slice(0, 10)}&kind=innovators-lounge`,
        member.token,
      );
      expect(past.map((event) => event.eventId)).toContain(lounge.eventId);
    });

    it('a Kommunalzirkel: announced with an undated module, the date set later, registration opened early, cancelled with a reason', async () => {
      const first = shiftDay(autumnChange, 20);
      const circle = await create('circles', circleBody([first, shiftDay(first, 30)]));
      expect(circle.circle?.modules.map((module) => Boolean(module.startsAt))).toEqual([true, true, false]);
      expect(circle.federalStates).toContain('BY');

      await expectAct(circle, 'announce', 'announced');
      const third = shiftDay(first, 60);
      const modules = circle.circle!.modules.map(({ dateNote, ...module }) =>
        dateNote ? { ...module, startsAt: at(third, '10:00'), endsAt: at(third, '16:00') } : module,
      );
      const dated = await client.call<ClubEvent>('PATCH', `/events/circles/${circle.eventId}`, {
        token: staff,
        body: { modules },
      });
      expect(dated.status).toBe(200);
      expect(dated.body.circle?.modules.map((module) => module.moduleId)).toEqual(
        circle.circle?.modules.map((module) => module.moduleId),
      );
      expect(dated.body.circle?.modules[2].startsAt).toMatch(/T10:00:00\+01:00$/);

      await expectAct(circle, 'open-registration', 'registration-open');
      await expectAct(circle, 'cancel', 'cancelled', { reason: 'Zu wenige Kommunen haben sich angemeldet.' });
    });
  });

  // ---------------------------------------------------------------- reading
});
