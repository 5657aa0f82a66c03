import { InterestRegistrationOpened } from '@ic/contracts';
import { Clock } from '@ic/platform';
import { Injectable, Logger } from '@nestjs/common';
import { openedEarly } from '../../club-events/announcement.rules';
import { RecordEventUseCase } from '../../club-events/record-event/record-event.usecase';
import {
  DeliverMailUseCase,
  DeliveryAttempt,
  DeliveryOutcome,
} from '../../deliveries/deliver-mail/deliver-mail.usecase';
import { interestDeliveryIdOf, registrationOpenedDeliveryIdOf } from '../../deliveries/delivery-id';
import { MailSettings } from '../../mail/mail-settings';
import {
  registrationOpenedSubject,
  renderRegistrationOpenedMail,
} from '../../mail/templates/registration-opened.template';
import { interestSlotOf, memberIdOf, RegistrationRecipients } from '../registration-recipients';

export interface TellInterestHolderCommand {
  /** ce_id of InterestRegistrationOpened. */
  readonly causedBy: string;
  readonly correlationId?: string;
  readonly opened: InterestRegistrationOpened;
}

/**
 * Registration opened for an event in which a member or a municipality declared interest: they are
 * told (the registrations service publishes these as registration opens). Transactional: the
 * person asked to be told, so the announcement opt-out does not apply. A municipality's mail goes
 * to the contact person the office named (once per declared interest), else to the member who
 * declared the interest, with the way to the event page: once per member and event, the same
 * delivery as the announced audience's (AnnounceRegistrationOpeningUseCase), so a member who is
 * both gets one mail. Nothing goes out once registration is known to be closed or cancelled again.
 */
@Injectable()
export class TellInterestHolderUseCase {
  private readonly logger = new Logger(TellInterestHolderUseCase.name);

  constructor(
    private readonly events: RecordEventUseCase,
    private readonly recipients: RegistrationRecipients,
    private readonly deliver: DeliverMailUseCase,
    private readonly settings: MailSettings,
    private readonly clock: Clock,
  ) {}

  async execute(
    command: TellInterestHolderCommand,
    attempt: DeliveryAttempt,
  ): Promise<DeliveryOutcome | 'nobody'> {
    const { opened } = command;
    const slot = interestSlotOf(opened.holder);
    const event = await this.events.newest(opened.event);
    if (!slot || event.status !== 'registration-open') {
      this.logger.warn(
        `Interest ${opened.interestId} in ${event.eventId}: ${slot ? `registration is ${event.status} by now` : 'nobody to write to'}; no mail`,
      );
      return 'nobody';
    }
    const memberId = memberIdOf(slot);
    const { holder } = opened;
    return this.deliver.execute(
      {
        kind: 'registration-opened',
        eventId: event.eventId,
        ...(memberId ? { memberId } : {}),
        causedBy: command.causedBy,
        deliveryId: memberId
          ? registrationOpenedDeliveryIdOf(event.eventId, memberId)
          : interestDeliveryIdOf(opened.interestId),
        ...(command.correlationId ? { correlationId: command.correlationId } : {}),
        subject: registrationOpenedSubject({ event }),
        compose: async () => {
          const recipient = await this.recipients.resolve(slot);
          const content = renderRegistrationOpenedMail({
            reason: 'interest',
            addressee: recipient.addressee,
            event,
            early: openedEarly(event, this.clock.now()),
            ...(holder.kind === 'municipality' ? { municipality: { name: holder.municipality?.name } } : {}),
            ...(memberId ? { eventPage: this.settings.eventPage(event.eventId) } : {}),
            office: this.settings.office,
          });
          return { to: recipient.to, html: content.html, text: content.text };
        },
      },
      attempt,
    );
  }
}
