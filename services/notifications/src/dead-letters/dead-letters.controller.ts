import {
  DeadLetterDetailReply,
  DeadLetterFiguresReply,
  DeadLetterIdRequest,
  DeadLetterListQuery,
  DeadLetterReply,
  DeadLetterRequests,
  DiscardDeadLetterRequest,
  Page,
  RedeliverAllReply,
  RedeliverAllRequest,
} from '@ic/contracts';
import { KafkaRequestContext } from '@ic/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import { DeadLetterQueries } from './dead-letters.queries';
import { DiscardDeadLetterUseCase } from './discard-dead-letter/discard-dead-letter.usecase';
import { RedeliverDeadLetterUseCase } from './redeliver-dead-letter/redeliver-dead-letter.usecase';

/** Dead letters, asked for by the gateway (the console's "Betrieb" page) and by `npm run dlt`. */
@Controller()
export class DeadLettersController {
  constructor(
    private readonly queries: DeadLetterQueries,
    private readonly redeliverDeadLetter: RedeliverDeadLetterUseCase,
    private readonly discardDeadLetter: DiscardDeadLetterUseCase,
  ) {}

  @MessagePattern(DeadLetterRequests.list.name)
  list(
    @Payload() query: DeadLetterListQuery,
    @Ctx() context: KafkaRequestContext,
  ): Promise<Page<DeadLetterReply>> {
    return this.queries.list(query, context.identity);
  }

  @MessagePattern(DeadLetterRequests.show.name)
  show(
    @Payload() request: DeadLetterIdRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<DeadLetterDetailReply> {
    return this.queries.show(request, context.identity);
  }

  @MessagePattern(DeadLetterRequests.figures.name)
  figures(@Ctx() context: KafkaRequestContext): Promise<DeadLetterFiguresReply> {
    return this.queries.figures(context.identity);
  }

  @MessagePattern(DeadLetterRequests.redeliver.name)
  redeliver(
    @Payload() request: DeadLetterIdRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<DeadLetterReply> {
    return this.redeliverDeadLetter.execute(request, context.identity);
  }

  @MessagePattern(DeadLetterRequests.redeliverAll.name)
  redeliverAll(
    @Payload() request: RedeliverAllRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<RedeliverAllReply> {
    return this.redeliverDeadLetter.executeAll(request, context.identity);
  }

  @MessagePattern(DeadLetterRequests.discard.name)
  discard(
    @Payload() request: DiscardDeadLetterRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<DeadLetterReply> {
    return this.discardDeadLetter.execute(request, context.identity);
  }
}
