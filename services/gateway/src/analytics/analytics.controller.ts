import {
  AnalyticsEventsQuery,
  AnalyticsRequests,
  EventFiguresQuery,
  MembershipMonthsQuery,
  ParticipationCsvQuery,
  ParticipationDimensionNames,
  ParticipationQuery,
  EventDetailFiguresReply,
  eventDetailFiguresReplySchema,
  eventFiguresReplySchema,
  EventsFiguresReply,
  eventsFiguresReplySchema,
  MembershipFiguresReply,
  membershipFiguresReplySchema,
  membershipMonthReplySchema,
  ParticipationReply,
  participationReplySchema,
  participationRowReplySchema,
  pickShape,
  AnalyticsStatusReply,
  analyticsStatusReplySchema,
  rebuildProgressReplySchema,
  rebuildSummaryReplySchema,
  topicProgressReplySchema,
  timelineStepReplySchema,
  workingGroupSizeReplySchema,
  WorkingGroupSizesReply,
  workingGroupSizesReplySchema,
} from '@ic/contracts';
import { RpcClient, SendOptions } from '@ic/messaging/client';
import { applyDecorators, Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { ApiReply, ApiSchemaParts } from '../http/api-replies';
import { ApiProblems, ApiUpstreamProblems } from '../http/api-docs';
import { CallContext } from '../http/call-context';
import { contentDisposition } from '../http/content-disposition';
import { CSV_CONTENT_TYPE } from '../http/csv';
import { UuidParam } from '../http/path-params';
import { eventsCsv, membershipCsv, participationCsv, timelineCsv, workingGroupsCsv } from './analytics-csv';

const CSV_NOTE =
  'UTF-8 mit BOM, Semikolon als Trennzeichen: öffnet sich in Excel mit Umlauten per Doppelklick.';
const FIGURES_NOTE =
  'Aus den Ereignissen aller Dienste, wie der Analysedienst sie gelesen hat (wenige Sekunden hinter dem Geschehen; ' +
  'wie weit, zeigt `/analytics/status`).';

/** A CSV download: documented as such, written as an attachment. */
function ApiCsv(summary: string, description: string): MethodDecorator {
  return applyDecorators(
    ApiProduces(CSV_CONTENT_TYPE),
    ApiOperation({ summary, description: `${description} ${CSV_NOTE}` }),
    ApiOkResponse({
      description: 'Die Tabelle',
      content: { [CSV_CONTENT_TYPE]: { schema: { type: 'string' } } },
    }),
  );
}

function csvDownload(fileName: string, content: string): StreamableFile {
  return new StreamableFile(Buffer.from(content, 'utf8'), {
    type: CSV_CONTENT_TYPE,
    disposition: contentDisposition('attachment', fileName),
  });
}

/**
 * The office's figures from the analytics service: events and their registrations, participation
 * by federal state, sector, theme and municipality size, the membership per month and the working
 * groups; each as JSON and as CSV for Excel. Only for the office.
 */
@ApiTags('Auswertungen')
@ApiUpstreamProblems()
@Roles('staff')
@ApiSchemaParts({
  EventFiguresResponse: eventFiguresReplySchema,
  TimelineStepResponse: timelineStepReplySchema,
  ParticipationRowResponse: participationRowReplySchema,
  MembershipMonthResponse: membershipMonthReplySchema,
  WorkingGroupSizeResponse: workingGroupSizeReplySchema,
  TopicProgressResponse: topicProgressReplySchema,
  RebuildProgressResponse: rebuildProgressReplySchema,
  RebuildSummaryResponse: rebuildSummaryReplySchema,
})
@Controller('analytics')
export class AnalyticsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('events')
  @ApiOperation({
    summary: 'Veranstaltungen mit ihren Zahlen',
    description:
      'Je Veranstaltung: Anmeldungen, bestätigt, Warteliste, nachgerückt, storniert, teilgenommen, nicht erschienen, ' +
      `Auslastung und Nachrückquote. Filter: Art und Zeitraum des Beginns. ${FIGURES_NOTE}`,
  })
  @ApiReply(200, 'EventsFiguresResponse', eventsFiguresReplySchema)
  @ApiProblems(400)
  async events(
    @Query() query: AnalyticsEventsQuery,
    @CallContext() call: SendOptions,
  ): Promise<EventsFiguresReply> {
    return pickShape(eventsFiguresReplySchema, await this.rpc.send(AnalyticsRequests.events, query, call));
  }

  @Get('events.csv')
  @ApiCsv('Veranstaltungen mit ihren Zahlen als CSV', 'Eine Zeile je Veranstaltung, mit denselben Filtern.')
  @ApiProblems(400)
  async eventsCsv(
    @Query() query: AnalyticsEventsQuery,
    @CallContext() call: SendOptions,
  ): Promise<StreamableFile> {
    return csvDownload(
      'Veranstaltungen.csv',
      eventsCsv(await this.rpc.send(AnalyticsRequests.events, query, call)),
    );
  }

  @Get('events/:eventId')
  @ApiOperation({
    summary: 'Zahlen einer Veranstaltung mit den Anmeldungen im Zeitverlauf',
    description: `Dazu die Anmeldungen je Stunde oder Tag seit Öffnung der Anmeldung. ${FIGURES_NOTE}`,
  })
  @ApiReply(200, 'EventDetailFiguresResponse', eventDetailFiguresReplySchema)
  @ApiProblems(400, 404)
  async event(
    @UuidParam('eventId') eventId: string,
    @Query() query: EventFiguresQuery,
    @CallContext() call: SendOptions,
  ): Promise<EventDetailFiguresReply> {
    return pickShape(
      eventDetailFiguresReplySchema,
      await this.rpc.send(AnalyticsRequests.event, { ...query, eventId }, call),
    );
  }

  @Get('events/:eventId/timeline.csv')
  @ApiCsv(
    'Anmeldungen einer Veranstaltung im Zeitverlauf als CSV',
    'Eine Zeile je Stunde oder Tag seit der Öffnung.',
  )
  @ApiProblems(400, 404)
  async timelineCsv(
    @UuidParam('eventId') eventId: string,
    @Query() query: EventFiguresQuery,
    @CallContext() call: SendOptions,
  ): Promise<StreamableFile> {
    const reply = await this.rpc.send(AnalyticsRequests.event, { ...query, eventId }, call);
    return csvDownload(`Anmeldungen im Zeitverlauf ${reply.title ?? eventId}.csv`, timelineCsv(reply));
  }

  @Get('participation')
  @ApiOperation({
    summary: 'Teilnahme nach Bundesland, Sektor, Themenfeld und Gemeindegröße',
    description:
      'Anmeldungen, bestätigt und teilgenommen je Wert. Mitglieder zählen mit ihrem Profil (pseudonym, ohne Namen), ' +
      `Kommunen mit ihrem Land und ihrer Größe. Filter: eine Veranstaltung, Art, Zeitraum des Beginns. ${FIGURES_NOTE}`,
  })
  @ApiReply(200, 'ParticipationResponse', participationReplySchema)
  @ApiProblems(400)
  async participation(
    @Query() query: ParticipationQuery,
    @CallContext() call: SendOptions,
  ): Promise<ParticipationReply> {
    return pickShape(
      participationReplySchema,
      await this.rpc.send(AnalyticsRequests.participation, query, call),
    );
  }

  @Get('participation.csv')
  @ApiCsv(
    'Teilnahme als CSV',
    'Die vier Aufschlüsselungen untereinander, das Merkmal in der ersten Spalte; mit `dimension` nur diese eine.',
  )
  @ApiProblems(400)
  async participationCsv(
    @Query() { dimension, ...query }: ParticipationCsvQuery,
    @CallContext() call: SendOptions,
  ): Promise<StreamableFile> {
    return csvDownload(
      dimension ? `Teilnahme nach ${ParticipationDimensionNames[dimension]}.csv` : 'Teilnahme.csv',
      participationCsv(await this.rpc.send(AnalyticsRequests.participation, query, call), dimension),
    );
  }

  @Get('membership')
  @ApiOperation({
    summary: 'Mitgliedschaft je Monat',
    description:
      'Berufungen, Zusagen, Absagen und beendete Mitgliedschaften je Monat (Europe/Berlin) und die Mitglieder am ' +
      `Monatsende; ohne Angabe vom ersten Monat mit Daten bis heute. ${FIGURES_NOTE}`,
  })
  @ApiReply(200, 'MembershipFiguresResponse', membershipFiguresReplySchema)
  @ApiProblems(400, 422)
  async membership(
    @Query() query: MembershipMonthsQuery,
    @CallContext() call: SendOptions,
  ): Promise<MembershipFiguresReply> {
    return pickShape(
      membershipFiguresReplySchema,
      await this.rpc.send(AnalyticsRequests.membership, query, call),
    );
  }

  @Get('membership.csv')
  @ApiCsv('Mitgliedschaft je Monat als CSV', 'Eine Zeile je Monat.')
  @ApiProblems(400, 422)
  async membershipCsv(
    @Query() query: MembershipMonthsQuery,
    @CallContext() call: SendOptions,
  ): Promise<StreamableFile> {
    return csvDownload(
      'Mitgliedschaft je Monat.csv',
      membershipCsv(await this.rpc.send(AnalyticsRequests.membership, query, call)),
    );
  }

  @Get('working-groups')
  @ApiOperation({
    summary: 'Größe der Arbeitsgruppen',
    description: `Aktive Mitglieder je Arbeitsgruppe. ${FIGURES_NOTE}`,
  })
  @ApiReply(200, 'WorkingGroupSizesResponse', workingGroupSizesReplySchema)
  async workingGroups(@CallContext() call: SendOptions): Promise<WorkingGroupSizesReply> {
    return pickShape(
      workingGroupSizesReplySchema,
      await this.rpc.send(AnalyticsRequests.workingGroups, {}, call),
    );
  }

  @Get('working-groups.csv')
  @ApiCsv('Größe der Arbeitsgruppen als CSV', 'Eine Zeile je Arbeitsgruppe.')
  async workingGroupsCsv(@CallContext() call: SendOptions): Promise<StreamableFile> {
    return csvDownload(
      'Arbeitsgruppen.csv',
      workingGroupsCsv(await this.rpc.send(AnalyticsRequests.workingGroups, {}, call)),
    );
  }

  @Get('status')
  @ApiOperation({
    summary: 'Stand der Auswertungen',
    description:
      'Wie weit der Analysedienst jedes Topic gelesen hat, ein laufender Neuaufbau (`npm run analytics:rebuild`) ' +
      'und der letzte mit Ereignissen je Sekunde.',
  })
  @ApiReply(200, 'AnalyticsStatusResponse', analyticsStatusReplySchema)
  async status(@CallContext() call: SendOptions): Promise<AnalyticsStatusReply> {
    return pickShape(analyticsStatusReplySchema, await this.rpc.send(AnalyticsRequests.status, {}, call));
  }
}
