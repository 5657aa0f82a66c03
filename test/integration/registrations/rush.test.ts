import { RegisterReply, RegistrationsRequests } from '@ic/contracts';
import { UpstreamTimeoutError } from '@ic/platform';
import { randomUUID } from 'node:crypto';
import { eventually } from '../../support/eventually';
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

  /**
   * Registers; a request not answered within the client's 20 s (a machine busy with other work) is
   * sent again with the same idempotency key, as the gateway's client does, and gets the same answer.
   */
  async function registerPatiently(member: TestMember): Promise<RegisterReply> {
    const key = randomUUID();
    for (let attempt = 1; ; attempt++) {
      try {
        return await service.send(
          RegistrationsRequests.register,
          { eventId: lounge.eventId },
          member.identity,
          key,
        );
      } catch (error) {
        if (!(error instanceof UpstreamTimeoutError) || attempt >= 5) throw error;
      }
    }
  }

  it(`confirms exactly ${SEATS} of ${PEOPLE} concurrent registrations and gives waiting places 1–${PEOPLE - SEATS} without gaps`, async () => {
    const started = performance.now();
    const replies = await Promise.all(members.map((member) => registerPatiently(member)));
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
    // Each instance forgets its finished steps within a second of its last count.
    await eventually(async () => {
      const counters = await service.db.collection('event_seats').findOne({ _id: lounge.eventId as never });
      expect(counters).toMatchObject({ confirmed: SEATS, waiting: PEOPLE - SEATS, steps: {} });
    });
  }, 240_000);
});
