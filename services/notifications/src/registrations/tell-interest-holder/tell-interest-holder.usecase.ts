import { InterestHolder, InterestRegistrationOpened } from '@ic/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { RecordEventUseCase } from '../../club-events/record-event/record-event.usecase';
import {
  DeliverMailUseCase,
  DeliveryAttempt,
  DeliveryOutcome,
} from '../../deliveries/deliver-mail/deliver-mail.usecase';
import { interestDeliveryIdOf } from '../../deliveries/delivery-id';
import { MailSettings } from '../../mail/mail-settings';
import {
  registrationOpenedSubject,
  renderRegistrationOpenedMail,
} from '../../mail/templates/registration-opened.template';
import { memberIdOf, RecipientSlot, RegistrationRecipients } from '../registration-recipients';

export interface TellInterestHolderCommand {
  /** ce_id of InterestRegistrationOpened. */
  readonly causedBy: string;
  readonly correlationId?: string;
  readonly opened: InterestRegistrationOpened;
}

/**
 * Registration opened for an event in which a member or a municipality declared interest: they are
 * told (first: the registrations service publishes these as registration opens). One delivery per
 * declared interest, ever. Transactional: the person asked to be told, so the announcement opt-out
 * does not apply. A municipality's mail goes to the contact person the office named, else to the
 * member who declared the interest.
 */
@Injectable()
export class TellInterestHolderUseCase {
  private readonly logger = new Logger(TellInterestHolderUseCase.name);

  constructor(
    private readonly events: RecordEventUseCase,
    private readonly recipients: RegistrationRecipients,
    private readonly deliver: DeliverMailUseCase,
    private readonly settings: MailSettings,
  ) {}

  async execute(
    command: TellInterestHolderCommand,
    attempt: DeliveryAttempt,
  ): Promise<DeliveryOutcome | 'nobody'> {
    const { opened } = command;
    const slot = slotOf(opened.holder);
    const event = await this.events.newest(opened.event);
    if (!slot || event.status === 'cancelled') {
      this.logger.warn(
        `Interest ${opened.interestId} in ${event.eventId}: ${slot ? 'the event is cancelled' : 'nobody to write to'}; no mail`,
      );
      return 'nobody';
    }
    const memberId = memberIdOf(slot);
    const { holder } = opened;
    return this.deliver.execute(
      {
        kind: 'registration-opened',
        ...(memberId ? { memberId } : {}),
        causedBy: command.causedBy,
        deliveryId: interestDeliveryIdOf(opened.interestId),
        ...(command.correlationId ? { correlationId: command.correlationId } : {}),
        subject: registrationOpenedSubject({ event }),
        compose: async () => {
          const recipient = await this.recipients.resolve(slot);
          const content = renderRegistrationOpenedMail({
            addressee: recipient.addressee,
            event,
            ...(holder.kind === 'municipality' ? { municipality: { name: holder.municipality?.name } } : {}),
            office: this.settings.office,
          });
          return { to: recipient.to, html: content.html, text: content.text };
        },
      },
      attempt,
    );
  }
}

function slotOf(holder: InterestHolder): RecipientSlot | undefined {
  if (holder.kind === 'municipality' && holder.contact) return { kind: 'person', contact: holder.contact };
  return holder.memberId ? { kind: 'member', memberId: holder.memberId } : undefined;
}
