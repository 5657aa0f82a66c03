import {
  DEAD_LETTER_ID,
  DEAD_LETTER_ID_EXAMPLE,
  DeadLetterListQuery,
  DeadLetterNote,
  DeadLetterRequests,
  RedeliverAllRequest,
} from '@ic/contracts';
import { RpcClient, SendOptions } from '@ic/messaging/client';
import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { ApiIdempotencyKey, ApiProblems, ApiUpstreamProblems } from '../http/api-docs';
import { CallContext } from '../http/call-context';
import { PatternParam } from '../http/path-params';
import {
  DeadLetterDetailResponse,
  DeadLetterFiguresResponse,
  DeadLetterPageResponse,
  DeadLetterResponse,
  RedeliverAllResponse,
  toDeadLetterDetailResponse,
  toDeadLetterFiguresResponse,
  toDeadLetterPageResponse,
  toDeadLetterResponse,
  toRedeliverAllResponse,
} from './dead-letter.responses';

const DeadLetterIdParam = () =>
  PatternParam(
    'deadLetterId',
    DEAD_LETTER_ID,
    'deadLetterId ist keine gültige Kennung einer Nachricht.',
    DEAD_LETTER_ID_EXAMPLE,
  );

/** The dead letters of the domain topics, for the console's "Betrieb" page (npm run dlt does the same over Kafka). */
@ApiTags('Betrieb')
@ApiUpstreamProblems()
@Roles('operations')
@Controller('dead-letters')
export class DeadLettersController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({
    summary: 'Nicht zugestellte Nachrichten',
    description:
      'Jede Nachricht, die eine Consumer-Gruppe nach allen Versuchen aufgegeben hat, mit Grund, Fehler, ' +
      'Herkunft und Stand (offen, erneut zugestellt, verworfen), die neuesten zuerst.',
  })
  @ApiOkResponse({ type: DeadLetterPageResponse })
  @ApiProblems(400, 422)
  async list(
    @Query() query: DeadLetterListQuery,
    @CallContext() call: SendOptions,
  ): Promise<DeadLetterPageResponse> {
    return toDeadLetterPageResponse(await this.rpc.send(DeadLetterRequests.list, query, call));
  }

  @Get('figures')
  @ApiOperation({ summary: 'Offene nicht zugestellte Nachrichten je Topic' })
  @ApiOkResponse({ type: DeadLetterFiguresResponse })
  async figures(@CallContext() call: SendOptions): Promise<DeadLetterFiguresResponse> {
    return toDeadLetterFiguresResponse(await this.rpc.send(DeadLetterRequests.figures, {}, call));
  }

  @Post('redeliver-all')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Alle offenen Nachrichten erneut zustellen',
    description:
      'Stellt jede offene Nachricht (eines Topics) einmal erneut zu, in der Reihenfolge, in der sie scheiterten; ' +
      'nur an die Consumer-Gruppe, die sie aufgegeben hatte.',
  })
  @ApiOkResponse({ type: RedeliverAllResponse })
  @ApiIdempotencyKey()
  @ApiProblems(400)
  async redeliverAll(
    @Body() body: RedeliverAllRequest,
    @CallContext() call: SendOptions,
  ): Promise<RedeliverAllResponse> {
    return toRedeliverAllResponse(await this.rpc.send(DeadLetterRequests.redeliverAll, body, call));
  }

  @Get(':deadLetterId')
  @ApiOperation({ summary: 'Eine nicht zugestellte Nachricht mit Kopfzeilen und Inhalt' })
  @ApiOkResponse({ type: DeadLetterDetailResponse })
  @ApiProblems(400, 404)
  async show(
    @DeadLetterIdParam() deadLetterId: string,
    @CallContext() call: SendOptions,
  ): Promise<DeadLetterDetailResponse> {
    return toDeadLetterDetailResponse(await this.rpc.send(DeadLetterRequests.show, { deadLetterId }, call));
  }

  @Post(':deadLetterId/redeliver')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Eine Nachricht erneut zustellen',
    description:
      'Schickt die Nachricht, wie sie kam, in ihr Topic zurück, nur an die Consumer-Gruppe, die sie aufgegeben ' +
      'hatte; genau einmal: eine zweite Anfrage (ein zweiter Klick, ein zweiter Mensch) erhält 409. Eine nicht ' +
      'lesbare oder vertragswidrige Nachricht geht nicht zurück (422): sie scheiterte genauso; sie wird verworfen.',
  })
  @ApiOkResponse({ type: DeadLetterResponse })
  @ApiIdempotencyKey()
  @ApiProblems(400, 404, 409, 422)
  async redeliver(
    @DeadLetterIdParam() deadLetterId: string,
    @CallContext() call: SendOptions,
  ): Promise<DeadLetterResponse> {
    return toDeadLetterResponse(await this.rpc.send(DeadLetterRequests.redeliver, { deadLetterId }, call));
  }

  @Post(':deadLetterId/discard')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Eine Nachricht verwerfen',
    description: 'Schließt eine offene Nachricht ohne erneute Zustellung, mit einem Vermerk, warum.',
  })
  @ApiOkResponse({ type: DeadLetterResponse })
  @ApiIdempotencyKey()
  @ApiProblems(400, 404, 409)
  async discard(
    @DeadLetterIdParam() deadLetterId: string,
    @Body() body: DeadLetterNote,
    @CallContext() call: SendOptions,
  ): Promise<DeadLetterResponse> {
    return toDeadLetterResponse(
      await this.rpc.send(DeadLetterRequests.discard, { deadLetterId, note: body.note }, call),
    );
  }
}
