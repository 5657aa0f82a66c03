import { allEventContracts, MailFailed, MailFailedEvent, MailSent, MailSentEvent } from '@ic/contracts';
import { ContractRegistry, OutboxEventFactory } from '@ic/messaging';
import { Clock, ConflictError, ForbiddenError, NotFoundError } from '@ic/platform';
import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ContactRecord, ContactsRepository } from '../../replicas/contacts.repository';
import { FakeMailer } from '../../testing/deliver-mail-test-bed';
import { InMemoryDeliveries } from '../../testing/in-memory-deliveries';
import { DeliveryRecord } from '../deliveries.repository';
import { SentNotRecorded } from '../sent-not-recorded';
import { ResendDeliveryUseCase } from './resend-delivery.usecase';
import { mock } from 'jest-mock-extended';
import { newContact } from '../../testing/delivery-factories';
import { staff } from '../../testing/callers';

const refusal = Object.assign(new Error('550 5.1.1 Mailbox unavailable'), {
  code: 'EENVELOPE',
  responseCode: 550,
  response: '550 5.1.1 Mailbox unavailable',
});

function newTestUseCase() {
  const deliveries = new InMemoryDeliveries();
  const mailer = new FakeMailer(deliveries);
  const contacts = new Map<string, ContactRecord>();
  const erased = new Set<string>();
  const contactsRepository = mock<ContactsRepository>({
    find: (memberId: string) => Promise.resolve(contacts.get(memberId)),
    isErased: (memberId: string) => Promise.resolve(erased.has(memberId)),
  });
  const events = new OutboxEventFactory(new ContractRegistry(allEventContracts), '/ic/notifications');
  const sut = new ResendDeliveryUseCase(
    deliveries.asRepository(),
    contactsRepository,
    mailer,
    events,
    new Clock(),
    new SentNotRecorded(),
  );
  return { sut, deliveries, mailer, contacts, erased };
}

/** A delivery as DeliverMailUseCase leaves it after a permanent refusal: failed, with the written mail. */
function failedDelivery(
  deliveries: InMemoryDeliveries,
  overrides: Partial<DeliveryRecord> = {},
): DeliveryRecord {
  const causedBy = randomUUID();
  const record: DeliveryRecord = {
    id: `invitation:${causedBy}`,
    kind: 'invitation',
    memberId: randomUUID(),
    causedBy,
    correlationId: 'corr-1',
    recipient: 'anna.mueller@stadt.example',
    subject: 'Ihre Berufung in den Innovators Club des DStGB',
    messageId: `<invitation.${causedBy}@dstgb.example>`,
    status: 'failed',
    attempts: 1,
    lastError: '550 5.1.1 Mailbox unavailable',
    createdAt: new Date('2026-11-21T10:00:00Z'),
    failedAt: new Date('2026-11-21T10:00:01Z'),
    mail: {
      to: { name: 'Dr. Anna Müller', address: 'anna.mueller@stadt.example' },
      html: '<p>Sehr geehrte Frau Dr. Müller,</p>',
      text: 'Sehr geehrte Frau Dr. Müller,',
      attachments: [{ filename: 'termin.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR' }],
    },
    ...overrides,
  };
  deliveries.records.set(record.id, { ...record });
  return record;
}

/** Lets the send that execute starts in the background run to its end. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe(ResendDeliveryUseCase.name, () => {
  beforeAll(() => {
    Logger.overrideLogger(false);
  });

  it('re-queues a failed mail, answers with it queued, then sends it as written with its Message-ID and MailSent', async () => {
    const { sut, deliveries, mailer } = newTestUseCase();
    const failed = failedDelivery(deliveries);

    const reply = await sut.execute({ deliveryId: failed.id }, staff);

    expect(reply).toMatchObject({ id: failed.id, status: 'queued', attempts: 1 });
    await settle();
    expect(mailer.sent.map(({ mail }) => mail)).toEqual([
      {
        messageId: failed.messageId,
        to: { name: 'Dr. Anna Müller', address: 'anna.mueller@stadt.example' },
        subject: failed.subject,
        html: '<p>Sehr geehrte Frau Dr. Müller,</p>',
        text: 'Sehr geehrte Frau Dr. Müller,',
        attachments: [{ filename: 'termin.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR' }],
      },
    ]);
    const stored = deliveries.records.get(failed.id);
    expect(stored).toMatchObject({ status: 'sent', attempts: 2 });
    expect(stored?.mail).toBeUndefined();
    expect(stored?.lastError).toBeUndefined();
    expect(deliveries.outbox.map((entry) => entry.type)).toEqual([MailSentEvent.type]);
    expect(deliveries.outbox[0].data).toMatchObject<Partial<MailSent>>({
      deliveryId: failed.id,
      kind: 'invitation',
      memberId: failed.memberId,
      causedBy: failed.causedBy,
      attempts: 2,
    });
    expect(deliveries.published).toEqual([failed.id]);
  });

  it("sends it to the member's current address when the office has corrected it since", async () => {
    const { sut, deliveries, mailer, contacts } = newTestUseCase();
    const failed = failedDelivery(deliveries);
    contacts.set(failed.memberId ?? '', newContact({ email: 'anna.mueller@neu.example' }));

    await sut.execute({ deliveryId: failed.id }, staff);
    await settle();

    expect(mailer.sent[0]?.mail.to).toEqual({ name: 'Dr. Anna Müller', address: 'anna.mueller@neu.example' });
    expect(deliveries.records.get(failed.id)).toMatchObject({
      status: 'sent',
      recipient: 'anna.mueller@neu.example',
    });
  });

  it('records a refused resend as failed again, with the new answer, MailFailed and the mail kept for another try', async () => {
    const { sut, deliveries, mailer } = newTestUseCase();
    const failed = failedDelivery(deliveries);
    mailer.failNextWith(refusal);

    await sut.execute({ deliveryId: failed.id }, staff);
    await settle();

    const stored = deliveries.records.get(failed.id);
    expect(stored).toMatchObject({
      status: 'failed',
      attempts: 2,
      lastError: '550 5.1.1 Mailbox unavailable',
    });
    expect(stored?.mail).toEqual(failed.mail);
    expect(stored?.resendRequestedAt).toBeUndefined();
    expect(deliveries.outbox[0].type).toBe(MailFailedEvent.type);
    expect(deliveries.outbox[0].data).toMatchObject<Partial<MailFailed>>({
      deliveryId: failed.id,
      reason: '550 5.1.1 Mailbox unavailable',
      attempts: 2,
    });

    await sut.execute({ deliveryId: failed.id }, staff);
    await settle();
    expect(mailer.sent).toHaveLength(2);
    expect(deliveries.records.get(failed.id)).toMatchObject({ status: 'sent', attempts: 3 });
  });

  it('answers a repeated request while the mail is re-queued the same way, without a second mail', async () => {
    const { sut, deliveries, mailer } = newTestUseCase();
    const failed = failedDelivery(deliveries);
    await deliveries.requeueFailed(failed.id, new Date());

    await expect(sut.execute({ deliveryId: failed.id }, staff)).resolves.toMatchObject({
      id: failed.id,
      status: 'queued',
    });
    await settle();
    expect(mailer.sent).toHaveLength(0);
  });

  it('records a resend that went out while the database did not take it as sent on the next attempt, without a second mail', async () => {
    const { sut, deliveries, mailer } = newTestUseCase();
    const failed = failedDelivery(deliveries);
    await deliveries.requeueFailed(failed.id, new Date());
    const databaseGone = new Error('connection 4 to 127.0.0.1:27017 closed');
    jest.spyOn(deliveries, 'markSent').mockRejectedValueOnce(databaseGone);

    await expect(sut.send(failed.id)).rejects.toBe(databaseGone);
    expect(deliveries.records.get(failed.id)).toMatchObject({ status: 'sending', attempts: 2 });

    // The sweeper's attempt, once the claim has run out.
    await expect(sut.send(failed.id)).resolves.toBe('sent');
    expect(mailer.sent).toHaveLength(1);
    expect(deliveries.records.get(failed.id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(deliveries.outbox.map((entry) => entry.type)).toEqual([MailSentEvent.type]);
  });

  it('refuses with 409, in words, a mail that was delivered, is on its way, is a sign-in link, was never written or whose member was erased', async () => {
    const { sut, deliveries, erased, mailer } = newTestUseCase();
    const refusalOf = async (overrides: Partial<DeliveryRecord>) => {
      const delivery = failedDelivery(deliveries, overrides);
      if (overrides.memberId) erased.add(overrides.memberId);
      return sut.execute({ deliveryId: delivery.id }, staff).then(
        () => 'accepted',
        (error: unknown) => error,
      );
    };

    await expect(refusalOf({ status: 'sent', sentAt: new Date() })).resolves.toEqual(
      new ConflictError(
        'Diese E-Mail wurde bereits zugestellt; nur eine E-Mail, deren Versand fehlgeschlagen ist, kann erneut versandt werden.',
      ),
    );
    await expect(refusalOf({ status: 'queued' })).resolves.toBeInstanceOf(ConflictError);
    await expect(refusalOf({ status: 'sending' })).resolves.toBeInstanceOf(ConflictError);
    await expect(refusalOf({ kind: 'sign-in-link' })).resolves.toMatchObject({
      message: expect.stringContaining('Anmeldelinks werden nicht erneut versandt'),
    });
    await expect(
      refusalOf({ mail: undefined, lastError: 'Keine E-Mail-Adresse bekannt' }),
    ).resolves.toMatchObject({
      message: expect.stringContaining('nie geschrieben'),
    });
    await expect(refusalOf({ memberId: randomUUID() })).resolves.toMatchObject({
      message: expect.stringContaining('wurden gelöscht'),
    });
    await settle();
    expect(mailer.sent).toHaveLength(0);
  });

  it('answers 404 for an unknown delivery and 403 to a member', async () => {
    const { sut, deliveries } = newTestUseCase();
    await expect(sut.execute({ deliveryId: 'invitation:unknown' }, staff)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const failed = failedDelivery(deliveries);
    await expect(
      sut.execute({ deliveryId: failed.id }, { subject: randomUUID(), roles: ['member'] }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(deliveries.records.get(failed.id)?.status).toBe('failed');
  });
});
