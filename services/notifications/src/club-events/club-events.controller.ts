import {
  ClubEventChange,
  EventAnnouncedEvent,
  EventCancelledEvent,
  EventDocumentAddedEvent,
  EventDocumentRemovedEvent,
  EventDraftedEvent,
  EventHeldEvent,
  EventUpdatedEvent,
  RegistrationClosedEvent,
  RegistrationOpenedEvent,
} from '@ic/contracts';
import { KafkaEventContext } from '@ic/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { deliveryAttemptOf } from '../deliveries/deliver-mail/deliver-mail.usecase';
import { AnnounceEventUseCase } from './announce-event/announce-event.usecase';
import { RecordEventUseCase } from './record-event/record-event.usecase';

/**
 * The events-service events this service acts on (on ic.events.v1); each carries the whole event.
 * Every one keeps the events replica (for the registration mails and reminders); EventAnnounced
 * also sends the announcement.
 */
@Controller()
export class ClubEventsController {
  constructor(
    private readonly announce: AnnounceEventUseCase,
    private readonly record: RecordEventUseCase,
  ) {}

  @EventPattern(EventAnnouncedEvent.type)
  async eventAnnounced(@Payload() data: ClubEventChange, @Ctx() context: KafkaEventContext): Promise<void> {
    const { event } = context.delivery;
    await this.record.execute(data.event);
    await this.announce.execute(
      {
        causedBy: event.id,
        ...(event.correlationId ? { correlationId: event.correlationId } : {}),
        event: data.event,
      },
      deliveryAttemptOf(context),
    );
  }

  @EventPattern([
    EventDraftedEvent.type,
    EventUpdatedEvent.type,
    RegistrationOpenedEvent.type,
    RegistrationClosedEvent.type,
    EventHeldEvent.type,
    EventCancelledEvent.type,
    EventDocumentAddedEvent.type,
    EventDocumentRemovedEvent.type,
  ])
  async eventChanged(@Payload() data: ClubEventChange): Promise<void> {
    await this.record.execute(data.event);
  }
}
