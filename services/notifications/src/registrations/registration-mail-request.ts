import { ClubEventSnapshot, RegistrationSnapshot } from '@ic/contracts';
import { Clock } from '@ic/platform';
import { composedMail, DeliveryRequest } from '../deliveries/deliver-mail/deliver-mail.usecase';
import { RegistrationMailKind, registrationDeliveryIdOf } from '../deliveries/delivery-id';
import { MailSettings } from '../mail/mail-settings';
import { MailAttachment } from '../mail/mailer';
import { MailContent } from '../mail/templates/mail-layout';
import { RegistrationMailBase } from '../mail/templates/registration-mail-parts';
import {
  memberIdOf,
  personIdOf,
  Recipient,
  RecipientSlot,
  RegistrationRecipients,
} from './registration-recipients';

/** One mail about a registration to one of its people: which delivery it is, and how it is written. */
export interface RegistrationMailOrder {
  readonly kind: RegistrationMailKind;
  readonly slot: RecipientSlot;
  readonly event: ClubEventSnapshot;
  readonly registration: RegistrationSnapshot;
  /**
   * What tells this mail from the registration's other mails of its kind, in the delivery id: the
   * registration's revision, the event's, the reminder's day (see registrationDeliveryIdOf).
   */
  readonly occasion: number | string;
  readonly causedBy: string;
  readonly correlationId?: string;
  readonly subject: string;
  /** The calendar files for the recipient, for a mail that has any. */
  readonly calendarFiles?: (recipient: Recipient) => readonly MailAttachment[] | undefined;
  readonly render: (base: RegistrationMailBase) => MailContent;
}

/** What writing a registration mail takes besides the order. */
export interface RegistrationMailWriting {
  readonly recipients: RegistrationRecipients;
  readonly settings: MailSettings;
  readonly clock: Clock;
}

/**
 * The delivery of one registration mail: one per registration, occasion and person. Its mail is
 * written when it is sent, to the recipient as then found, with the event page for a member's own
 * registration.
 */
export function registrationMailRequest(
  order: RegistrationMailOrder,
  { recipients, settings, clock }: RegistrationMailWriting,
): DeliveryRequest {
  const { event, registration, slot } = order;
  const memberId = memberIdOf(slot);
  return {
    kind: order.kind,
    eventId: event.eventId,
    ...(memberId ? { memberId } : {}),
    causedBy: order.causedBy,
    deliveryId: registrationDeliveryIdOf(
      order.kind,
      registration.registrationId,
      order.occasion,
      personIdOf(slot),
    ),
    ...(order.correlationId ? { correlationId: order.correlationId } : {}),
    subject: order.subject,
    compose: async () => {
      const recipient = await recipients.resolve(slot, registration.registrant.municipality?.name);
      const calendarFiles = order.calendarFiles?.(recipient);
      const content = order.render({
        addressee: recipient.addressee,
        event,
        registration,
        ...(recipient.delegate ? { delegate: recipient.delegate } : {}),
        ...(calendarFiles ? { calendarFiles } : {}),
        ...(memberId ? { eventPage: settings.eventPage(event.eventId) } : {}),
        office: settings.office,
        now: clock.now(),
      });
      return composedMail(recipient.to, content);
    },
  };
}
