import { MailFailedEvent, MailSentEvent } from '@ic/contracts';
import { Aggregate } from '@ic/platform';
import { DeliveryRecord } from './deliveries.repository';

/** What a delivery's outcome tells about it: which mail, for whom, caused by which event. */
export type DeliveryCause = Pick<DeliveryRecord, 'id' | 'kind' | 'memberId' | 'causedBy'>;

interface DeliveryOutcome extends DeliveryCause {
  readonly settled?: 'sent' | 'failed';
}

/**
 * One delivery's outcome, told to the other services: sent (MailSent) or failed for good
 * (MailFailed), with the attempts it took. The deliveries repository stores the status with the
 * facts' events in one write.
 */
export class DeliveryAggregate extends Aggregate<DeliveryOutcome> {
  private constructor(cause: DeliveryOutcome) {
    super(cause);
  }

  static of({ id, kind, memberId, causedBy }: DeliveryCause): DeliveryAggregate {
    return new DeliveryAggregate({ id, kind, ...(memberId ? { memberId } : {}), causedBy });
  }

  /** The SMTP server accepted the mail at `at`, on attempt `attempts`. */
  sent(at: Date, attempts: number): void {
    this.change({ ...this.state, settled: 'sent' });
    this.record(MailSentEvent, { ...this.cause, sentAt: at.toISOString(), attempts });
  }

  /** The mail cannot be delivered (`reason`); a mail that could not even be written counts one attempt. */
  failed(reason: string, attempts: number): void {
    this.change({ ...this.state, settled: 'failed' });
    this.record(MailFailedEvent, { ...this.cause, reason, attempts: Math.max(1, attempts) });
  }

  private get cause() {
    const { id, kind, memberId, causedBy } = this.state;
    return { deliveryId: id, kind, ...(memberId ? { memberId } : {}), causedBy };
  }
}
