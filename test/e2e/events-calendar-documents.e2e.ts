import { createHash, randomBytes } from 'node:crypto';
import { readCalendar } from '../../libs/platform/src/calendar/testing/read-calendar';
import { E2eClient, fieldsOf, Problem, SignedInMember } from '../support/e2e-client';
import {
  EventsThroughTheGateway,
  ClubEvent,
  run,
  HOUR,
  DAY,
  berlin,
  shiftDay,
  springChange,
  autumnChange,
  loungeBody,
  forumBody,
  circleBody,
  pdfOf,
} from '../support/events-e2e';

/**
 * Events end to end, as the office and members meet them through the gateway: iCalendar files read
 * with a real parser on both sides of a daylight-saving change, and documents.
 */
describe('Events through the gateway: iCalendar and documents', () => {
  const bed = EventsThroughTheGateway.forThisFile();
  const { create, expectAct, get, calendarOf, entriesOf } = bed;
  let client: E2eClient;
  let staff: string;
  let member: SignedInMember;

  beforeAll(() => {
    ({ client, staff, member } = bed);
  });

  describe('iCalendar', () => {
    let winter: ClubEvent;
    let summer: ClubEvent;
    let forum: ClubEvent;
    let circle: ClubEvent;
    let draft: ClubEvent;

    beforeAll(async () => {
      winter = await create(
        'lounges',
        loungeBody(shiftDay(springChange, -1), { title: `Lounge vor der Sommerzeit ${run}` }),
      );
      summer = await create(
        'lounges',
        loungeBody(shiftDay(springChange, 1), { title: `Lounge nach der Sommerzeit ${run}` }),
      );
      forum = await create(
        'forums',
        forumBody(shiftDay(autumnChange, -1), shiftDay(autumnChange, 1), member, {
          sessions: [],
        }),
      );
      circle = await create('circles', circleBody([shiftDay(springChange, -2), shiftDay(springChange, 2)]));
      draft = await create('lounges', loungeBody(shiftDay(springChange, 3)));
      for (const event of [winter, summer, forum, circle]) await expectAct(event, 'announce', 'announced');
    });

    it('a signed-in member gets the .ics of an event, with the Berlin local time on either side of the spring change', async () => {
      for (const [event, day] of [
        [winter, shiftDay(springChange, -1)],
        [summer, shiftDay(springChange, 1)],
      ] as const) {
        const { response, calendar } = await calendarOf(
          `/events/${event.eventId}/calendar.ics`,
          member.token,
        );
        expect(response.headers.get('content-disposition')).toMatch(
          /^attachment; filename=".+\.ics"; filename\*=UTF-8''/,
        );
        expect(calendar.timeZones).toEqual(['Europe/Berlin']);
        expect(calendar.entries).toHaveLength(1);
        expect(calendar.entries[0]).toMatchObject({
          uid: `${event.eventId}@innovators-club.dstgb.de`,
          summary: event.title,
          startsLocal: `${day}T18:00:00`,
          endsLocal: `${day}T21:00:00`,
          timeZone: 'Europe/Berlin',
          status: 'CONFIRMED',
          location: 'Stadthaus Ulm, Münsterplatz 50, 89073 Ulm',
        });
        expect(berlin(calendar.entries[0].startsAt)).toBe(event.startsAt);
      }
      expect(
        berlin(
          (await calendarOf(`/events/${winter.eventId}/calendar.ics`, member.token)).calendar.entries[0]
            .startsAt,
        ),
      ).toMatch(/\+01:00$/);
      expect(
        berlin(
          (await calendarOf(`/events/${summer.eventId}/calendar.ics`, member.token)).calendar.entries[0]
            .startsAt,
        ),
      ).toMatch(/\+02:00$/);
      expect((await client.call('GET', `/events/${winter.eventId}/calendar.ics`)).status).toBe(401);
      expect(
        (await client.call('GET', `/events/${draft.eventId}/calendar.ics`, { token: member.token })).status,
      ).toBe(404);
    });

    it('the public feed holds every published event with stable UIDs, the autumn change right, a Kommunalzirkel per dated module, and a cancelled event as CANCELLED', async () => {
      const { response, calendar } = await calendarOf('/calendar.ics');
      expect(calendar.properties).toMatchObject({
        'x-wr-calname': 'Innovators Club – Veranstaltungen',
        method: 'PUBLISH',
      });
      expect(calendar.properties['refresh-interval']).toBeDefined();
      expect(response.headers.get('etag')).toBeTruthy();

      expect(entriesOf(calendar.entries, forum.eventId)).toEqual([
        expect.objectContaining({
          startsLocal: `${shiftDay(autumnChange, -1)}T09:30:00`,
          endsLocal: `${shiftDay(autumnChange, 1)}T16:00:00`,
        }),
      ]);
      const [forumEntry] = entriesOf(calendar.entries, forum.eventId);
      expect(forumEntry.endsAt.getTime() - forumEntry.startsAt.getTime()).toBe(2 * DAY + 6.5 * HOUR + HOUR);
      const modules = entriesOf(calendar.entries, circle.eventId);
      expect(modules.map((entry) => entry.startsLocal)).toEqual([
        `${shiftDay(springChange, -2)}T10:00:00`,
        `${shiftDay(springChange, 2)}T10:00:00`,
      ]);
      expect(new Set(modules.map((entry) => entry.uid)).size).toBe(2);
      expect(entriesOf(calendar.entries, draft.eventId)).toEqual([]);

      const before = entriesOf(calendar.entries, summer.eventId)[0];
      await expectAct(summer, 'cancel', 'cancelled', { reason: 'Der Saal ist wegen Bauarbeiten gesperrt.' });
      const conditional = {
        'if-none-match': response.headers.get('etag') ?? '',
        'cache-control': 'max-age=0',
      };
      const after = await client.call('GET', '/calendar.ics', { headers: conditional });
      expect(after.status).toBe(200);
      const cancelled = entriesOf(readCalendar(after.text).entries, summer.eventId)[0];
      expect(cancelled).toMatchObject({
        uid: before.uid,
        status: 'CANCELLED',
        startsLocal: before.startsLocal,
      });
      expect(cancelled.sequence).toBeGreaterThan(before.sequence);
      expect(cancelled.description).toContain('Der Saal ist wegen Bauarbeiten gesperrt.');

      const unchanged = await client.call('GET', '/calendar.ics', {
        headers: { ...conditional, 'if-none-match': after.headers.get('etag') ?? '' },
      });
      expect(unchanged.status).toBe(304);
    });
  });

  // ---------------------------------------------------------------- documents

  describe('documents', () => {
    let lounge: ClubEvent;

    beforeAll(async () => {
      lounge = await create('lounges', loungeBody(shiftDay(springChange, 120)));
      await expectAct(lounge, 'announce', 'announced');
    });

    function form(content: Buffer, type: string, name: string, fields: Record<string, string> = {}) {
      const data = new FormData();
      for (const [key, value] of Object.entries({ title: 'Programm', kind: 'programme', ...fields }))
        data.append(key, value);
      data.append('file', new Blob([content], { type }), name);
      return data;
    }

    it('a PDF of several chunks uploads and downloads byte for byte', async () => {
      const content = pdfOf(1_300_000);
      const started = Date.now();
      const uploaded = await client.call<{ documentId: string; sha256: string; href: string }>(
        'POST',
        `/events/${lounge.eventId}/documents`,
        {
          token: staff,
          body: form(content, 'application/pdf', 'Programm Übersicht.pdf'),
        },
      );
      const uploadMs = Date.now() - started;
      expect({ status: uploaded.status, body: uploaded.body }).toMatchObject({
        status: 201,
        body: { sha256: createHash('sha256').update(content).digest('hex') },
      });
      expect(uploaded.headers.get('location')).toBe(uploaded.body.href);

      const event = await get(lounge.eventId, member.token);
      expect(event.body.documents).toEqual([
        expect.objectContaining({
          documentId: uploaded.body.documentId,
          fileName: 'Programm Übersicht.pdf',
          sizeBytes: content.length,
        }),
      ]);

      const downloadStarted = Date.now();
      const response = await fetch(`${client.gatewayUrl}${uploaded.body.href}`, {
        headers: { authorization: `Bearer ${member.token}` },
      });
      const downloaded = Buffer.from(await response.arrayBuffer());
      const downloadMs = Date.now() - downloadStarted;
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-length')).toBe(String(content.length));
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="Programm Uebersicht.pdf"; filename*=UTF-8''Programm%20%C3%9Cbersicht.pdf`,
      );
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(downloaded.equals(content)).toBe(true);
      process.stderr.write(
        `[events e2e] 1.3 MB document: upload ${uploadMs} ms, download ${downloadMs} ms\n`,
      );

      const removed = await client.call<ClubEvent>(
        'DELETE',
        `/events/${lounge.eventId}/documents/${uploaded.body.documentId}`,
        { token: staff },
      );
      expect(removed.status).toBe(200);
      expect(removed.body.documents).toEqual([]);
      expect(
        (await client.call('GET', uploaded.body.href.replace('/api/v1', ''), { token: member.token })).status,
      ).toBe(404);
    });

    it('a file of a type not allowed, one whose content is not what it claims, and one too large are refused', async () => {
      const text = await client.call<Problem>('POST', `/events/${lounge.eventId}/documents`, {
        token: staff,
        body: form(Buffer.from('Nur Text'), 'text/plain', 'programm.txt', { kind: 'other' }),
      });
      expect(text.status).toBe(415);
      expect(text.body.detail).toContain('nicht erlaubt');

      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...randomBytes(100)]);
      const disguised = await client.call<Problem>('POST', `/events/${lounge.eventId}/documents`, {
        token: staff,
        body: form(png, 'application/pdf', 'programm.pdf'),
      });
      expect(disguised.status).toBe(422);
      expect(fieldsOf(disguised.body)).toEqual(['mediaType']);
      expect(disguised.headers.get('content-type')).toContain('application/problem+json');

      const tooLarge = await client.call<Problem>('POST', `/events/${lounge.eventId}/documents`, {
        token: staff,
        body: form(pdfOf(20 * 1024 * 1024 + 1), 'application/pdf', 'programm.pdf'),
      });
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.body.detail).toContain('20 MB');

      expect((await get(lounge.eventId, staff)).body.documents).toEqual([]);
    });
  });
});
