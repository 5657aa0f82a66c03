import {
  ClubEventChange,
  EventAnnouncedEvent,
  EventCancelled,
  EventCancelledEvent,
  EventDocumentAddedEvent,
  EventDocumentRemovedEvent,
  EventDraftedEvent,
  EventHeldEvent,
  EventUpdated,
  EventUpdatedEvent,
  RegistrationClosedEvent,
  RegistrationOpenedEvent,
} from '@ic/contracts';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { TellInterestHoldersUseCase } from '../interest/tell-interest-holders/tell-interest-holders.usecase';
import { ApplyEventChangeUseCase } from '../registrations/apply-event-change/apply-event-change.usecase';
import { KnownEventsRepository } from './known-events.repository';

/**
 * Keeps the replica of events (ic.events.v1; each event carries the whole event, the highest
 * revision wins) and applies what a change means for registrations. The effects run also when the
 * replica had the revision already: a delivery cut off by a crash after the replica write comes
 * again, and each effect is idempotent.
 */
@Controller()
export class ClubEventsController {
  constructor(
    private readonly events: KnownEventsRepository,
    private readonly apply: ApplyEventChangeUseCase,
    private readonly tellInterestHolders: TellInterestHoldersUseCase,
  ) {}

  @EventPattern([
    EventDraftedEvent.type,
    EventAnnouncedEvent.type,
    RegistrationClosedEvent.type,
    EventHeldEvent.type,
    EventDocumentAddedEvent.type,
    EventDocumentRemovedEvent.type,
  ])
  async eventChanged(@Payload() data: ClubEventChange): Promise<void> {
    await this.events.record(data.event);
  }

  @EventPattern(EventUpdatedEvent.type)
  async eventUpdated(@Payload() data: EventUpdated): Promise<void> {
    await this.events.record(data.event);
    await this.apply.eventUpdated(data, data.changed);
  }

  @EventPattern(RegistrationOpenedEvent.type)
  async registrationOpened(@Payload() data: ClubEventChange): Promise<void> {
    await this.events.record(data.event);
    await this.apply.followSeats(data.eventId);
    await this.tellInterestHolders.tellAll(data.eventId);
  }

  @EventPattern(EventCancelledEvent.type)
  async eventCancelled(@Payload() data: EventCancelled): Promise<void> {
    await this.events.record(data.event);
    await this.apply.eventCancelled(data.eventId);
  }
}
