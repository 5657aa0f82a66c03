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
import { AnnounceRegistrationOpeningUseCase } from './announce-registration-opening/announce-registration-opening.usecase';
import { RecordEventUseCase } from './record-event/record-event.usecase';

/**
 * The events-service events this service acts on (on ic.events.v1); each carries the whole event.
 * Every one keeps the events replica (for the registration mails and reminders); EventAnnounced
 * also sends the announcement, RegistrationOpened (early by the office or at the window's date)
 * the "Anmeldung geöffnet" mail to the announced audience.
 */
@Controller()
export class ClubEventsController {
  constructor(
    private readonly announce: AnnounceEventUseCase,
    private readonly announceOpening: AnnounceRegistrationOpeningUseCase,
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

  @EventPattern(RegistrationOpenedEvent.type)
  async registrationOpened(
    @Payload() data: ClubEventChange,
    @Ctx() context: KafkaEventContext,
  ): Promise<void> {
    const { event } = context.delivery;
    await this.record.execute(data.event);
    await this.announceOpening.execute(
      {
        causedBy: event.id,
        ...(event.correlationId ? { correlationId: event.correlationId } : {}),
        change: data,
      },
      deliveryAttemptOf(context),
    );
  }

  @EventPattern([
    EventDraftedEvent.type,
    EventUpdatedEvent.type,
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
