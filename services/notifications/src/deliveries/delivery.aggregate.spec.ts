import { MailFailedEvent, MailSentEvent } from '@ic/contracts';
import { DeliveryAggregate } from './delivery.aggregate';

const cause = {
  id: 'invitation:4711',
  kind: 'invitation' as const,
  memberId: 'member-1',
  causedBy: 'event-1',
};

describe(DeliveryAggregate.name, () => {
  it('records MailSent with the time and the attempts', () => {
    const sut = DeliveryAggregate.of(cause);

    sut.sent(new Date('2027-03-01T09:00:00.000Z'), 2);

    expect(sut.takeFacts()).toEqual([
      {
        contract: MailSentEvent,
        data: {
          deliveryId: 'invitation:4711',
          kind: 'invitation',
          memberId: 'member-1',
          causedBy: 'event-1',
          sentAt: '2027-03-01T09:00:00.000Z',
          attempts: 2,
        },
      },
    ]);
  });

  it('records MailFailed with the reason, counting a mail never written as one attempt', () => {
    const sut = DeliveryAggregate.of({ ...cause, memberId: undefined });

    sut.failed('Keine Adresse bekannt', 0);

    expect(sut.takeFacts()).toEqual([
      {
        contract: MailFailedEvent,
        data: {
          deliveryId: 'invitation:4711',
          kind: 'invitation',
          causedBy: 'event-1',
          reason: 'Keine Adresse bekannt',
          attempts: 1,
        },
      },
    ]);
  });
});
