import {
  DomainTopics,
  EventAnnouncedEvent,
  RegisteredEventChangedEvent,
  RegistrationConfirmedEvent,
} from '@ic/contracts';
import { newCloudEvent } from '@ic/messaging';
import { notificationsOrdering } from './notifications.ordering';

const eventId = '0b1d6a3e-8c1f-4e55-9d1e-2f6f0a7f1c11';

function cloudEvent(type: string, data: unknown) {
  return newCloudEvent({ type, source: '/test', subject: eventId, data });
}

describe('notificationsOrdering', () => {
  const sut = notificationsOrdering;

  it("orders a registration's events by the registration, not by the club event they share", () => {
    const first = cloudEvent(RegistrationConfirmedEvent.type, { registrationId: 'r-1' });
    const second = cloudEvent(RegistrationConfirmedEvent.type, { registrationId: 'r-2' });
    expect(sut.keyOf(first, DomainTopics.registrations)).toBe('registration:r-1');
    expect(sut.keyOf(second, DomainTopics.registrations)).not.toBe(
      sut.keyOf(first, DomainTopics.registrations),
    );
  });

  it('puts a registration event about the whole club event in line with everything', () => {
    const changed = cloudEvent(RegisteredEventChangedEvent.type, { eventId });
    expect(sut.keyOf(changed, DomainTopics.registrations)).toBeUndefined();
  });

  it('orders the events of the other topics by their aggregate', () => {
    const announced = cloudEvent(EventAnnouncedEvent.type, { eventId });
    expect(sut.keyOf(announced, DomainTopics.events)).toBe(eventId);
  });
});
