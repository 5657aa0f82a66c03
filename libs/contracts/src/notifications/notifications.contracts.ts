import { defineEvent } from '../events/event-contract';
import { Page, pageQuerySchema } from '../membership';
import { defineRequest } from '../requests/request-pattern';
import {
  ClosedObject,
  EmailAddressField,
  EventDataSchema,
  Extended,
  IdField,
  OneOf,
  RequestBody,
  Shape,
  Text,
  Timestamp,
  Type,
  Uuid,
  withMessage,
} from '../schema';
import { DomainTopics } from '../topics';
import type { DeliveryReply } from './delivery-reply';

/**
 * `announcement` is the only kind a member can switch off; the others are transactional. The
 * registration mails: confirmed (with the calendar entry), waitlisted (with the place), promoted
 * from the waiting list, cancelled (the calendar entry removed), workshop seats that changed by
 * themselves, a registered event whose schedule or venue changed, registration opened (for those who
 * declared interest, and for the members the event was announced to), and the reminder before the event.
 */
export const MailKinds = [
  'invitation',
  'sign-in-link',
  'announcement',
  'registration-confirmed',
  'registration-waitlisted',
  'registration-promoted',
  'registration-cancelled',
  'workshop-seats',
  'event-changed',
  'registration-opened',
  'event-reminder',
] as const;
export type MailKind = (typeof MailKinds)[number];

export const DeliveryStatuses = ['queued', 'sending', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof DeliveryStatuses)[number];

/** Keyed by delivery id. No addresses or names: the delivery log holds those, for the office only. */
const deliveryData = EventDataSchema({
  deliveryId: Text(120),
  kind: OneOf(MailKinds),
  memberId: Type.Optional(Uuid()),
  causedBy: Type.String({ format: 'uuid', description: 'ce_id of the event the mail answers' }),
});
const attemptsSchema = Type.Integer({ minimum: 1 });

export const mailSentData = Extended(deliveryData, { sentAt: Timestamp(), attempts: attemptsSchema });
export type MailSent = Shape<typeof mailSentData>;
export const MailSentEvent = defineEvent({
  type: 'de.dstgb.ic.notifications.MailSent.v1',
  topic: DomainTopics.notifications,
  description: 'The SMTP server accepted an e-mail.',
  schema: mailSentData,
  example: {
    deliveryId: 'invitation:5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10',
    kind: 'invitation',
    memberId: '5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10',
    causedBy: '0c6f1e1a-8d3b-4b8e-9a6e-2f1d3c4b5a69',
    sentAt: '2026-11-21T10:00:02.000Z',
    attempts: 1,
  },
});

export const mailFailedData = Extended(deliveryData, { reason: Text(2000), attempts: attemptsSchema });
export type MailFailed = Shape<typeof mailFailedData>;
export const MailFailedEvent = defineEvent({
  type: 'de.dstgb.ic.notifications.MailFailed.v1',
  topic: DomainTopics.notifications,
  description: 'An e-mail could not be delivered after all attempts; the reason is the SMTP answer.',
  schema: mailFailedData,
  example: {
    deliveryId: 'invitation:5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10',
    kind: 'invitation',
    memberId: '5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10',
    causedBy: '0c6f1e1a-8d3b-4b8e-9a6e-2f1d3c4b5a69',
    reason: '550 5.1.1 Mailbox unavailable',
    attempts: 1,
  },
});

export const notificationsEventContracts = [MailSentEvent, MailFailedEvent] as const;

export class DeliveryListQuery extends RequestBody(
  ClosedObject({
    ...pageQuerySchema.properties,
    status: Type.Optional(OneOf(DeliveryStatuses)),
    kind: Type.Optional(OneOf(MailKinds)),
    memberId: Type.Optional(IdField('memberId')),
    eventId: Type.Optional(IdField('eventId', { description: 'Nur E-Mails zu dieser Veranstaltung' })),
    recipient: Type.Optional(
      EmailAddressField({
        description:
          'Nur E-Mails an diese Adresse (genau diese, ohne Unterschied der Groß- und Kleinschreibung), ' +
          'z. B. jonas.beispiel@kalletal.example',
      }),
    ),
  }),
) {}

/** A delivery's id as the log shows it: the mail's kind and what caused it, e.g. `invitation:<uuid>`. */
export const DELIVERY_ID = /^[a-z-]{3,40}(:[A-Za-z0-9-]{1,60}){1,3}$/;

/** The office asks for a failed e-mail to be sent again. */
export class DeliveryResendRequest extends RequestBody(
  ClosedObject({
    deliveryId: withMessage(
      Type.String({ pattern: DELIVERY_ID.source }),
      'deliveryId ist keine gültige Kennung einer E-Mail.',
    ),
  }),
) {}

export const NotificationsRequests = {
  listDeliveries: defineRequest<DeliveryListQuery, Page<DeliveryReply>>('notifications', 'deliveries.list'),
  /** Re-queues a failed delivery (only a failed one: 409 otherwise); answers with it, queued. */
  resendDelivery: defineRequest<DeliveryResendRequest, DeliveryReply>('notifications', 'deliveries.resend'),
} as const;
