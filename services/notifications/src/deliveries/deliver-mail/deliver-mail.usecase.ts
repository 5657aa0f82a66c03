import { MailKind } from '@ic/contracts';
import { KafkaEventContext, OutboxEventFactory } from '@ic/messaging';
import { OutboxEntry } from '@ic/persistence';
import { InvalidInputError } from '@ic/platform';
import { Injectable, Logger } from '@nestjs/common';
import { classifySmtpFailure } from '../../mail/smtp-failure';
import { MailAddress, MailAttachment, Mailer, OutgoingMail } from '../../mail/mailer';
import { MailSettings } from '../../mail/mail-settings';
import { countMail } from '../deliveries.metrics';
import { SentNotRecorded } from '../sent-not-recorded';
import { DeliveriesRepository, DeliveryRecord, NewDelivery } from '../deliveries.repository';
import { DeliveryAggregate } from '../delivery.aggregate';
import { StoredMail } from '../delivery.schema';
import { deliveryIdOf, messageIdOf } from '../delivery-id';

/** The parts of a mail that depend on data which may be missing (the contact, an unreadable link token). */
export interface ComposedMail {
  readonly to: MailAddress;
  readonly html: string;
  readonly text: string;
  /** Extra header fields, e.g. List-Unsubscribe of an announcement. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly attachments?: readonly MailAttachment[];
}

/** The mail to `to` with what a template wrote (the subject is the delivery's own). */
export function composedMail(to: MailAddress, content: Omit<ComposedMail, 'to'>): ComposedMail {
  return {
    to,
    html: content.html,
    text: content.text,
    ...(content.headers ? { headers: content.headers } : {}),
    ...(content.attachments ? { attachments: content.attachments } : {}),
  };
}

/** The mail as it goes out: a written one (composed now, or kept for a resend) with the delivery's Message-ID and subject. */
export function outgoingMail(messageId: string, subject: string, mail: ComposedMail): OutgoingMail {
  return { messageId, subject, ...composedMail(mail.to, mail) };
}

export interface DeliveryRequest {
  readonly kind: MailKind;
  /** Absent for people who are not looked up as members (delegation people, guests). */
  readonly memberId?: string;
  /** The club event the mail is about (announcement, registration mails, reminder), for the log's filter. */
  readonly eventId?: string;
  /** ce_id of the event the mail answers: it determines the delivery id. */
  readonly causedBy: string;
  /**
   * For an event that causes one mail per recipient: the delivery id of this recipient's mail,
   * as stable as the event (see announcementDeliveryIdOf). Otherwise deliveryIdOf(kind, causedBy).
   */
  readonly deliveryId?: string;
  readonly correlationId?: string;
  readonly subject: string;
  /** Builds the mail; throws MailNotReadyError when something it needs is missing. */
  readonly compose: () => Promise<ComposedMail>;
}

/** Which attempt of the consumer this is; on the last one a failure is final. */
export interface DeliveryAttempt {
  readonly number: number;
  readonly last: boolean;
  /** An operator redelivered the event after a fix: a delivery that failed is tried once more. */
  readonly redelivery?: boolean;
}

export function deliveryAttemptOf(context: KafkaEventContext): DeliveryAttempt {
  return {
    number: context.delivery.attempt,
    last: context.delivery.isLastAttempt,
    redelivery: context.delivery.isRedelivery,
  };
}

/** Something the mail needs is missing; a later attempt may find it (retried, then failed). */
export class MailNotReadyError extends Error {
  constructor(
    message: string,
    /** The address, if it was known by then; shown in the delivery log. */
    readonly recipient?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * Something the mail needs can never be had, e.g. a link token sealed with another key: no retry
 * can help, so the delivery fails at once (like a permanent SMTP answer) instead of holding up the
 * partition through every retry.
 */
export class MailCannotBeComposedError extends MailNotReadyError {}

/**
 * Thrown so that the consumer retries the event (transient failure) or dead-letters it (last
 * attempt); its message, with the SMTP answer, reaches the consumer's log and the dead-letter headers.
 */
export class MailDeliveryError extends Error {
  constructor(deliveryId: string, reason: string, final: boolean) {
    super(
      `Zustellung ${deliveryId} ${final ? 'endgültig fehlgeschlagen' : 'fehlgeschlagen, neuer Versuch folgt'}: ${reason}`,
    );
    this.name = 'MailDeliveryError';
  }
}

export type DeliveryOutcome = 'sent' | 'failed' | 'already-sent' | 'already-failed';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Sends one mail for one event, exactly once as far as SMTP allows, and keeps the delivery log.
 *
 * Lines of defence against a second mail:
 * 1. The transport claims each event id before the handler runs, so a redelivered event is skipped.
 * 2. The delivery's id follows from the event id, and a delivery that is `sent` (or `failed`) is
 *    never sent again, whoever asks.
 * 3. The database going away after the SMTP server answered "250 OK" and before `sent` is stored:
 *    the instance remembers that the mail went out (SentNotRecorded), and when the transport hands
 *    it the event again, it stores `sent` instead of sending the mail a second time.
 * 4. What none of them can close: a crash in that moment (or the event handled again by another
 *    instance). SMTP has no way to ask the server whether it took a message, so the delivery, left in
 *    `sending`, is sent again when the event is handled again. That resend carries the same,
 *    deterministic Message-ID (messageIdOf), and mailbox providers keep one copy per Message-ID, so
 *    the person sees one mail. The window is kept as small as it gets: `sending` is stored before the
 *    SMTP call, `sent` right after it, with nothing in between; MailSent is published afterwards,
 *    from the outbox of that same write.
 *
 * Failures: a permanent SMTP answer (5xx) fails the delivery at once and returns (nothing to
 * retry). A transient one (4xx, connection, timeout) throws, so that the transport retries with
 * backoff; on the last attempt the delivery is first recorded as failed with the answer as reason,
 * then the throw lets the transport dead-letter the event. MailFailed is published in both cases.
 */
@Injectable()
export class DeliverMailUseCase {
  private readonly logger = new Logger(DeliverMailUseCase.name);

  constructor(
    private readonly deliveries: DeliveriesRepository,
    private readonly mailer: Mailer,
    private readonly settings: MailSettings,
    private readonly events: OutboxEventFactory,
    private readonly sentNotRecorded: SentNotRecorded,
  ) {}

  async execute(request: DeliveryRequest, attempt: DeliveryAttempt): Promise<DeliveryOutcome> {
    // The events this delivery publishes name their cause by a UUID; checked before anything is sent.
    if (!UUID.test(request.causedBy)) {
      throw new InvalidInputError(
        `Die Ereignis-ID ${request.causedBy} ist keine UUID; keine E-Mail versandt.`,
      );
    }
    const id = request.deliveryId ?? deliveryIdOf(request.kind, request.causedBy);

    let mail: ComposedMail;
    try {
      mail = await request.compose();
    } catch (error) {
      if (!(error instanceof MailNotReadyError)) throw error;
      const earlier = await this.deliveries.find(id);
      if (earlier && isSettled(earlier, attempt)) return this.skip(earlier);
      if (error instanceof MailCannotBeComposedError) {
        await this.failUnsent(request, id, earlier, error, attempt);
        return 'failed';
      }
      if (attempt.last) await this.failUnsent(request, id, earlier, error, attempt);
      throw new MailDeliveryError(id, error.message, attempt.last);
    }

    // Almost always the event's first handling: the delivery is created as `sending` in one insert.
    // Only when it exists (handled again) is it read, and then never sent again once settled.
    let delivery = await this.deliveries.createSending(this.newDelivery(request, id, mail.to.address));
    let attempts = 1;
    if (!delivery) {
      const earlier = await this.deliveries.find(id);
      if (!earlier) throw new Error(`Delivery ${id} exists and does not: the database is inconsistent`);
      if (isSettled(earlier, attempt)) return this.skip(earlier);
      const sentAt = this.sentNotRecorded.of(id);
      if (sentAt) {
        this.logger.warn(
          `Delivery ${id} went out at ${sentAt.toISOString()}, but the database did not take it as sent: ` +
            'recording it now instead of sending it again',
        );
        return this.recordSent(request, id, sentAt, earlier.attempts);
      }
      if (earlier.status === 'sending') {
        this.logger.warn(
          `Delivery ${id} was left "sending" (a service stopped during the SMTP call or before it ` +
            `recorded the answer): sending it again with the same Message-ID ${earlier.messageId}`,
        );
      }
      attempts = earlier.attempts + 1;
      await this.deliveries.markSending(id, attempts);
      delivery = earlier;
    }
    try {
      await this.mailer.send(outgoingMail(delivery.messageId, request.subject, mail));
    } catch (error) {
      return this.onSmtpFailure(request, delivery, mail, attempts, error, attempt);
    }
    return this.recordSent(request, id, new Date(), attempts);
  }

  /**
   * Stores `sent`, with MailSent in its outbox. Should the database not take it, the mail has gone
   * out all the same: that is remembered for the event's next handling, which only records it.
   */
  private async recordSent(
    request: DeliveryRequest,
    id: string,
    sentAt: Date,
    attempts: number,
  ): Promise<DeliveryOutcome> {
    await this.sentNotRecorded.record(id, sentAt, () =>
      this.deliveries.markSent(
        id,
        sentAt,
        this.outcomeOf(request, id, (delivery) => delivery.sent(sentAt, attempts)),
      ),
    );
    countMail(request.kind, 'sent');
    return 'sent';
  }

  private async onSmtpFailure(
    request: DeliveryRequest,
    delivery: DeliveryRecord,
    mail: ComposedMail,
    attempts: number,
    error: unknown,
    attempt: DeliveryAttempt,
  ): Promise<DeliveryOutcome> {
    const failure = classifySmtpFailure(error);
    const permanent = failure.kind === 'permanent';
    if (permanent) this.logger.warn(`Delivery ${delivery.id} refused for good: ${failure.reason}`);
    if (permanent || attempt.last) {
      await this.deliveries.markFailed(
        delivery.id,
        failure.reason,
        attempts,
        this.outcomeOf(request, delivery.id, (outcome) => outcome.failed(failure.reason, attempts)),
        storedMailOf(mail),
      );
    } else {
      await this.deliveries.markQueuedForRetry(delivery.id, failure.reason);
    }
    countMail(request.kind, permanent || attempt.last ? 'failed' : 'retrying');
    if (permanent) return 'failed';
    throw new MailDeliveryError(delivery.id, failure.reason, attempt.last);
  }

  /** The mail could not even be written (no contact, unreadable link): failed without an SMTP attempt. */
  private async failUnsent(
    request: DeliveryRequest,
    id: string,
    earlier: DeliveryRecord | undefined,
    error: MailNotReadyError,
    attempt: DeliveryAttempt,
  ): Promise<void> {
    const reason = error.message;
    const attempts = Math.max(earlier?.attempts ?? 0, attempt.number);
    const events = this.outcomeOf(request, id, (delivery) => delivery.failed(reason, attempts));
    if (earlier) await this.deliveries.markFailed(id, reason, attempts, events);
    else {
      await this.deliveries.createFailed(
        this.newDelivery(request, id, error.recipient ?? UNKNOWN_RECIPIENT),
        reason,
        attempts,
        events,
      );
    }
    countMail(request.kind, 'failed');
  }

  private newDelivery(request: DeliveryRequest, id: string, recipient: string): NewDelivery {
    return {
      id,
      messageId: messageIdOf(id, this.settings.messageIdDomain),
      kind: request.kind,
      ...(request.memberId ? { memberId: request.memberId } : {}),
      ...(request.eventId ? { eventId: request.eventId } : {}),
      causedBy: request.causedBy,
      ...(request.correlationId ? { correlationId: request.correlationId } : {}),
      recipient,
      subject: request.subject,
      createdAt: new Date(),
    };
  }

  /** The events of the delivery's outcome, as its aggregate records them. */
  private outcomeOf(
    request: DeliveryRequest,
    id: string,
    settle: (delivery: DeliveryAggregate) => void,
  ): OutboxEntry[] {
    const delivery = DeliveryAggregate.of({ id, ...request });
    settle(delivery);
    return this.events.entriesOf(id, delivery.takeFacts(), request.correlationId);
  }

  private skip(delivery: DeliveryRecord): DeliveryOutcome {
    this.logger.log(`Delivery ${delivery.id} is already ${delivery.status}; it is not sent again`);
    return delivery.status === 'sent' ? 'already-sent' : 'already-failed';
  }
}

/** Shown in the delivery log when no address was known. */
export const UNKNOWN_RECIPIENT = '(unbekannt)';

/**
 * Sent, failed (unless an operator redelivered the event that failed it), or failed and being sent
 * again at the office's request (ResendDeliveryUseCase).
 */
function isSettled(delivery: DeliveryRecord, attempt: DeliveryAttempt): boolean {
  return (
    delivery.status === 'sent' ||
    (delivery.status === 'failed' && !attempt.redelivery) ||
    delivery.resendRequestedAt !== undefined
  );
}

/** The written mail, kept with a failed delivery for a resend. */
export function storedMailOf(mail: ComposedMail): StoredMail {
  return {
    to: { name: mail.to.name, address: mail.to.address },
    html: mail.html,
    text: mail.text,
    ...(mail.headers ? { headers: { ...mail.headers } } : {}),
    ...(mail.attachments ? { attachments: mail.attachments.map((file) => ({ ...file })) } : {}),
  };
}
