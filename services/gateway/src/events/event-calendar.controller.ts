import { EventsRequests } from '@ic/contracts';
import { RpcClient, SendOptions } from '@ic/messaging/client';
import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public, Roles } from '../auth/auth.decorators';
import { ApiProblems, ApiUpstreamProblems } from '../http/api-docs';
import { CallContext } from '../http/call-context';
import { contentDisposition } from '../http/content-disposition';
import { UuidParam } from '../http/path-params';
import {
  CALENDAR_CONTENT_TYPE,
  calendarFileName,
  EventCalendar,
  FEED_FILE_NAME,
  FEED_NAME,
} from './event-calendar';

const ICALENDAR_SCHEMA = { type: 'string', description: 'iCalendar (RFC 5545), Zeiten in Europe/Berlin' };

/** Events as iCalendar: a file per event to add it to one's calendar, and a feed to subscribe to. */
@ApiTags('Veranstaltungen')
@ApiUpstreamProblems()
@Controller()
export class EventCalendarController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly calendar: EventCalendar,
  ) {}

  @Roles('staff', 'member')
  @Get('events/:eventId/calendar.ics')
  @Header('Content-Type', CALENDAR_CONTENT_TYPE)
  @ApiOperation({
    summary: 'Kalendereintrag einer Veranstaltung (iCalendar)',
    description:
      'Ein Eintrag für ein Deutschlandforum oder eine Lounge, beim Kommunalzirkel einer je Modul mit Termin. ' +
      'Die UID bleibt bei Änderungen gleich, sodass Kalender den Eintrag aktualisieren statt ihn zu verdoppeln.',
  })
  @ApiOkResponse({
    description: 'Der Kalendereintrag',
    content: { 'text/calendar': { schema: ICALENDAR_SCHEMA } },
  })
  @ApiProblems(400, 404)
  async eventCalendar(
    @UuidParam('eventId') eventId: string,
    @CallContext() call: SendOptions,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const event = await this.rpc.send(EventsRequests.get, { eventId }, call);
    response.setHeader('Content-Disposition', contentDisposition('attachment', calendarFileName(event)));
    return this.calendar.ofEvent(event);
  }

  @Public()
  @Get('calendar.ics')
  @Header('Content-Type', CALENDAR_CONTENT_TYPE)
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({
    summary: `Kalender-Feed zum Abonnieren: „${FEED_NAME}“`,
    description:
      'Alle angekündigten Veranstaltungen (ab einem Jahr zurück), ohne Anmeldung abrufbar. Abgesagte stehen mit ' +
      'STATUS:CANCELLED darin, sodass abonnierte Kalender sie entfernen. Mit ETag und Last-Modified: ' +
      'ein Abruf mit If-None-Match erhält 304, solange sich nichts geändert hat.',
  })
  @ApiOkResponse({ description: 'Der Kalender', content: { 'text/calendar': { schema: ICALENDAR_SCHEMA } } })
  async feed(
    @CallContext() call: SendOptions,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const events = await this.rpc.send(EventsRequests.calendarFeed, {}, call);
    response.setHeader('Content-Disposition', contentDisposition('inline', FEED_FILE_NAME));
    const lastModified = this.calendar.lastModified(events);
    if (lastModified) response.setHeader('Last-Modified', lastModified.toUTCString());
    // Express answers 304 itself when the ETag it computes from this text matches If-None-Match.
    return this.calendar.feed(events);
  }
}
