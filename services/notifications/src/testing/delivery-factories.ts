import { randomUUID } from 'node:crypto';
import { DeliveryRecord } from '../deliveries/deliveries.repository';
import { mock } from 'jest-mock-extended';
import { ContactRecord, ContactsRepository } from '../replicas/contacts.repository';

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

/** The contacts replica knowing these contacts, none of them erased. */
export function contactsRepositoryOf(contacts: readonly ContactRecord[]): ContactsRepository {
  return mock<ContactsRepository>({
    find: (memberId: string) => Promise.resolve(contacts.find((contact) => contact.memberId === memberId)),
    isErased: () => Promise.resolve(false),
  });
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
