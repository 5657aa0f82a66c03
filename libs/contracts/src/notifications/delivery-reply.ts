import { PageOf } from '../membership/membership.requests';
import { ClosedObject, OneOf, Shape, Timestamp, Type, Uuid } from '../schema';
import { DeliveryStatuses, MailKinds } from './notifications.contracts';

/** One e-mail in the delivery log, as the office sees it. */
export const deliveryReplySchema = ClosedObject({
  id: Type.String({ example: 'invitation:5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10' }),
  kind: OneOf(MailKinds),
  memberId: Type.Optional(Uuid()),
  /** The club event the mail is about, where there is one. */
  eventId: Type.Optional(
    Type.String({ format: 'uuid', description: 'Die Veranstaltung, um die es in der E-Mail geht' }),
  ),
  recipient: Type.String({ example: 'jonas.beispiel@kalletal.example' }),
  subject: Type.String({ example: 'Ihre Berufung in den Innovators Club' }),
  status: OneOf(DeliveryStatuses),
  attempts: Type.Integer({ example: 1 }),
  lastError: Type.Optional(Type.String({ example: '451 4.3.0 Temporary failure' })),
  createdAt: Timestamp(),
  sentAt: Type.Optional(Timestamp()),
});

export type DeliveryReply = Shape<typeof deliveryReplySchema>;

export const deliveryPageReplySchema = PageOf(deliveryReplySchema);
