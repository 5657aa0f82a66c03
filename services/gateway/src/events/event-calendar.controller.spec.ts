import { ClubEventReply, EventsRequests } from '@ic/contracts';
import { NotFoundError } from '@ic/platform';
import { readCalendar } from '../../../../libs/platform/src/calendar/testing/read-calendar';
import {
  GatewayTestApp,
  signTestToken,
  startGatewayTestApp,
  TEST_LINK_BASE_URL,
} from '../testing/gateway-test-app';
import { newClubEventReply } from '../testing/reply-factories';
import { EventCalendarController } from './event-calendar.controller';

describe(EventCalendarController.name, () => {
  let sut: GatewayTestApp;
  const member = signTestToken({ role: 'member' });
  const winter = newClubEventReply({
    title: 'Innovators Lounge Görlitz: Energie, Wärme & Netze',
    startsAt: '2027-03-27T17:00:00+01:00',
    endsAt: '2027-03-27T21:00:00+01:00',
    updatedAt: '2027-02-01T08:00:00.000Z',
  });
  const summer = newClubEventReply({
    startsAt: '2027-03-29T17:00:00+02:00',
    endsAt: '2027-03-29T21:00:00+02:00',
    updatedAt: '2027-02-03T08:00:00.000Z',
  });
  const cancelled = newClubEventReply({
    status: 'cancelled',
    cancellation: { reason: 'Der Saal steht nicht zur Verfügung.', cancelledAt: '2027-02-02T08:00:00.000Z' },
    updatedAt: '2027-02-02T08:00:00.000Z',
  });
  const draft = newClubEventReply({ status: 'draft', updatedAt: '2027-02-05T08:00:00.000Z' });
  let feed: ClubEventReply[];

  beforeEach(async () => {
    feed = [summer, cancelled, winter, draft];
    sut = await startGatewayTestApp();
    sut.rpc
      .answer(EventsRequests.get, ({ eventId }) => {
        if (eventId === winter.eventId) return winter;
        throw new NotFoundError('Diese Veranstaltung gibt es nicht.');
      })
      .answer(EventsRequests.calendarFeed, () => feed);
  });

  afterEach(() => sut.close());

  describe('eventCalendar', () => {
    it('serves the event as an iCalendar file with its local time and a file name', async () => {
      const response = await sut.request(`/api/v1/events/${winter.eventId}/calendar.ics`, { token: member });

      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe(
        'attachment; filename="innovators-lounge-goerlitz-energie-waerme-netze.ics"; ' +
          "filename*=UTF-8''innovators-lounge-goerlitz-energie-waerme-netze.ics",
      );
      const page = `${TEST_LINK_BASE_URL}/veranstaltungen/${winter.eventId}`;
      const entries = readCalendar(response.text).entries;
      expect(entries).toEqual([
        expect.objectContaining({
          uid: `${winter.eventId}@innovators-club.dstgb.de`,
          summary: winter.title,
          startsLocal: '2027-03-27T17:00:00',
          url: page,
        }),
      ]);
      expect(entries[0].description?.split('\n').at(-1)).toBe(`Details: ${page}`);
    });

    it('needs a sign-in, a valid id, and answers an unknown event with 404', async () => {
      const unknown = newClubEventReply().eventId;

      expect((await sut.request(`/api/v1/events/${winter.eventId}/calendar.ics`)).status).toBe(401);
      expect((await sut.request('/api/v1/events/xyz/calendar.ics', { token: member })).status).toBe(400);
      const missing = await sut.request(`/api/v1/events/${unknown}/calendar.ics`, { token: member });
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toContain('application/problem+json');
    });
  });

  describe('feed', () => {
    it('serves every published event without sign-in, cancelled ones as CANCELLED, in order of time', async () => {
      const response = await sut.request('/api/v1/calendar.ics');

      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      expect(response.headers.get('content-disposition')).toContain('inline; filename="innovators-club');
      const calendar = readCalendar(response.text);
      expect(calendar.properties).toMatchObject({
        'x-wr-calname': 'Innovators Club – Veranstaltungen',
        'x-published-ttl': 'PT60M',
        method: 'PUBLISH',
      });
      expect(calendar.entries.map((entry) => [entry.uid.slice(0, 36), entry.status])).toEqual([
        [winter.eventId, 'CONFIRMED'],
        [summer.eventId, 'CONFIRMED'],
        [cancelled.eventId, 'CANCELLED'],
      ]);
      expect(calendar.entries.map((entry) => entry.url)).toEqual(
        [winter, summer, cancelled].map((event) => `${TEST_LINK_BASE_URL}/veranstaltungen/${event.eventId}`),
      );
      expect(calendar.entries.map((entry) => entry.startsLocal)).toEqual([
        '2027-03-27T17:00:00',
        '2027-03-29T17:00:00',
        '2027-04-15T17:00:00',
      ]);
    });

    it('answers 304 to a subscriber that has the current state, and 200 after a change', async () => {
      const first = await sut.request('/api/v1/calendar.ics');
      const etag = first.headers.get('etag') ?? '';
      expect(etag).not.toBe('');
      // The draft's later change does not count: it is not in the feed.
      expect(first.headers.get('last-modified')).toBe(new Date('2027-02-03T08:00:00.000Z').toUTCString());
      expect(first.headers.get('cache-control')).toBe('public, max-age=300');

      // fetch adds "Cache-Control: no-cache" to a conditional request unless told otherwise; calendars do not.
      const conditional = { 'if-none-match': etag, 'cache-control': 'max-age=0' };
      const unchanged = await sut.request('/api/v1/calendar.ics', { headers: conditional });
      feed = [...feed, newClubEventReply()];
      const changed = await sut.request('/api/v1/calendar.ics', { headers: conditional });

      expect(unchanged.status).toBe(304);
      expect(changed.status).toBe(200);
      expect(changed.headers.get('etag')).not.toBe(etag);
    });
  });
});
