import {
  RegistrationChange,
  RegistrationConfirmedEvent,
  RegistrationsRequests,
  RegistrationWaitlistedEvent,
} from '@ic/contracts';
import { eventually } from '../../support/eventually';
import { dataOf } from '../../support/service-under-test';
import { loungeSnapshot } from './registrations-fixtures';
import { RegistrationsService, staff, TestMember, testMember } from './registrations-service';

const SEATS = 40;
const PEOPLE = 150;

/**
 * Two instances deciding about one event at the same time: requests keyed by their idempotency keys
 * spread over both. The conditional updates of the event's counters keep every seat given once.
 */
describe('Registrations: two instances at once', () => {
  const service = new RegistrationsService();
  const members: TestMember[] = Array.from({ length: PEOPLE }, () => testMember());
  const lounge = loungeSnapshot({ capacity: SEATS });

  beforeAll(async () => {
    await service.startFresh();
    await service.start();
    await service.publishMembers(...members);
    await service.publishEvent(lounge);
  });

  afterAll(() => service.stop());

  it('never confirms more than the capacity and numbers the waiting list without gaps', async () => {
    const started = performance.now();
    const registered = await Promise.all(
      members.map((member) =>
        // No partition key: each request lands on either instance.
        service.send(RegistrationsRequests.register, { eventId: lounge.eventId }, member.identity),
      ),
    );
    console.log(`${PEOPLE} registrations over two instances: ${Math.round(performance.now() - started)} ms`);

    expect(registered.filter((reply) => reply.registration.status === 'confirmed')).toHaveLength(SEATS);
    const places = registered.flatMap((reply) =>
      reply.registration.waitingPlace ? [reply.registration.waitingPlace] : [],
    );
    expect(places.sort((a, b) => a - b)).toEqual(
      Array.from({ length: PEOPLE - SEATS }, (_, index) => index + 1),
    );

    // Cancellations on both instances at once: each seat goes to the next in line, once.
    const confirmed = registered.filter((reply) => reply.registration.status === 'confirmed').slice(0, 10);
    await Promise.all(
      confirmed.map((reply) =>
        service.send(
          RegistrationsRequests.cancel,
          { registrationId: reply.registration.registrationId },
          staff,
        ),
      ),
    );
    await expect(
      service.send(RegistrationsRequests.stats, { eventId: lounge.eventId }, staff),
    ).resolves.toMatchObject({
      confirmed: SEATS,
      waiting: PEOPLE - SEATS - 10,
      cancelled: 10,
    });
    const waiting = await service.participants(lounge.eventId, { status: 'waiting' });
    expect(waiting.map((registration) => registration.waitingPlace)).toEqual(
      Array.from({ length: PEOPLE - SEATS - 10 }, (_, index) => index + 1),
    );

    const published = await eventually(() => {
      const events = service.distinctPublished(lounge.eventId, [
        RegistrationConfirmedEvent.type,
        RegistrationWaitlistedEvent.type,
      ]);
      expect(events).toHaveLength(PEOPLE);
      return events;
    });
    expect(
      new Set(
        published.map(
          (event) =>
            dataOf<RegistrationChange>(event, RegistrationConfirmedEvent, RegistrationWaitlistedEvent)
              .registrationId,
        ),
      ).size,
    ).toBe(PEOPLE);
  });
});
