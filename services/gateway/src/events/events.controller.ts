import {
  CancelEventRequest,
  ClubEventReply,
  CreateCircleRequest,
  CreateForumRequest,
  CreateLoungeRequest,
  agendaSessionReplySchema,
  cancellationReplySchema,
  circleDetailsReplySchema,
  circleModuleReplySchema,
  circleSummaryReplySchema,
  clubEventPageReplySchema,
  ClubEventSummaryReply,
  clubEventSummaryReplySchema,
  EventListQuery,
  forumDetailsReplySchema,
  forumSummaryReplySchema,
  hostMunicipalityReplySchema,
  loungeDetailsReplySchema,
  Page,
  pickShape,
  registrationWindowReplySchema,
  speakerReplySchema,
  targetGroupReplySchema,
  venueReplySchema,
  EventRequestParts,
  EventsRequests,
  UpdateCircleRequest,
  UpdateForumRequest,
  UpdateLoungeRequest,
} from '@ic/contracts';
import { RpcClient, SendOptions } from '@ic/messaging/client';
import { Body, Controller, Get, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiReply, ApiSchemaParts } from '../http/api-replies';
import type { Response } from 'express';
import { PublicOrSignedIn, Roles } from '../auth/auth.decorators';
import { ApiIdempotencyKey, ApiProblems, ApiRequestExamples, ApiUpstreamProblems } from '../http/api-docs';
import { CIRCLE_EXAMPLE, FORUM_EXAMPLE, LOUNGE_EXAMPLE } from './event.examples';
import { CallContext } from '../http/call-context';
import { UuidParam } from '../http/path-params';
import { eventPath, eventSchema, EventView, eventView } from './event.shapes';

const CREATED =
  'Die Veranstaltung als Entwurf; Location nennt sie. Mitglieder sehen sie erst nach der Ankündigung.';
const TIMES =
  'Zeiten als Ortszeit Europe/Berlin wie `2027-05-12T09:30` (oder mit Zeitverschiebung). ' +
  'Regeln über mehrere Felder (Ende nach Beginn, Anmeldeschluss vor Beginn, …) ergeben 422 mit den Feldern.';
const READABLE_BY_ANYONE =
  'Ohne Anmeldung lesbar, außer Entwürfen: die sieht nur die Geschäftsstelle, angemeldet mit Zugangstoken ' +
  'oder Sitzungs-Cookie (ein ungültiges wird mit 401 abgewiesen).';
const UPDATE =
  'Nur die genannten Felder ändern sich; Listen (Programm, Module) werden als Ganzes ersetzt. ' +
  'Nach der Ankündigung ist alles außer der Art änderbar; stattgefundene oder abgesagte Veranstaltungen nicht (409).';

/**
 * The club's events: the office creates and runs Deutschlandforen, Innovators Lounges and
 * Kommunalzirkel, each kind with a body of its own; anyone reads the published ones (the website,
 * the portal's front page), the office its drafts too.
 */
@ApiTags('Veranstaltungen')
@ApiUpstreamProblems()
@ApiSchemaParts({
  VenueResponse: venueReplySchema,
  RegistrationWindowResponse: registrationWindowReplySchema,
  TargetGroupResponse: targetGroupReplySchema,
  SpeakerResponse: speakerReplySchema,
  AgendaSessionResponse: agendaSessionReplySchema,
  ForumDetailsResponse: forumDetailsReplySchema,
  HostMunicipalityResponse: hostMunicipalityReplySchema,
  LoungeDetailsResponse: loungeDetailsReplySchema,
  CircleModuleResponse: circleModuleReplySchema,
  CircleDetailsResponse: circleDetailsReplySchema,
  CancellationResponse: cancellationReplySchema,
  ForumSummaryResponse: forumSummaryReplySchema,
  CircleSummaryResponse: circleSummaryReplySchema,
  EventSummaryResponse: clubEventSummaryReplySchema,
})
// The requests' named parts (VenueDto, …) are component schemas the same way; a part an answer shows
// just as a request takes it (the delegation rule) is the request's.
@ApiSchemaParts(EventRequestParts)
@Controller('events')
export class EventsController {
  constructor(private readonly rpc: RpcClient) {}

  @Roles('staff')
  @Post('forums')
  @ApiOperation({ summary: 'Ein Deutschlandforum anlegen (Geschäftsstelle)', description: TIMES })
  @ApiReply(201, 'EventResponse', eventSchema, { description: CREATED })
  @ApiRequestExamples(CreateForumRequest, {
    forum: { summary: 'Deutschlandforum in Berlin', value: FORUM_EXAMPLE },
  })
  @ApiIdempotencyKey()
  @ApiProblems(422)
  async createForum(
    @Body() body: CreateForumRequest,
    @CallContext() call: SendOptions,
    @Res({ passthrough: true }) response: Response,
  ): Promise<EventView> {
    return created(response, await this.rpc.send(EventsRequests.createForum, body, call));
  }

  @Roles('staff')
  @Post('lounges')
  @ApiOperation({ summary: 'Eine Innovators Lounge anlegen (Geschäftsstelle)', description: TIMES })
  @ApiReply(201, 'EventResponse', eventSchema, { description: CREATED })
  @ApiRequestExamples(CreateLoungeRequest, {
    lounge: { summary: 'Innovators Lounge in Ulm', value: LOUNGE_EXAMPLE },
  })
  @ApiIdempotencyKey()
  @ApiProblems(422)
  async createLounge(
    @Body() body: CreateLoungeRequest,
    @CallContext() call: SendOptions,
    @Res({ passthrough: true }) response: Response,
  ): Promise<EventView> {
    return created(response, await this.rpc.send(EventsRequests.createLounge, body, call));
  }

  @Roles('staff')
  @Post('circles')
  @ApiOperation({
    summary: 'Einen Kommunalzirkel anlegen (Geschäftsstelle)',
    description: `${TIMES} Ein Kommunalzirkel richtet sich immer an eine Zielgruppe (audience target-group).`,
  })
  @ApiReply(201, 'EventResponse', eventSchema, { description: CREATED })
  @ApiRequestExamples(CreateCircleRequest, {
    circle: { summary: 'Kommunalzirkel für Gemeinden in Bayern', value: CIRCLE_EXAMPLE },
  })
  @ApiIdempotencyKey()
  @ApiProblems(422)
  async createCircle(
    @Body() body: CreateCircleRequest,
    @CallContext() call: SendOptions,
    @Res({ passthrough: true }) response: Response,
  ): Promise<EventView> {
    return created(response, await this.rpc.send(EventsRequests.createCircle, body, call));
  }

  @Roles('staff')
  @Patch('forums/:eventId')
  @ApiOperation({ summary: 'Ein Deutschlandforum ändern (Geschäftsstelle)', description: UPDATE })
  @ApiReply(200, 'EventResponse', eventSchema)
  @ApiIdempotencyKey()
  @ApiProblems(404, 409, 422)
  async updateForum(
    @UuidParam('eventId') eventId: string,
    @Body() body: UpdateForumRequest,
    @CallContext() call: SendOptions,
  ): Promise<EventView> {
    return eventView(await this.rpc.send(EventsRequests.updateForum, { ...body, eventId }, call));
  }

  @Roles('staff')
  @Patch('lounges/:eventId')
  @ApiOperation({ summary: 'Eine Innovators Lounge ändern (Geschäftsstelle)', description: UPDATE })
  @ApiReply(200, 'EventResponse', eventSchema)
  @ApiIdempotencyKey()
  @ApiProblems(404, 409, 422)
  async updateLounge(
    @UuidParam('eventId') eventId: string,
    @Body() body: UpdateLoungeRequest,
    @CallContext() call: SendOptions,
  ): Promise<EventView> {
    return eventView(await this.rpc.send(EventsRequests.updateLounge, { ...body, eventId }, call));
  }

  @Roles('staff')
  @Patch('circles/:eventId')
  @ApiOperation({ summary: 'Einen Kommunalzirkel ändern (Geschäftsstelle)', description: UPDATE })
  @ApiReply(200, 'EventResponse', eventSchema)
  @ApiIdempotencyKey()
  @ApiProblems(404, 409, 422)
  async updateCircle(
    @UuidParam('eventId') eventId: string,
    @Body() body: UpdateCircleRequest,
    @CallContext() call: SendOptions,
  ): Promise<EventView> {
    return eventView(await this.rpc.send(EventsRequests.updateCircle, { ...body, eventId }, call));
  }

  @Roles('staff')
  @Post(':eventId/announce')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Ankündigen (Geschäftsstelle)',
    description:
      'Aus dem Entwurf; danach sehen Mitglieder die Veranstaltung, und die passenden Mitglieder erhalten die Ankündigung per E-Mail. ' +
      'Die Anmeldung öffnet und schließt zu den Zeiten des Anmeldezeitraums von selbst.',
  })
  @ApiReply(200, 'EventResponse', eventSchema)
  @ApiIdempotencyKey()
  @ApiProblems(404, 409, 422)
  async announce(
    @UuidParam('eventId') eventId: string,
    @CallContext() call: SendOptions,
  ): Promise<EventView> {
    return eventView(await this.rpc.send(EventsRequests.announce, { eventId }, call));
  }

  @Roles('staff')
  @Post(':eventId/open-registration')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Die Anmeldung vorzeitig öffnen (Geschäftsstelle)',
    description: 'Aus „angekündigt“.',
  })
  @ApiReply(200, 'EventResponse', eventSchema)
  @ApiIdempotencyKey()
  @ApiProblems(404, 409, 422)
  async openRegistration(
    @UuidParam('eventId') eventId: string,
    @CallContext() call: SendOptions,
  ): Promise<EventView> {
    return eventView(await this.rpc.send(EventsRequests.openRegistration, { eventId }, call));
  }

  @Roles('staff')
  @Post(':eventId/close-registration')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Die Anmeldung vorzeitig schließen (Geschäftsstelle)',
    description: 'Aus „Anmeldung offen“.',
  })
  @ApiReply(200, 'EventResponse', eventSchema)
  @ApiIdempotencyKey()
  @ApiProblems(404, 409, 422)
  async closeRegistration(
    @UuidParam('eventId') eventId: string,
    @CallContext() call: SendOptions,
  ): Promise<EventView> {
    return eventView(await this.rpc.send(EventsRequests.closeRegistration, { eventId }, call));
  }

  @Roles('staff')
  @Post(':eventId/mark-held')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Als stattgefunden vermerken (Geschäftsstelle)',
    description: 'Nach dem Ende; geschieht sonst von selbst, sobald das Ende vorbei ist.',
  })
  @ApiReply(200, 'EventResponse', eventSchema)
  @ApiIdempotencyKey()
  @ApiProblems(404, 409, 422)
  async markHeld(
    @UuidParam('eventId') eventId: string,
    @CallContext() call: SendOptions,
  ): Promise<EventView> {
    return eventView(await this.rpc.send(EventsRequests.markHeld, { eventId }, call));
  }

  @Roles('staff')
  @Post(':eventId/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Absagen, mit Grund (Geschäftsstelle)',
    description:
      'In jedem Stand vor „stattgefunden“. Abonnierte Kalender entfernen den Termin beim nächsten Abruf des Kalender-Feeds.',
  })
  @ApiReply(200, 'EventResponse', eventSchema)
  @ApiIdempotencyKey()
  @ApiProblems(404, 409, 422)
  async cancel(
    @UuidParam('eventId') eventId: string,
    @Body() body: CancelEventRequest,
    @CallContext() call: SendOptions,
  ): Promise<EventView> {
    return eventView(await this.rpc.send(EventsRequests.cancel, { ...body, eventId }, call));
  }

  @PublicOrSignedIn()
  @Get()
  @ApiOperation({
    summary: 'Veranstaltungen: kommende (Voreinstellung) oder vergangene, gefiltert und seitenweise',
    description:
      'Filter nach Art, Themenfeld, Land (Ort oder Zielgruppe), Stand und Zeitraum (Tage in Europe/Berlin). ' +
      `Kommende aufsteigend nach Beginn, vergangene absteigend. ${READABLE_BY_ANYONE}`,
  })
  @ApiReply(200, 'EventPageResponse', clubEventPageReplySchema)
  @ApiProblems(400, 401, 422)
  async list(
    @Query() query: EventListQuery,
    @CallContext() call: SendOptions,
  ): Promise<Page<ClubEventSummaryReply>> {
    return pickShape(clubEventPageReplySchema, await this.rpc.send(EventsRequests.list, query, call));
  }

  @PublicOrSignedIn()
  @Get(':eventId')
  @ApiOperation({
    summary: 'Eine Veranstaltung mit allem für ihre Detailseite',
    description:
      'Mit Programm (Deutschlandforum), Gastgeber (Lounge), Modulen (Kommunalzirkel) und Dokumenten. ' +
      `${READABLE_BY_ANYONE} Für alle anderen gibt es einen Entwurf nicht (404).`,
  })
  @ApiReply(200, 'EventResponse', eventSchema)
  @ApiProblems(400, 401, 404)
  async get(@UuidParam('eventId') eventId: string, @CallContext() call: SendOptions): Promise<EventView> {
    return eventView(await this.rpc.send(EventsRequests.get, { eventId }, call));
  }
}

function created(response: Response, event: ClubEventReply): EventView {
  response.location(eventPath(event.eventId));
  return eventView(event);
}
