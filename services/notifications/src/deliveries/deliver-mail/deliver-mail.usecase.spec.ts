import { MailFailed, MailFailedEvent, MailSent, MailSentEvent } from '@ic/contracts';
import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  DeliverMailUseCase,
  DeliveryAttempt,
  MailDeliveryError,
  MailCannotBeComposedError,
  MailNotReadyError,
  UNKNOWN_RECIPIENT,
} from './deliver-mail.usecase';
import { newTestUseCase, request } from '../../testing/deliver-mail-test-bed';
import { mailsCounted } from '../deliveries.metrics';

const smtpError = (responseCode: number, response: string) =>
  Object.assign(new Error(`Can't send mail - all recipients were rejected: ${response}`), {
    code: 'EENVELOPE',
    responseCode,
    response,
  });

const first: DeliveryAttempt = { number: 1, last: false };
const last: DeliveryAttempt = { number: 4, last: true };

describe(DeliverMailUseCase.name, () => {
  beforeAll(() => {
    Logger.overrideLogger(false);
  });

  describe('execute', () => {
    it('sends the mail once, with a Message-ID from the event, and records it as sent with MailSent', async () => {
      const { sut, deliveries, mailer } = newTestUseCase();
      const mail = request();
      const id = `invitation:${mail.causedBy}`;

      await expect(sut.execute(mail, first)).resolves.toBe('sent');

      expect(mailer.sent).toHaveLength(1);
      expect(mailer.sent[0].mail).toMatchObject({
        messageId: `<invitation.${mail.causedBy}@dstgb.example>`,
        to: { address: 'anna.mueller@stadt.example' },
        subject: mail.subject,
      });
      expect(deliveries.records.get(id)).toMatchObject({
        status: 'sent',
        attempts: 1,
        recipient: 'anna.mueller@stadt.example',
        memberId: mail.memberId,
      });
      expect(deliveries.outbox).toHaveLength(1);
      expect(deliveries.outbox[0]).toMatchObject({
        type: MailSentEvent.type,
        subject: id,
        correlationId: 'corr-1',
      });
      expect(deliveries.outbox[0].data).toMatchObject<Partial<MailSent>>({
        deliveryId: id,
        kind: 'invitation',
        memberId: mail.memberId,
        causedBy: mail.causedBy,
        attempts: 1,
      });
      expect(deliveries.published).toEqual([id]);
    });

    it('keeps one delivery per recipient when an event mails many, and passes their headers on', async () => {
      const { sut, mailer, deliveries } = newTestUseCase();
      const causedBy = randomUUID();
      const [anna, jonas] = [randomUUID(), randomUUID()];
      const headers = { 'List-Unsubscribe': '<https://portal.example/abmelden/x>' };
      const toMember = (memberId: string) =>
        request({
          kind: 'announcement',
          memberId,
          causedBy,
          deliveryId: `announcement:event-1:${memberId}`,
          compose: () =>
            Promise.resolve({
              to: { name: 'Anna Müller', address: `${memberId}@stadt.example` },
              html: '<p>Ankündigung</p>',
              text: 'Ankündigung',
              headers,
            }),
        });

      await sut.execute(toMember(anna), first);
      await sut.execute(toMember(jonas), first);
      await expect(sut.execute(toMember(anna), first)).resolves.toBe('already-sent');

      expect([...deliveries.records.keys()]).toEqual([
        `announcement:event-1:${anna}`,
        `announcement:event-1:${jonas}`,
      ]);
      expect(mailer.sent.map(({ mail }) => mail.messageId)).toEqual([
        `<announcement.event-1.${anna}@dstgb.example>`,
        `<announcement.event-1.${jonas}@dstgb.example>`,
      ]);
      expect(mailer.sent[0].mail.headers).toEqual(headers);
    });

    it('records "sending" before it hands the mail to the SMTP server', async () => {
      const { sut, mailer } = newTestUseCase();

      await sut.execute(request(), first);

      expect(mailer.sent[0].statusDuringSend).toBe('sending');
    });

    it('never sends a delivery again once it is sent, whoever handles the event again', async () => {
      const { sut, mailer, deliveries } = newTestUseCase();
      const mail = request();
      await sut.execute(mail, first);

      await expect(sut.execute(mail, first)).resolves.toBe('already-sent');
      await expect(sut.execute(mail, last)).resolves.toBe('already-sent');

      expect(mailer.sent).toHaveLength(1);
      expect(deliveries.outbox).toHaveLength(1);
    });

    it('sends a delivery left "sending" by a crash again, with the same Message-ID', async () => {
      const { sut, mailer, deliveries } = newTestUseCase();
      const mail = request();
      const id = `invitation:${mail.causedBy}`;
      // The state a SIGKILL right after the server's "250 OK" leaves behind.
      await deliveries.createSending({
        id,
        kind: 'invitation',
        memberId: mail.memberId,
        causedBy: mail.causedBy,
        recipient: 'anna.mueller@stadt.example',
        subject: mail.subject,
        messageId: `<invitation.${mail.causedBy}@dstgb.example>`,
        createdAt: new Date(),
      });

      await expect(sut.execute(mail, first)).resolves.toBe('sent');

      expect(mailer.sent.map((entry) => entry.mail.messageId)).toEqual([
        `<invitation.${mail.causedBy}@dstgb.example>`,
      ]);
      expect(deliveries.records.get(id)).toMatchObject({ status: 'sent', attempts: 2 });
    });

    it('records a mail the database did not take as sent when its event comes again, without sending it twice', async () => {
      const { sut, mailer, deliveries } = newTestUseCase();
      const mail = request();
      const id = `invitation:${mail.causedBy}`;
      const databaseGone = new Error('connection 4 to 127.0.0.1:27017 closed');
      jest.spyOn(deliveries, 'markSent').mockRejectedValueOnce(databaseGone);

      await expect(sut.execute(mail, first)).rejects.toBe(databaseGone);
      const wentOutBy = new Date();
      expect(deliveries.records.get(id)).toMatchObject({ status: 'sending' });

      await expect(sut.execute(mail, { number: 2, last: false })).resolves.toBe('sent');

      expect(mailer.sent).toHaveLength(1);
      expect(deliveries.records.get(id)).toMatchObject({ status: 'sent', attempts: 1 });
      expect(deliveries.records.get(id)?.sentAt?.getTime()).toBeLessThanOrEqual(wentOutBy.getTime());
      expect(deliveries.outbox.map((entry) => entry.type)).toEqual([MailSentEvent.type]);
    });

    it('fails at once on a permanent refusal, with the answer as reason and MailFailed, and throws nothing', async () => {
      const { sut, mailer, deliveries } = newTestUseCase();
      const mail = request();
      const id = `invitation:${mail.causedBy}`;
      mailer.failNextWith(smtpError(550, '550 5.1.1 Mailbox unavailable'));

      await expect(sut.execute(mail, first)).resolves.toBe('failed');

      expect(deliveries.records.get(id)).toMatchObject({
        status: 'failed',
        attempts: 1,
        lastError: '550 5.1.1 Mailbox unavailable',
      });
      expect(deliveries.outbox.map((entry) => entry.type)).toEqual([MailFailedEvent.type]);
      expect(deliveries.outbox[0].data).toMatchObject<Partial<MailFailed>>({
        deliveryId: id,
        reason: '550 5.1.1 Mailbox unavailable',
        attempts: 1,
      });
      expect(deliveries.published).toEqual([id]);
      await expect(sut.execute(mail, { number: 2, last: false })).resolves.toBe('already-failed');
      expect(mailer.sent).toHaveLength(1);
    });

    it('records the club event a mail is about, for the log', async () => {
      const { sut, deliveries } = newTestUseCase();
      const eventId = randomUUID();
      const mail = request({ kind: 'announcement', eventId, deliveryId: `announcement:${eventId}:x` });

      await sut.execute(mail, first);

      expect(deliveries.records.get(`announcement:${eventId}:x`)).toMatchObject({ status: 'sent', eventId });
    });

    it('keeps the written mail with a failed delivery, for the office to send it again; a sent one keeps none', async () => {
      const { sut, mailer, deliveries } = newTestUseCase();
      const refused = request();
      mailer.failNextWith(smtpError(550, '550 5.1.1 Mailbox unavailable'));
      await sut.execute(refused, first);
      const delivered = request();
      await sut.execute(delivered, first);

      expect(deliveries.records.get(`invitation:${refused.causedBy}`)?.mail).toEqual({
        to: { name: 'Dr. Anna Müller', address: 'anna.mueller@stadt.example' },
        html: '<p>Sehr geehrte Frau Dr. Müller,</p>',
        text: 'Sehr geehrte Frau Dr. Müller,',
      });
      expect(deliveries.records.get(`invitation:${delivered.causedBy}`)?.mail).toBeUndefined();
    });

    it('sends a failed delivery once more when an operator redelivers its event, and never a sent one', async () => {
      const { sut, mailer, deliveries } = newTestUseCase();
      const mail = request();
      const id = `invitation:${mail.causedBy}`;
      mailer.failNextWith(smtpError(550, '550 5.1.1 Mailbox unavailable'));
      await sut.execute(mail, first);

      await expect(sut.execute(mail, { number: 1, last: false, redelivery: true })).resolves.toBe('sent');
      await expect(sut.execute(mail, { number: 1, last: false, redelivery: true })).resolves.toBe(
        'already-sent',
      );
      expect(deliveries.records.get(id)).toMatchObject({ status: 'sent', attempts: 2 });
      expect(mailer.sent).toHaveLength(2);
      expect(new Set(mailer.sent.map((entry) => entry.mail.messageId)).size).toBe(1);
    });

    it('leaves a delivery the office re-queued to the resend, even when its event comes again', async () => {
      const { sut, mailer, deliveries } = newTestUseCase();
      const mail = request();
      const id = `invitation:${mail.causedBy}`;
      mailer.failNextWith(smtpError(550, '550 5.1.1 Mailbox unavailable'));
      await sut.execute(mail, first);
      await deliveries.requeueFailed(id, new Date());

      await expect(sut.execute(mail, { number: 2, last: false })).resolves.toBe('already-failed');
      expect(mailer.sent).toHaveLength(1);
    });

    it('throws on a transient failure so that the event is retried, and sends on the next attempt', async () => {
      const { sut, mailer, deliveries } = newTestUseCase();
      const mail = request();
      const id = `invitation:${mail.causedBy}`;
      mailer.failNextWith(smtpError(451, '451 4.3.0 Temporary failure'));

      await expect(sut.execute(mail, first)).rejects.toThrow(MailDeliveryError);
      expect(deliveries.records.get(id)).toMatchObject({
        status: 'queued',
        attempts: 1,
        lastError: '451 4.3.0 Temporary failure',
      });
      expect(deliveries.outbox).toEqual([]);

      await expect(sut.execute(mail, { number: 2, last: false })).resolves.toBe('sent');
      expect(deliveries.records.get(id)).toMatchObject({ status: 'sent', attempts: 2 });
      expect(deliveries.records.get(id)?.lastError).toBeUndefined();
      expect(new Set(mailer.sent.map((entry) => entry.mail.messageId)).size).toBe(1);
    });

    it('counts in the metrics each attempt by its outcome: retrying, then failed for good; sent', async () => {
      const { sut, mailer } = newTestUseCase();
      const outcomes = ['sent', 'retrying', 'failed'] as const;
      const counts = () => Promise.all(outcomes.map((outcome) => mailsCounted('event-reminder', outcome)));
      const before = await counts();
      const failing = request({ kind: 'event-reminder' });
      mailer.failNextWith(
        smtpError(451, '451 4.3.0 Temporary failure'),
        smtpError(451, '451 4.3.0 Temporary failure'),
      );

      await expect(sut.execute(failing, first)).rejects.toThrow(MailDeliveryError);
      await expect(sut.execute(failing, last)).rejects.toThrow(MailDeliveryError);
      await sut.execute(request({ kind: 'event-reminder' }), first);

      const after = await counts();
      expect(after.map((count, index) => count - before[index])).toEqual([1, 1, 1]);
    });

    it('on the last attempt records a transient failure as failed with MailFailed, then throws for the dead-letter topic', async () => {
      const { sut, mailer, deliveries } = newTestUseCase();
      const mail = request();
      const id = `invitation:${mail.causedBy}`;
      const refusal = smtpError(451, '451 4.3.0 Temporary failure');
      mailer.failNextWith(refusal, refusal);

      await expect(sut.execute(mail, first)).rejects.toThrow('neuer Versuch folgt');
      await expect(sut.execute(mail, { number: 2, last: true })).rejects.toThrow(
        `Zustellung ${id} endgültig fehlgeschlagen: 451 4.3.0 Temporary failure`,
      );

      expect(deliveries.records.get(id)).toMatchObject({
        status: 'failed',
        attempts: 2,
        lastError: '451 4.3.0 Temporary failure',
      });
      expect(deliveries.outbox.map((entry) => entry.data)).toEqual([
        expect.objectContaining({ deliveryId: id, reason: '451 4.3.0 Temporary failure', attempts: 2 }),
      ]);
    });

    it('retries a mail it cannot write yet, and on the last attempt records it failed with the reason', async () => {
      const { sut, mailer, deliveries } = newTestUseCase();
      const mail = request({
        kind: 'sign-in-link',
        subject: 'Ihr Anmeldelink für den Innovators Club',
        compose: () => Promise.reject(new MailNotReadyError('Zu Mitglied x liegen keine Kontaktdaten vor.')),
      });
      const id = `sign-in-link:${mail.causedBy}`;

      await expect(sut.execute(mail, first)).rejects.toThrow(MailDeliveryError);
      expect(deliveries.records.size).toBe(0);

      await expect(sut.execute(mail, last)).rejects.toThrow('Zu Mitglied x liegen keine Kontaktdaten vor.');
      expect(mailer.sent).toEqual([]);
      expect(deliveries.records.get(id)).toMatchObject({
        status: 'failed',
        recipient: UNKNOWN_RECIPIENT,
        subject: 'Ihr Anmeldelink für den Innovators Club',
        lastError: 'Zu Mitglied x liegen keine Kontaktdaten vor.',
        attempts: 4,
      });
      expect(deliveries.outbox.map((entry) => entry.type)).toEqual([MailFailedEvent.type]);
    });

    it('fails a mail that can never be written at once, on the first attempt, keeping the known address', async () => {
      const { sut, mailer, deliveries } = newTestUseCase();
      const mail = request({
        compose: () =>
          Promise.reject(
            new MailCannotBeComposedError('Der Link-Token lässt sich nicht öffnen.', 'a@b.example'),
          ),
      });

      await expect(sut.execute(mail, first)).resolves.toBe('failed');
      expect(mailer.sent).toEqual([]);
      expect(deliveries.outbox.map((entry) => entry.type)).toEqual([MailFailedEvent.type]);

      expect(deliveries.records.get(`invitation:${mail.causedBy}`)).toMatchObject({
        status: 'failed',
        recipient: 'a@b.example',
        lastError: 'Der Link-Token lässt sich nicht öffnen.',
      });
    });

    it('lets other errors of composing through unchanged, recording nothing', async () => {
      const { sut, deliveries } = newTestUseCase();
      const bug = new TypeError('bug');

      await expect(sut.execute(request({ compose: () => Promise.reject(bug) }), last)).rejects.toBe(bug);
      expect(deliveries.records.size).toBe(0);
    });

    it('refuses an event whose id is not a UUID before sending anything', async () => {
      const { sut, mailer } = newTestUseCase();

      await expect(sut.execute(request({ causedBy: 'not-a-uuid' }), first)).rejects.toThrow('keine UUID');
      expect(mailer.sent).toEqual([]);
    });
  });
});
