import {
  RegistrationChange,
  RegistrationConfirmedEvent,
  RegistrationsRequests,
  RegistrationWaitlistedEvent,
} from '@ic/contracts';
import { randomUUID } from 'node:crypto';
import { eventually } from '../../support/eventually';
import { dataOf } from '../../support/service-under-test';
import { loungeSnapshot } from './registrations-fixtures';
import { RegistrationsService, TestMember, testMember } from './registrations-service';

const SEATS = 40;
const PEOPLE = 120;
const seatContracts = [RegistrationConfirmedEvent, RegistrationWaitlistedEvent];
const seatTypes = seatContracts.map((contract) => contract.type);

/**
 * SIGKILL in the middle of a burst: requests in flight are lost with the process, their clients
 * retry (a new request, as after a timeout), and the restarted service finishes the work. Every
 * member ends up with one registration, the seats and places are whole, and each registration's
 * outcome is published once (the relay may send an event again; its id stays the same).
 */
describe('Registrations: killed in the middle of a burst', () => {
  const service = new RegistrationsService();
  const members: TestMember[] = Array.from({ length: PEOPLE }, () => testMember());
  const lounge = loungeSnapshot({ capacity: SEATS });

  afterAll(() => service.stop());

  it('loses no registration and makes none twice', async () => {
    const first = await service.startFresh();
    await service.publishMembers(...members);
    await service.publishEvent(lounge);

    let answered = 0;
    const burst = members.map((member) =>
      service.register(lounge.eventId, {}, member.identity).then(
        (reply) => {
          answered++;
          return reply.registration.registrationId;
        },
        () => undefined,
      ),
    );
    await eventually(() => expect(answered).toBeGreaterThanOrEqual(PEOPLE / 4), 60_000, 5);
    await first.kill();
    console.log(`Killed the registrations service after ${answered} of ${PEOPLE} answers`);
    await service.start();

    const outcomes = await Promise.all(burst);
    const retried = outcomes.filter((outcome) => outcome === undefined).length;
    // The clients that got no answer try again, until the restarted service answers.
    await Promise.all(
      outcomes.flatMap((outcome, index) =>
        outcome
          ? []
          : [
              eventually(
                () => service.register(lounge.eventId, {}, members[index].identity, randomUUID()),
                120_000,
                1000,
              ),
            ],
      ),
    );
    console.log(`${retried} registrations were retried after the restart`);

    const stats = await service.send(
      RegistrationsRequests.stats,
      { eventId: lounge.eventId },
      { subject: 'staff-test', roles: ['staff'] },
    );
    expect(stats).toMatchObject({ confirmed: SEATS, waiting: PEOPLE - SEATS, cancelled: 0 });
    const waiting = await service.participants(lounge.eventId, { status: 'waiting' });
    expect(waiting.map((registration) => registration.waitingPlace)).toEqual(
      Array.from({ length: PEOPLE - SEATS }, (_, index) => index + 1),
    );
    const registrants = await service.participants(lounge.eventId);
    expect(new Set(registrants.map((registration) => registration.registrant.memberId)).size).toBe(PEOPLE);

    const published = await eventually(() => {
      const events = service.distinctPublished(lounge.eventId, seatTypes);
      expect(events).toHaveLength(PEOPLE);
      return events;
    }, 60_000);
    const perRegistration = new Map<string, number>();
    for (const event of published) {
      const id = dataOf<RegistrationChange>(event, ...seatContracts).registrationId;
      perRegistration.set(id, (perRegistration.get(id) ?? 0) + 1);
    }
    expect([...perRegistration.values()].every((count) => count === 1)).toBe(true);
    expect(perRegistration.size).toBe(PEOPLE);
  });
});
