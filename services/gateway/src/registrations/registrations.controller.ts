import {
  ChangeDelegationRequest,
  DeclareInterestRequest,
  delegationPersonRequestSchema,
  guestRequestSchema,
  municipalityRequestSchema,
  personContactRequestSchema,
  ParticipantFilterQuery,
  ParticipantListQuery,
  RecordAttendanceRequest,
  RegisterRequest,
  RegistrationsRequests,
  EventSeatsReply,
  eventSeatsReplySchema,
  interestHolderReplySchema,
  InterestReply,
  interestReplySchema,
  Page,
  pickShape,
  registrationCancellationReplySchema,
  registrationPageReplySchema,
  RegistrationReply,
  registrationReplySchema,
  registrantReplySchema,
  registeredEventReplySchema,
  sessionChoiceReplySchema,
  delegationPersonReplySchema,
  RegistrationStatsReply,
  registrationStatsReplySchema,
  workshopSeatsReplySchema,
  workshopStatsReplySchema,
} from '@ic/contracts';
import { RpcClient, SendOptions } from '@ic/messaging/client';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Post,
  Put,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ConfigService } from '@nestjs/config';
import type { Response } from 'express';
import { Roles } from '../auth/auth.decorators';
import { ApiReply, ApiSchemaParts } from '../http/api-replies';
import { API_PREFIX } from '../openapi';
import { ApiIdempotencyKey, ApiProblems, ApiRequestExamples, ApiUpstreamProblems } from '../http/api-docs';
import { GatewayEnv } from '../gateway.env';
import { CallContext } from '../http/call-context';
import { contentDisposition } from '../http/content-disposition';
import { CSV_CONTENT_TYPE } from '../http/csv';
import { UuidParam } from '../http/path-params';
import { ParticipantsExport } from './participants-export';

const REFUSALS =
  'Eine nicht erfüllte Regel ergibt 422 mit `rule` (z. B. `registration-closed`, `target-group-population`, ' +
  '`workshop-parallel-slot`, `delegation-size`) und einem Satz, der sie erklärt.';

/**
 * Registrations: members register for events (a municipality sends a delegation to a Kommunalzirkel),
 * declare interest before registration opens, cancel and change their delegation; the office runs
 * participant lists, the export, the check-in and the figures.
 */
@ApiTags('Anmeldungen')
@ApiUpstreamProblems()
@ApiSchemaParts({
  WorkshopSeatsResponse: workshopSeatsReplySchema,
  WorkshopStatsResponse: workshopStatsReplySchema,
  RegisteredEventResponse: registeredEventReplySchema,
  RegistrantResponse: registrantReplySchema,
  SessionChoiceResponse: sessionChoiceReplySchema,
  DelegationPersonResponse: delegationPersonReplySchema,
  RegistrationCancellationResponse: registrationCancellationReplySchema,
  InterestHolderResponse: interestHolderReplySchema,
})
@ApiSchemaParts({
  MunicipalityDto: municipalityRequestSchema,
  PersonContactDto: personContactRequestSchema,
  GuestDto: guestRequestSchema,
  DelegationPersonDto: delegationPersonRequestSchema,
})
@Controller()
export class RegistrationsController {
  private readonly seatTimeoutMs: number;

  constructor(
    private readonly rpc: RpcClient,
    private readonly participantsExport: ParticipantsExport,
    config: ConfigService<GatewayEnv, true>,
  ) {
    this.seatTimeoutMs = config.get('SEAT_REQUEST_TIMEOUT_MS', { infer: true });
  }

  @Roles('staff', 'member')
  @Post('events/:eventId/registrations')
  @ApiOperation({
    summary: 'Zu einer Veranstaltung anmelden',
    description:
      'Ein Mitglied meldet sich selbst an (beim Deutschlandforum mit Workshops, einer je Zeitfenster); beim ' +
      'Kommunalzirkel meldet das Mitglied seine Kommune mit ihrer Delegation an. Die Geschäftsstelle meldet ein ' +
      'Mitglied (memberId), eine Kommune (municipality) oder einen Gast (guest) an. Die Antwort sagt sofort, ob der ' +
      'Platz bestätigt ist oder auf welchem Platz der Warteliste die Anmeldung steht. Wer schon angemeldet ist, ' +
      `erhält seine Anmeldung mit 200 zurück. ${REFUSALS}`,
  })
  @ApiReply(201, 'RegistrationResponse', registrationReplySchema, {
    description: 'Neu angemeldet; Location nennt die Anmeldung.',
  })
  @ApiReply(200, 'RegistrationResponse', registrationReplySchema, {
    description: 'Schon angemeldet: die bestehende Anmeldung.',
  })
  @ApiRequestExamples(RegisterRequest, {
    self: { summary: 'Ein Mitglied meldet sich selbst an (Lounge)', value: {} },
    byOffice: {
      summary: 'Die Geschäftsstelle meldet ein Mitglied an (seine Kennung einsetzen)',
      value: { memberId: '5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10' },
    },
  })
  @ApiIdempotencyKey()
  @ApiProblems(404, 409, 422)
  async register(
    @UuidParam('eventId') eventId: string,
    @Body() body: RegisterRequest,
    @CallContext() call: SendOptions,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RegistrationReply> {
    const reply = await this.rpc.send(
      RegistrationsRequests.register,
      { ...body, eventId },
      { ...call, timeoutMs: this.seatTimeoutMs },
    );
    response.status(reply.created ? 201 : 200);
    if (reply.created) response.location(`/${API_PREFIX}/registrations/${reply.registration.registrationId}`);
    return pickShape(registrationReplySchema, reply.registration);
  }

  @Roles('staff', 'member')
  @Post('events/:eventId/interest')
  @ApiOperation({
    summary: 'Interesse bekunden, bevor die Anmeldung öffnet',
    description:
      'Für angekündigte Veranstaltungen. Ein Mitglied bekundet sein Interesse, beim Kommunalzirkel das seiner Kommune; ' +
      'die Geschäftsstelle trägt das Interesse einer Kommune ein (municipality, mit einer Kontaktperson). Öffnet die ' +
      `Anmeldung, erfahren es die Interessierten zuerst. Wiederholt: 200 mit dem bestehenden Eintrag. ${REFUSALS}`,
  })
  @ApiReply(201, 'InterestResponse', interestReplySchema)
  @ApiReply(200, 'InterestResponse', interestReplySchema, { description: 'Schon eingetragen.' })
  @ApiIdempotencyKey()
  @ApiProblems(404, 422)
  async declareInterest(
    @UuidParam('eventId') eventId: string,
    @Body() body: DeclareInterestRequest,
    @CallContext() call: SendOptions,
    @Res({ passthrough: true }) response: Response,
  ): Promise<InterestReply> {
    const reply = await this.rpc.send(RegistrationsRequests.declareInterest, { ...body, eventId }, call);
    response.status(reply.created ? 201 : 200);
    return pickShape(interestReplySchema, reply.interest);
  }

  @Roles('staff')
  @Get('events/:eventId/participants')
  @ApiOperation({
    summary: 'Teilnehmendenliste (Geschäftsstelle)',
    description:
      'Erst die Bestätigten in der Reihenfolge ihrer Zusage, dann die Warteliste in ihrer Reihenfolge, dann die ' +
      'Stornierten; gefiltert nach Stand, Land, Sektor und Workshop (mit sessionId bezieht sich status auf den Workshop).',
  })
  @ApiReply(200, 'RegistrationPageResponse', registrationPageReplySchema)
  @ApiProblems(400, 404, 422)
  async participants(
    @UuidParam('eventId') eventId: string,
    @Query() query: ParticipantListQuery,
    @CallContext() call: SendOptions,
  ): Promise<Page<RegistrationReply>> {
    return pickShape(
      registrationPageReplySchema,
      await this.rpc.send(RegistrationsRequests.participants, { ...query, eventId }, call),
    );
  }

  @Roles('staff')
  @Get('events/:eventId/participants.csv')
  @ApiProduces(CSV_CONTENT_TYPE)
  @ApiOperation({
    summary: 'Teilnehmendenliste als CSV für Excel (Geschäftsstelle)',
    description:
      'Eine Zeile je Person (Delegationen je Person mit Funktion), mit denselben Filtern wie die Liste. UTF-8 mit BOM, ' +
      'Semikolon als Trennzeichen: öffnet sich in Excel mit Umlauten per Doppelklick.',
  })
  @ApiOkResponse({
    description: 'Die Liste',
    content: { [CSV_CONTENT_TYPE]: { schema: { type: 'string' } } },
  })
  @ApiProblems(400, 404, 422)
  async participantsCsv(
    @UuidParam('eventId') eventId: string,
    @Query() query: ParticipantFilterQuery,
    @CallContext() call: SendOptions,
  ): Promise<StreamableFile> {
    const { fileName, content } = await this.participantsExport.csv(eventId, query, call);
    return new StreamableFile(content, {
      type: CSV_CONTENT_TYPE,
      disposition: contentDisposition('attachment', fileName),
    });
  }

  @Roles('staff', 'member')
  @Get('events/:eventId/seats')
  @ApiOperation({
    summary: 'Freie Plätze einer Veranstaltung und ihrer Workshops',
    description:
      'Für die Anmeldung: wie viele Plätze (beim Kommunalzirkel: Kommunen) noch frei sind, wie viele warten und je ' +
      'Workshop des Deutschlandforums dasselbe. Ohne Namen. Ist nichts mehr frei, kommt eine neue Anmeldung auf ' +
      'die Warteliste.',
  })
  @ApiReply(200, 'EventSeatsResponse', eventSeatsReplySchema)
  @ApiProblems(400, 404)
  async seats(
    @UuidParam('eventId') eventId: string,
    @CallContext() call: SendOptions,
  ): Promise<EventSeatsReply> {
    return pickShape(
      eventSeatsReplySchema,
      await this.rpc.send(RegistrationsRequests.seats, { eventId }, call),
    );
  }

  @Roles('staff')
  @Get('events/:eventId/registration-stats')
  @ApiOperation({
    summary: 'Zahlen einer Veranstaltung (Geschäftsstelle)',
    description:
      'Bestätigte, Warteliste, Stornierte, Personen, Interessierte (Mitglieder und verschiedene Kommunen), ' +
      'beim Einlass Vermerkte, je Workshop die Plätze; nach der Veranstaltung die No-Shows.',
  })
  @ApiReply(200, 'RegistrationStatsResponse', registrationStatsReplySchema)
  @ApiProblems(400, 404)
  async stats(
    @UuidParam('eventId') eventId: string,
    @CallContext() call: SendOptions,
  ): Promise<RegistrationStatsReply> {
    return pickShape(
      registrationStatsReplySchema,
      await this.rpc.send(RegistrationsRequests.stats, { eventId }, call),
    );
  }

  @Roles('staff', 'member')
  @Get('registrations/:registrationId')
  @ApiOperation({
    summary: 'Eine Anmeldung',
    description:
      'Die eigene (auch die der eigenen Kommune); die Geschäftsstelle jede. Mit dem aktuellen Platz auf der Warteliste.',
  })
  @ApiReply(200, 'RegistrationResponse', registrationReplySchema)
  @ApiProblems(400, 404)
  async get(
    @UuidParam('registrationId') registrationId: string,
    @CallContext() call: SendOptions,
  ): Promise<RegistrationReply> {
    return pickShape(
      registrationReplySchema,
      await this.rpc.send(RegistrationsRequests.get, { registrationId }, call),
    );
  }

  @Roles('staff', 'member')
  @Delete('registrations/:registrationId')
  @ApiOperation({
    summary: 'Eine Anmeldung stornieren',
    description:
      'Selbst bis zum Anmeldeschluss, die Geschäftsstelle jederzeit vor der Veranstaltung. Der Platz geht sofort an ' +
      `den Ersten der Warteliste. Eine stornierte Anmeldung noch einmal stornieren ändert nichts. ${REFUSALS}`,
  })
  @ApiReply(200, 'RegistrationResponse', registrationReplySchema, { description: 'Die stornierte Anmeldung' })
  @ApiIdempotencyKey()
  @ApiProblems(404, 409, 422)
  async cancel(
    @UuidParam('registrationId') registrationId: string,
    @CallContext() call: SendOptions,
  ): Promise<RegistrationReply> {
    return pickShape(
      registrationReplySchema,
      await this.rpc.send(
        RegistrationsRequests.cancel,
        { registrationId },
        { ...call, timeoutMs: this.seatTimeoutMs },
      ),
    );
  }

  @Roles('staff', 'member')
  @Put('registrations/:registrationId/delegation')
  @ApiOperation({
    summary: 'Die Delegation einer Kommune ändern',
    description:
      'Die ganze Delegation danach: Personen mit personId bleiben (ihre Angaben dürfen sich ändern), neue kommen ' +
      `hinzu, weggelassene gehen. Selbst bis zum Anmeldeschluss, die Geschäftsstelle jederzeit. ${REFUSALS}`,
  })
  @ApiReply(200, 'RegistrationResponse', registrationReplySchema)
  @ApiIdempotencyKey()
  @ApiProblems(404, 409, 422)
  async changeDelegation(
    @UuidParam('registrationId') registrationId: string,
    @Body() body: ChangeDelegationRequest,
    @CallContext() call: SendOptions,
  ): Promise<RegistrationReply> {
    return pickShape(
      registrationReplySchema,
      await this.rpc.send(RegistrationsRequests.changeDelegation, { ...body, registrationId }, call),
    );
  }

  @Roles('staff')
  @Post('registrations/:registrationId/attendance')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Anwesenheit beim Einlass vermerken (Geschäftsstelle)',
    description:
      'Eine Anfrage je Person (bei einer Delegation mit personId); derselbe Vermerk noch einmal ändert nichts. ' +
      '`attended: false` nimmt einen Vermerk zurück.',
  })
  @ApiReply(200, 'RegistrationResponse', registrationReplySchema)
  @ApiIdempotencyKey()
  @ApiProblems(404, 409, 422)
  async recordAttendance(
    @UuidParam('registrationId') registrationId: string,
    @Body() body: RecordAttendanceRequest,
    @CallContext() call: SendOptions,
  ): Promise<RegistrationReply> {
    return pickShape(
      registrationReplySchema,
      await this.rpc.send(RegistrationsRequests.recordAttendance, { ...body, registrationId }, call),
    );
  }
}
