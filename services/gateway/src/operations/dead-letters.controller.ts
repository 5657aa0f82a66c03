import {
  DEAD_LETTER_ID,
  DEAD_LETTER_ID_EXAMPLE,
  deadLetterDecisionReplySchema,
  DeadLetterDetailReply,
  deadLetterDetailReplySchema,
  DeadLetterFiguresReply,
  deadLetterFiguresReplySchema,
  DeadLetterListQuery,
  DeadLetterNote,
  deadLetterPageReplySchema,
  DeadLetterReply,
  deadLetterReplySchema,
  DeadLetterRequests,
  openDeadLettersOfTopicSchema,
  Page,
  pickShape,
  RedeliverAllReply,
  redeliverAllReplySchema,
  RedeliverAllRequest,
} from '@ic/contracts';
import { RpcClient, SendOptions } from '@ic/messaging/client';
import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { ApiReply, ApiSchemaParts } from '../http/api-replies';
import { ApiIdempotencyKey, ApiProblems, ApiUpstreamProblems } from '../http/api-docs';
import { CallContext } from '../http/call-context';
import { PatternParam } from '../http/path-params';

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
@ApiSchemaParts({
  DeadLetterDecisionResponse: deadLetterDecisionReplySchema,
  OpenDeadLettersOfTopicResponse: openDeadLettersOfTopicSchema,
})
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
  @ApiReply(200, 'DeadLetterPageResponse', deadLetterPageReplySchema)
  @ApiProblems(400, 422)
  async list(
    @Query() query: DeadLetterListQuery,
    @CallContext() call: SendOptions,
  ): Promise<Page<DeadLetterReply>> {
    return pickShape(deadLetterPageReplySchema, await this.rpc.send(DeadLetterRequests.list, query, call));
  }

  @Get('figures')
  @ApiOperation({ summary: 'Offene nicht zugestellte Nachrichten je Topic' })
  @ApiReply(200, 'DeadLetterFiguresResponse', deadLetterFiguresReplySchema)
  async figures(@CallContext() call: SendOptions): Promise<DeadLetterFiguresReply> {
    return pickShape(deadLetterFiguresReplySchema, await this.rpc.send(DeadLetterRequests.figures, {}, call));
  }

  @Post('redeliver-all')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Alle offenen Nachrichten erneut zustellen',
    description:
      'Stellt jede offene Nachricht (eines Topics) einmal erneut zu, in der Reihenfolge, in der sie scheiterten; ' +
      'nur an die Consumer-Gruppe, die sie aufgegeben hatte.',
  })
  @ApiReply(200, 'RedeliverAllResponse', redeliverAllReplySchema)
  @ApiIdempotencyKey()
  @ApiProblems(400)
  async redeliverAll(
    @Body() body: RedeliverAllRequest,
    @CallContext() call: SendOptions,
  ): Promise<RedeliverAllReply> {
    return pickShape(
      redeliverAllReplySchema,
      await this.rpc.send(DeadLetterRequests.redeliverAll, body, call),
    );
  }

  @Get(':deadLetterId')
  @ApiOperation({ summary: 'Eine nicht zugestellte Nachricht mit Kopfzeilen und Inhalt' })
  @ApiReply(200, 'DeadLetterDetailResponse', deadLetterDetailReplySchema)
  @ApiProblems(400, 404)
  async show(
    @DeadLetterIdParam() deadLetterId: string,
    @CallContext() call: SendOptions,
  ): Promise<DeadLetterDetailReply> {
    return pickShape(
      deadLetterDetailReplySchema,
      await this.rpc.send(DeadLetterRequests.show, { deadLetterId }, call),
    );
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
  @ApiReply(200, 'DeadLetterResponse', deadLetterReplySchema)
  @ApiIdempotencyKey()
  @ApiProblems(400, 404, 409, 422)
  async redeliver(
    @DeadLetterIdParam() deadLetterId: string,
    @CallContext() call: SendOptions,
  ): Promise<DeadLetterReply> {
    return pickShape(
      deadLetterReplySchema,
      await this.rpc.send(DeadLetterRequests.redeliver, { deadLetterId }, call),
    );
  }

  @Post(':deadLetterId/discard')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Eine Nachricht verwerfen',
    description: 'Schließt eine offene Nachricht ohne erneute Zustellung, mit einem Vermerk, warum.',
  })
  @ApiReply(200, 'DeadLetterResponse', deadLetterReplySchema)
  @ApiIdempotencyKey()
  @ApiProblems(400, 404, 409)
  async discard(
    @DeadLetterIdParam() deadLetterId: string,
    @Body() body: DeadLetterNote,
    @CallContext() call: SendOptions,
  ): Promise<DeadLetterReply> {
    return pickShape(
      deadLetterReplySchema,
      await this.rpc.send(DeadLetterRequests.discard, { deadLetterId, note: body.note }, call),
    );
  }
}
