import { EventAudienceReply, EventAudienceRequest, EventAudienceRequests } from '@ic/contracts';
import { KafkaRequestContext } from '@ic/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import { CountAudienceUseCase } from './count-audience/count-audience.usecase';

/** Whom an event's announcement and its opening would reach, asked for by the gateway for the office. */
@Controller()
export class EventAudienceController {
  constructor(private readonly countAudience: CountAudienceUseCase) {}

  @MessagePattern(EventAudienceRequests.eventAudience.name)
  audience(
    @Payload() request: EventAudienceRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<EventAudienceReply> {
    return this.countAudience.execute(request, context.identity);
  }
}
