import { RegistrationsRequests } from '@ic/contracts';
import { loungeSnapshot } from './registrations-fixtures';
import { RegistrationsService, staff, TestMember, testMember } from './registrations-service';

const SEATS = 500;
const PEOPLE = 2_000;

/**
 * The registration rush on two instances at once, every request landing on either (no partition
 * key): seats and waiting places are taken by conditional updates of the event's counters, so no
 * instance needs to be the only writer.
 */
describe('Registrations: the rush on two instances', () => {
  const service = new RegistrationsService();
  const members: TestMember[] = Array.from({ length: PEOPLE }, () => testMember());
  const lounge = loungeSnapshot({ capacity: SEATS });

  beforeAll(async () => {
    await service.startFresh();
    await service.start();
    await service.publishMembers(...members);
    await service.publishEvent(lounge);
  }, 180_000);

  afterAll(() => service.stop());

  it(`confirms exactly ${SEATS} of ${PEOPLE} concurrent registrations and gives waiting places 1–${PEOPLE - SEATS} without gaps`, async () => {
    const started = performance.now();
    const replies = await Promise.all(
      members.map((member) =>
        service.send(RegistrationsRequests.register, { eventId: lounge.eventId }, member.identity),
      ),
    );
    const elapsedMs = performance.now() - started;
    console.log(
      `${PEOPLE} registrations for ${SEATS} seats on two instances: ${Math.round(elapsedMs)} ms, ${Math.round((PEOPLE / elapsedMs) * 1000)} registrations/s`,
    );

    expect(replies.every((reply) => reply.created)).toBe(true);
    expect(replies.filter((reply) => reply.registration.status === 'confirmed')).toHaveLength(SEATS);
    const places = replies
      .flatMap((reply) => (reply.registration.waitingPlace ? [reply.registration.waitingPlace] : []))
      .sort((a, b) => a - b);
    expect(places).toEqual(Array.from({ length: PEOPLE - SEATS }, (_, index) => index + 1));

    await expect(
      service.send(RegistrationsRequests.stats, { eventId: lounge.eventId }, staff),
    ).resolves.toMatchObject({ confirmed: SEATS, waiting: PEOPLE - SEATS, cancelled: 0 });
    const waiting = await service.participants(lounge.eventId, { status: 'waiting' });
    expect(waiting.map((registration) => registration.waitingPlace)).toEqual(places);
    const counters = await service.db.collection('event_seats').findOne({ _id: lounge.eventId as never });
    expect(counters).toMatchObject({ confirmed: SEATS, waiting: PEOPLE - SEATS, steps: {} });
  }, 240_000);
});
