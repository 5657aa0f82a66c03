import { ClubEventChange, EventAnnouncedEvent } from '@ic/contracts';
import { KafkaEventContext } from '@ic/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { deliveryAttemptOf } from '../deliveries/deliver-mail/deliver-mail.usecase';
import { AnnounceEventUseCase } from './announce-event/announce-event.usecase';

/** The events-service events this service acts on (on ic.events.v1); each carries the whole event. */
@Controller()
export class ClubEventsController {
  constructor(private readonly announce: AnnounceEventUseCase) {}

  @EventPattern(EventAnnouncedEvent.type)
  async eventAnnounced(@Payload() data: ClubEventChange, @Ctx() context: KafkaEventContext): Promise<void> {
    const { event } = context.delivery;
    await this.announce.execute(
      {
        causedBy: event.id,
        ...(event.correlationId ? { correlationId: event.correlationId } : {}),
        event: data.event,
      },
      deliveryAttemptOf(context),
    );
  }
}
