import { allEventContracts } from '@ic/contracts';
import { ContractRegistry, OutboxEventFactory } from '@ic/messaging';
import { randomUUID } from 'node:crypto';
import { DeliverMailUseCase, DeliveryRequest } from '../deliveries/deliver-mail/deliver-mail.usecase';
import { SentNotRecorded } from '../deliveries/sent-not-recorded';
import { MailReceipt, Mailer, OutgoingMail } from '../mail/mailer';
import { InMemoryDeliveries } from './in-memory-deliveries';
import { newMailSettings } from './registration-factories';

/** Records each mail and the delivery's state at the moment of the SMTP call; fails as told. */
export class FakeMailer extends Mailer {
  readonly sent: { mail: OutgoingMail; statusDuringSend?: string }[] = [];
  private readonly failures: Error[] = [];

  constructor(private readonly deliveries: InMemoryDeliveries) {
    super();
  }

  failNextWith(...errors: Error[]): void {
    this.failures.push(...errors);
  }

  send(mail: OutgoingMail): Promise<MailReceipt> {
    const statusDuringSend = [...this.deliveries.records.values()].find(
      (record) => record.messageId === mail.messageId,
    )?.status;
    this.sent.push({ mail, statusDuringSend });
    const failure = this.failures.shift();
    if (failure) return Promise.reject(failure);
    return Promise.resolve({ response: '250 OK: message queued' });
  }
}

/** DeliverMailUseCase on deliveries in memory, with a mailer that records what it is given. */
export function newTestUseCase() {
  const deliveries = new InMemoryDeliveries();
  const mailer = new FakeMailer(deliveries);
  const events = new OutboxEventFactory(new ContractRegistry(allEventContracts), '/ic/notifications');
  const sut = new DeliverMailUseCase(
    deliveries.asRepository(),
    mailer,
    newMailSettings(),
    events,
    new SentNotRecorded(),
  );
  return { sut, deliveries, mailer };
}

/** A mail to Dr. Anna Müller for a new event, as a consumer asks for it. */
export function request(overrides: Partial<DeliveryRequest> = {}): DeliveryRequest {
  return {
    kind: 'invitation',
    memberId: randomUUID(),
    causedBy: randomUUID(),
    correlationId: 'corr-1',
    subject: 'Ihre Berufung in den Innovators Club des DStGB',
    compose: () =>
      Promise.resolve({
        to: { name: 'Dr. Anna Müller', address: 'anna.mueller@stadt.example' },
        html: '<p>Sehr geehrte Frau Dr. Müller,</p>',
        text: 'Sehr geehrte Frau Dr. Müller,',
      }),
    ...overrides,
  };
}
