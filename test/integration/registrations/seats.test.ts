import {
  RegistrationCancelledEvent,
  RegistrationChange,
  RegistrationConfirmedEvent,
  RegistrationPromotedEvent,
  RegistrationReply,
  RegistrationsRequests,
  RegistrationWaitlistedEvent,
} from '@ic/contracts';
import { RemoteProblemError } from '@ic/platform';
import { eventually } from '../../support/eventually';
import { dataOf } from '../../support/service-under-test';
import { loungeSnapshot } from './registrations-fixtures';
import { memberIdentity, RegistrationsService, staff, TestMember, testMember } from './registrations-service';

const SEATS = 50;
const BURST = 300;
const seatContracts = [RegistrationConfirmedEvent, RegistrationWaitlistedEvent];
const seatTypes = seatContracts.map((contract) => contract.type);

/**
 * Seats under concurrency, against the real service on real Kafka and the MongoDB-protocol server.
 * No membership or events service runs: the test publishes their events, and the service decides
 * from its replicas.
 */
describe('Registrations: seats and the waiting list', () => {
  const service = new RegistrationsService();
  const members: TestMember[] = Array.from({ length: BURST + 10 }, () => testMember());
  const lounge = loungeSnapshot({ capacity: SEATS });
  let burst: RegistrationReply[] = [];

  beforeAll(async () => {
    await service.startFresh();
    await service.publishMembers(...members);
    await service.publishEvent(lounge);
  });

  afterAll(() => service.stop());

  it(`confirms exactly ${SEATS} of ${BURST} concurrent registrations and puts the others on the waiting list at places 1–${BURST - SEATS}`, async () => {
    const started = performance.now();
    const replies = await Promise.all(
      members.slice(0, BURST).map((member) => service.register(lounge.eventId, {}, member.identity)),
    );
    const elapsedMs = performance.now() - started;
    console.log(
      `${BURST} concurrent registrations for ${SEATS} seats: ${Math.round(elapsedMs)} ms, ${Math.round((BURST / elapsedMs) * 1000)} registrations/s`,
    );
    burst = replies.map((reply) => reply.registration);

    expect(replies.every((reply) => reply.created)).toBe(true);
    expect(burst.filter((registration) => registration.status === 'confirmed')).toHaveLength(SEATS);
    const places = burst.flatMap((registration) =>
      registration.waitingPlace ? [registration.waitingPlace] : [],
    );
    expect(places.sort((a, b) => a - b)).toEqual(
      Array.from({ length: BURST - SEATS }, (_, index) => index + 1),
    );

    const events = await eventually(() => {
      const published = service.distinctPublished(lounge.eventId, seatTypes);
      expect(published).toHaveLength(BURST);
      return published;
    }, 30_000);
    const registrationsOf = (type: string) =>
      events
        .filter((event) => event.type === type)
        .map((event) => dataOf<RegistrationChange>(event, ...seatContracts).registration);
    expect(registrationsOf(RegistrationConfirmedEvent.type)).toHaveLength(SEATS);
    // Each registration publishes from its own document, so the waiting list's events arrive in any order.
    expect(
      registrationsOf(RegistrationWaitlistedEvent.type)
        .map((registration) => registration.waitingPlace ?? 0)
        .sort((a, b) => a - b),
    ).toEqual(Array.from({ length: BURST - SEATS }, (_, index) => index + 1));
    // One event per registration, each keyed by the event: one partition, so one consumer, per event.
    expect(
      new Set(events.map((event) => dataOf<RegistrationChange>(event, ...seatContracts).registrationId)).size,
    ).toBe(BURST);
    expect(events.every((event) => event.key === lounge.eventId)).toBe(true);
  });

  it('gives the seats of 10 cancelling members to places 1–10 of the waiting list, in order, at once', async () => {
    const confirmed = burst.filter((registration) => registration.status === 'confirmed').slice(0, 10);
    const waitingInOrder = burst
      .filter((registration) => registration.status === 'waiting')
      .sort((a, b) => (a.waitingPlace ?? 0) - (b.waitingPlace ?? 0));

    await Promise.all(
      confirmed.map((registration) =>
        service.send(
          RegistrationsRequests.cancel,
          { registrationId: registration.registrationId },
          { subject: registration.registrant.memberId!, roles: ['member'] },
        ),
      ),
    );

    const promoted = await eventually(() => {
      const events = service.distinctPublished(lounge.eventId, [RegistrationPromotedEvent.type]);
      expect(events).toHaveLength(10);
      return events.map((event) => dataOf(event, RegistrationPromotedEvent));
    });
    expect(new Set(promoted.map((event) => event.registrationId))).toEqual(
      new Set(waitingInOrder.slice(0, 10).map((registration) => registration.registrationId)),
    );
    // The seat counts an event carries are the counters right after its write: with ten cancellations at
    // once, a promotion may be written while another cancelled seat is not given on yet.
    expect(promoted.every((event) => event.cause === 'seat-freed' && event.seats.confirmed <= SEATS)).toBe(
      true,
    );
    expect(service.distinctPublished(lounge.eventId, [RegistrationCancelledEvent.type])).toHaveLength(10);

    const nowWaiting = await service.participants(lounge.eventId, { status: 'waiting' });
    expect(nowWaiting.map((registration) => registration.registrationId)).toEqual(
      waitingInOrder.slice(10).map((registration) => registration.registrationId),
    );
    expect(nowWaiting.map((registration) => registration.waitingPlace)).toEqual(
      Array.from({ length: BURST - SEATS - 10 }, (_, index) => index + 1),
    );
    const stats = await service.send(RegistrationsRequests.stats, { eventId: lounge.eventId }, staff);
    expect(stats).toMatchObject({
      capacity: SEATS,
      confirmed: SEATS,
      waiting: BURST - SEATS - 10,
      cancelled: 10,
    });
  });

  it('answers a second registration of the same member with the first, publishing nothing', async () => {
    const first = burst.find((registration) => registration.status === 'waiting')!;
    const before = service.eventsOfType(lounge.eventId).length;

    const again = await service.register(lounge.eventId, {}, memberIdentity(first.registrant.memberId!));

    expect(again.created).toBe(false);
    expect(again.registration.registrationId).toBe(first.registrationId);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(service.eventsOfType(lounge.eventId)).toHaveLength(before);
  });

  it('refuses ineligible, late, misplaced and malformed registrations with a clear problem, storing and publishing nothing', async () => {
    const [inactive, outsider, late] = members.slice(BURST, BURST + 3);
    await service.deactivate(inactive.memberId);
    const closed = loungeSnapshot({ capacity: 10, status: 'registration-closed' });
    await service.publishEvent(closed);
    const targetGroupLounge = loungeSnapshot({
      capacity: 10,
      audience: 'target-group',
      targetGroup: { federalStates: ['NW'], maxPopulation: 50_000 },
    });
    await service.publishEvent(targetGroupLounge);
    const before = { lounge: service.eventsOfType(lounge.eventId).length };
    const problem = (eventId: string, body: object, identity = outsider.identity) =>
      service.problemOf(RegistrationsRequests.register, { ...body, eventId }, identity);

    await expect(problem(lounge.eventId, {}, inactive.identity)).resolves.toMatchObject({
      status: 422,
      rule: 'member-active',
      detail: 'Anmelden können sich nur aktive Mitglieder des Innovators Club.',
    });
    await expect(problem(closed.eventId, {}, late.identity)).resolves.toMatchObject({
      status: 422,
      rule: 'registration-closed',
    });
    await expect(problem(targetGroupLounge.eventId, {})).resolves.toMatchObject({
      status: 422,
      rule: 'target-group-federal-state',
      detail: 'Diese Veranstaltung richtet sich an Kommunen in Nordrhein-Westfalen.',
    });
    await expect(problem(lounge.eventId, { delegation: [] })).resolves.toMatchObject({
      status: 400,
      errors: [expect.objectContaining({ field: 'delegation' })],
    });
    await expect(problem(lounge.eventId, { sessionIds: ['workshop-1'] })).resolves.toMatchObject({
      status: 400,
      errors: [expect.objectContaining({ field: 'sessionIds' })],
    });
    await expect(problem(lounge.eventId, { memberId: outsider.memberId })).resolves.toMatchObject({
      status: 403,
    });
    // The office names one registrant of three: none is a rule broken, not a malformed request.
    await expect(problem(lounge.eventId, {}, staff)).resolves.toMatchObject({ status: 422 });
    await expect(problem(loungeSnapshot().eventId, {})).resolves.toMatchObject({ status: 404 });

    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(service.eventsOfType(lounge.eventId)).toHaveLength(before.lounge);
    expect(service.eventsOfType(closed.eventId)).toEqual([]);
    expect(service.eventsOfType(targetGroupLounge.eventId)).toEqual([]);
    const stored = await service.db.collection('registrations').countDocuments({
      $or: [
        { eventId: { $in: [closed.eventId, targetGroupLounge.eventId] } },
        { 'registrant.memberId': { $in: [inactive.memberId, outsider.memberId, late.memberId] } },
      ],
    });
    expect(stored).toBe(0);
    await expect(
      service.send(RegistrationsRequests.stats, { eventId: lounge.eventId }, staff),
    ).resolves.toMatchObject({ confirmed: SEATS, waiting: BURST - SEATS - 10, cancelled: 10 });
  });

  it('lets only the registrant and the office see a registration', async () => {
    const [owner, other] = [members[0], members[1]];
    const registrationId = burst[0].registrationId;

    await expect(
      service.send(RegistrationsRequests.get, { registrationId }, owner.identity),
    ).resolves.toMatchObject({ registrationId, registrant: { memberId: owner.memberId } });
    const refused = await service
      .send(RegistrationsRequests.get, { registrationId }, other.identity)
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RemoteProblemError);
    expect((refused as RemoteProblemError).problem.status).toBe(404);
  });
});
