import { randomUUID } from 'node:crypto';
import { DeliveryRecord } from '../deliveries/deliveries.repository';
import { ContactRecord } from '../replicas/contacts.repository';

/** An active member as the contacts replica knows them, with an address of their own. */
export function newContact(overrides: Partial<ContactRecord> = {}): ContactRecord {
  return {
    memberId: randomUUID(),
    salutation: 'Frau',
    firstName: 'Erika',
    lastName: 'Beispiel',
    email: `${randomUUID()}@kommune.example`,
    status: 'active',
    themes: ['Digitalisierung'],
    announcementsOptOut: false,
    ...overrides,
  };
}

/** A mail that was sent: the delivery log's record of it, as the idempotency checks find it. */
export function sentDelivery(id: string): DeliveryRecord {
  return {
    id,
    kind: 'announcement',
    causedBy: randomUUID(),
    recipient: 'erika.beispiel@kommune.example',
    subject: 'Neue Veranstaltung',
    messageId: `<${id}@dstgb.example>`,
    status: 'sent',
    attempts: 1,
    createdAt: new Date('2030-01-01T09:00:00Z'),
    sentAt: new Date('2030-01-01T09:00:01Z'),
  };
}
