import {
  DelegationChanged,
  DelegationChangedEvent,
  InterestDeclared,
  InterestDeclaredEvent,
  InterestRegistrationOpened,
  InterestRegistrationOpenedEvent,
  RegisteredEventChanged,
  RegisteredEventChangedEvent,
  RegistrationCancelled,
  RegistrationCancelledEvent,
  RegistrationChange,
  RegistrationConfirmedEvent,
  RegistrationPromoted,
  RegistrationPromotedEvent,
  RegistrationSessionsChanged,
  RegistrationSessionsChangedEvent,
  RegistrationWaitlistedEvent,
} from '@ic/contracts';
import { KafkaEventContext } from '@ic/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { deliveryAttemptOf } from '../deliveries/deliver-mail/deliver-mail.usecase';
import {
  RegistrationFact,
  SendRegistrationMailsUseCase,
} from './send-registration-mails/send-registration-mails.usecase';
import { TellEventChangeUseCase } from './tell-event-change/tell-event-change.usecase';
import { KnownInterestsRepository } from '../replicas/known-interests.repository';
import { interestSlotOf, memberIdOf } from './registration-recipients';
import { TellInterestHolderUseCase } from './tell-interest-holder/tell-interest-holder.usecase';

/**
 * The registrations-service events that cause mails (on ic.registrations.v1, keyed by club event
 * id, so one event's seat changes arrive in order). Each carries the registration and the event;
 * InterestDeclared only keeps who is to be told as an interest holder.
 */
@Controller()
export class RegistrationEventsController {
  constructor(
    private readonly registrationMails: SendRegistrationMailsUseCase,
    private readonly eventChanges: TellEventChangeUseCase,
    private readonly interestHolders: TellInterestHolderUseCase,
    private readonly interests: KnownInterestsRepository,
  ) {}

  @EventPattern(RegistrationConfirmedEvent.type)
  async registrationConfirmed(
    @Payload() data: RegistrationChange,
    @Ctx() context: KafkaEventContext,
  ): Promise<void> {
    await this.send(data, { fact: 'confirmed' }, context);
  }

  @EventPattern(RegistrationWaitlistedEvent.type)
  async registrationWaitlisted(
    @Payload() data: RegistrationChange,
    @Ctx() context: KafkaEventContext,
  ): Promise<void> {
    await this.send(data, { fact: 'waitlisted' }, context);
  }

  @EventPattern(RegistrationPromotedEvent.type)
  async registrationPromoted(
    @Payload() data: RegistrationPromoted,
    @Ctx() context: KafkaEventContext,
  ): Promise<void> {
    await this.send(data, { fact: 'promoted', cause: data.cause }, context);
  }

  @EventPattern(RegistrationCancelledEvent.type)
  async registrationCancelled(
    @Payload() data: RegistrationCancelled,
    @Ctx() context: KafkaEventContext,
  ): Promise<void> {
    await this.send(
      data,
      { fact: 'cancelled', cause: data.cause, previousStatus: data.previousStatus },
      context,
    );
  }

  @EventPattern(RegistrationSessionsChangedEvent.type)
  async sessionsChanged(
    @Payload() data: RegistrationSessionsChanged,
    @Ctx() context: KafkaEventContext,
  ): Promise<void> {
    await this.send(data, { fact: 'sessions-changed', cause: data.cause, changes: data.changes }, context);
  }

  @EventPattern(DelegationChangedEvent.type)
  async delegationChanged(
    @Payload() data: DelegationChanged,
    @Ctx() context: KafkaEventContext,
  ): Promise<void> {
    await this.send(
      data,
      { fact: 'delegation-changed', added: data.added, changed: data.changed, removed: data.removed },
      context,
    );
  }

  @EventPattern(RegisteredEventChangedEvent.type)
  async registeredEventChanged(
    @Payload() data: RegisteredEventChanged,
    @Ctx() context: KafkaEventContext,
  ): Promise<void> {
    const { event } = context.delivery;
    await this.eventChanges.execute(
      {
        causedBy: event.id,
        ...(event.correlationId ? { correlationId: event.correlationId } : {}),
        change: data,
      },
      deliveryAttemptOf(context),
    );
  }

  /** Keeps which members are to be told as interest holders when registration opens. */
  @EventPattern(InterestDeclaredEvent.type)
  async interestDeclared(@Payload() data: InterestDeclared): Promise<void> {
    const slot = interestSlotOf(data.holder);
    const memberId = slot && memberIdOf(slot);
    if (!memberId) return;
    await this.interests.record({
      eventId: data.eventId,
      memberId,
      interestId: data.interestId,
      declaredAt: new Date(data.declaredAt),
    });
  }

  @EventPattern(InterestRegistrationOpenedEvent.type)
  async interestRegistrationOpened(
    @Payload() data: InterestRegistrationOpened,
    @Ctx() context: KafkaEventContext,
  ): Promise<void> {
    const { event } = context.delivery;
    await this.interestHolders.execute(
      {
        causedBy: event.id,
        ...(event.correlationId ? { correlationId: event.correlationId } : {}),
        opened: data,
      },
      deliveryAttemptOf(context),
    );
  }

  private async send(
    change: RegistrationChange,
    what: RegistrationFact,
    context: KafkaEventContext,
  ): Promise<void> {
    const { event } = context.delivery;
    await this.registrationMails.execute(
      {
        causedBy: event.id,
        ...(event.correlationId ? { correlationId: event.correlationId } : {}),
        change,
        what,
      },
      deliveryAttemptOf(context),
    );
  }
}
