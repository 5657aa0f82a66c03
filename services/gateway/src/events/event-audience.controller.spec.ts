import { EventAudienceRequests, EventsRequests } from '@ic/contracts';
import { NotFoundError } from '@ic/platform';
import { GatewayTestApp, signTestToken, startGatewayTestApp } from '../testing/gateway-test-app';
import { newClubEventReply } from '../testing/reply-factories';
import { EventAudienceController } from './event-audience.controller';

describe(EventAudienceController.name, () => {
  let sut: GatewayTestApp;
  const staff = signTestToken({ role: 'staff' });
  const circle = newClubEventReply({
    kind: 'kommunalzirkel',
    status: 'draft',
    audience: 'target-group',
    targetGroup: { federalStates: ['BY'], maxPopulation: 25_000 },
  });

  beforeEach(async () => {
    sut = await startGatewayTestApp();
    sut.rpc
      .answer(EventsRequests.get, ({ eventId }) => {
        if (eventId !== circle.eventId) throw new NotFoundError('Diese Veranstaltung gibt es nicht.');
        return circle;
      })
      .answer(EventAudienceRequests.eventAudience, ({ event }) => ({
        eventId: event.eventId,
        announcement: 214,
        registrationOpened: 0,
      }));
  });

  afterEach(() => sut.close());

  describe('audience', () => {
    it('asks the notifications service with the event as the events service knows it', async () => {
      const response = await sut.request(`/api/v1/events/${circle.eventId}/audience`, { token: staff });

      expect(response.status).toBe(200);
      expect(response.json).toEqual({ eventId: circle.eventId, announcement: 214, registrationOpened: 0 });
      expect(sut.rpc.sentTo(EventAudienceRequests.eventAudience)[0]?.payload).toEqual({
        event: {
          eventId: circle.eventId,
          kind: 'kommunalzirkel',
          audience: 'target-group',
          announceTo: circle.announceTo,
          themes: circle.themes,
          targetGroup: { federalStates: ['BY'], maxPopulation: 25_000 },
        },
      });
    });

    it('answers 404 for an event that does not exist', async () => {
      const response = await sut.request('/api/v1/events/6f0c0a52-3c1e-4d7e-9a51-0f6f1c2b8a10/audience', {
        token: staff,
      });

      expect(response.status).toBe(404);
      expect(sut.rpc.sentTo(EventAudienceRequests.eventAudience)).toHaveLength(0);
    });

    it('keeps members out', async () => {
      const response = await sut.request(`/api/v1/events/${circle.eventId}/audience`, {
        token: signTestToken({ role: 'member' }),
      });

      expect(response.status).toBe(403);
    });
  });
});
