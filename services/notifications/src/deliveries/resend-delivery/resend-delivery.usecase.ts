import { CallerIdentity, DeliveryReply, DeliveryResendRequest } from '@ic/contracts';
import { OutboxEventFactory } from '@ic/messaging';
import { OutboxEntry } from '@ic/persistence';
import { Clock, ConflictError, describe, NotFoundError } from '@ic/platform';
import { Injectable, Logger } from '@nestjs/common';
import { classifySmtpFailure } from '../../mail/smtp-failure';
import { Mailer } from '../../mail/mailer';
import { outgoingMail } from '../deliver-mail/deliver-mail.usecase';
import { countMail } from '../deliveries.metrics';
import { ContactsRepository } from '../../replicas/contacts.repository';
import { DeliveriesRepository, DeliveryRecord } from '../deliveries.repository';
import { DeliveryAggregate } from '../delivery.aggregate';
import { SentNotRecorded } from '../sent-not-recorded';
import { toDeliveryReply } from '../list-deliveries/list-deliveries.usecase';
import { assertRole } from '../../caller-role';

/** How long one instance holds a resend it is sending; after that another may take it over. */
export const RESEND_CLAIM_MS = 60_000;

/**
 * The office sends a failed e-mail again (POST /api/v1/deliveries/{id}/resend).
 *
 * Only a failed delivery qualifies, and only with the mail as it was written, which a failed
 * delivery keeps (a mail that could not even be written, e.g. without an address, has none). The
 * request puts it back in the queue, marked as a resend, in one conditional write: of two requests
 * at once one re-queues it, the other finds it re-queued and gets the same answer (idempotent). A
 * delivery that is on its way or was delivered is refused with 409, in words.
 *
 * The mail goes out right after the answer, as one SMTP attempt with the delivery's Message-ID:
 * to the member's current address if the office has corrected it since. Sent → `sent` with
 * MailSent; refused or unreachable → `failed` again with the new answer and MailFailed, and the
 * office may try once more. If the instance stops before that, ResendSweeper takes it over once
 * its claim has run out. A mail that went out while the database did not take its `sent` is only
 * recorded by that next attempt, not sent again (SentNotRecorded).
 */
@Injectable()
export class ResendDeliveryUseCase {
  private readonly logger = new Logger(ResendDeliveryUseCase.name);

  constructor(
    private readonly deliveries: DeliveriesRepository,
    private readonly contacts: ContactsRepository,
    private readonly mailer: Mailer,
    private readonly events: OutboxEventFactory,
    private readonly clock: Clock,
    private readonly sentNotRecorded: SentNotRecorded,
  ) {}

  /** Re-queues the failed delivery and starts sending it; answers with the delivery as queued. */
  async execute(request: DeliveryResendRequest, identity: CallerIdentity): Promise<DeliveryReply> {
    assertRole(identity, 'staff', {
      signIn: 'Bitte melden Sie sich an, um E-Mails erneut zu versenden.',
      forbidden: 'E-Mails erneut versenden kann nur die Geschäftsstelle.',
    });
    const delivery = await this.deliveries.find(request.deliveryId);
    if (!delivery) throw new NotFoundError('Diese E-Mail gibt es im Versandprotokoll nicht.');
    if (delivery.resendRequestedAt && isUnderway(delivery)) return toDeliveryReply(delivery);
    await this.refuseUnlessResendable(delivery);

    const now = this.clock.now();
    const requeued = await this.deliveries.requeueFailed(
      delivery.id,
      now,
      new Date(now.getTime() + RESEND_CLAIM_MS),
    );
    const current = await this.deliveries.find(delivery.id);
    if (!current) throw new NotFoundError('Diese E-Mail gibt es im Versandprotokoll nicht.');
    if (!requeued) {
      // Another request came first: the same answer if it re-queued it, else why not.
      if (current.resendRequestedAt && isUnderway(current)) return toDeliveryReply(current);
      await this.refuseUnlessResendable(current);
      throw new ConflictError(
        'Diese E-Mail kann gerade nicht erneut versandt werden. Bitte laden Sie die Seite neu.',
      );
    }
    this.logger.log(`Delivery ${delivery.id} re-queued at the office's request`);
    void this.send(delivery.id).catch((error: unknown) =>
      this.logger.warn(`Resend of ${delivery.id} stopped, the sweeper takes it over: ${describe(error)}`),
    );
    return toDeliveryReply(current);
  }

  /**
   * One SMTP attempt for a re-queued delivery the caller holds (requeueFailed or claimResend).
   * Returns how it went; throws only when the database fails (the claim then runs out).
   */
  async send(id: string): Promise<'sent' | 'failed' | 'not-queued'> {
    const delivery = await this.deliveries.find(id);
    if (!delivery?.mail || !delivery.resendRequestedAt || !isUnderway(delivery)) return 'not-queued';
    const wentOutAt = this.sentNotRecorded.of(id);
    if (wentOutAt) {
      this.logger.warn(
        `Resend of ${id} went out at ${wentOutAt.toISOString()}, but the database did not take it as sent: ` +
          'recording it now instead of sending it again',
      );
      return this.recordSent(delivery, wentOutAt, delivery.attempts);
    }
    const contact = delivery.memberId ? await this.contacts.find(delivery.memberId) : undefined;
    const address = contact?.email ?? delivery.mail.to.address;
    const attempts = delivery.attempts + 1;
    const mail = delivery.mail;
    await this.deliveries.markSending(id, attempts, address);
    try {
      await this.mailer.send(
        outgoingMail(delivery.messageId, delivery.subject, { ...mail, to: { name: mail.to.name, address } }),
      );
    } catch (error) {
      const reason = classifySmtpFailure(error).reason;
      this.logger.warn(`Resend of ${id} failed: ${reason}`);
      await this.deliveries.markFailed(
        id,
        reason,
        attempts,
        this.outcomeOf(delivery, (outcome) => outcome.failed(reason, attempts)),
        mail,
      );
      countMail(delivery.kind, 'failed');
      return 'failed';
    }
    return this.recordSent(delivery, this.clock.now(), attempts);
  }

  /** Stores `sent` with MailSent; if the database does not take it, the next attempt only records it. */
  private async recordSent(delivery: DeliveryRecord, sentAt: Date, attempts: number): Promise<'sent'> {
    await this.sentNotRecorded.record(delivery.id, sentAt, () =>
      this.deliveries.markSent(
        delivery.id,
        sentAt,
        this.outcomeOf(delivery, (outcome) => outcome.sent(sentAt, attempts)),
      ),
    );
    countMail(delivery.kind, 'sent');
    return 'sent';
  }

  /** The events of the delivery's outcome, as its aggregate records them. */
  private outcomeOf(delivery: DeliveryRecord, settle: (outcome: DeliveryAggregate) => void): OutboxEntry[] {
    const outcome = DeliveryAggregate.of(delivery);
    settle(outcome);
    return this.events.entriesOf(delivery.id, outcome.takeFacts(), delivery.correlationId);
  }

  private async refuseUnlessResendable(delivery: DeliveryRecord): Promise<void> {
    if (delivery.status === 'sent') {
      throw new ConflictError(
        'Diese E-Mail wurde bereits zugestellt; nur eine E-Mail, deren Versand fehlgeschlagen ist, kann erneut versandt werden.',
      );
    }
    if (delivery.status !== 'failed') {
      throw new ConflictError(
        'Diese E-Mail ist noch unterwegs; erneut versenden können Sie sie erst, wenn ihr Versand fehlgeschlagen ist.',
      );
    }
    if (delivery.kind === 'sign-in-link') {
      throw new ConflictError(
        'Anmeldelinks werden nicht erneut versandt, denn sie gelten nur kurz: Das Mitglied fordert auf der Anmeldeseite einfach einen neuen an.',
      );
    }
    if (delivery.memberId && (await this.contacts.isErased(delivery.memberId))) {
      throw new ConflictError(
        'Die Daten dieses Mitglieds wurden gelöscht; die E-Mail kann nicht mehr versandt werden.',
      );
    }
    if (!delivery.mail) {
      throw new ConflictError(
        'Diese E-Mail kann nicht erneut versandt werden, weil sie nie geschrieben wurde (siehe Grund). Beheben Sie den Grund, z. B. die fehlende E-Mail-Adresse; die nächste E-Mail dieser Art geht dann wieder hinaus.',
      );
    }
  }
}

function isUnderway(delivery: DeliveryRecord): boolean {
  return delivery.status === 'queued' || delivery.status === 'sending';
}
