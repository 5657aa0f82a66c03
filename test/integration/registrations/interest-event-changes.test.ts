import {
  InterestDeclaredEvent,
  InterestRegistrationOpenedEvent,
  RegisteredEventChangedEvent,
  RegistrationCancelledEvent,
  RegistrationPromotedEvent,
  RegistrationsRequests,
} from '@ic/contracts';
import { eventually } from '../../support/eventually';
import { dataOf } from '../../support/service-under-test';
import { circleSnapshot, DAY, loungeSnapshot, next } from './registrations-fixtures';
import { RegistrationsService, staff, testMember } from './registrations-service';

/** Interest before registration opens, and what the event's changes do to its registrations, against the real service. */
describe('Registrations: interest and the event’s changes', () => {
  const service = new RegistrationsService();

  beforeAll(() => service.startFresh());
  afterAll(() => service.stop());

  it('takes interest before registration opens and tells each holder exactly once when it opens', async () => {
    const announced = circleSnapshot('announced');
    const mayor = testMember({ municipality: { name: 'Velden', ags: '09574160', population: 1_800 } });
    await service.publishMembers(mayor);
    await service.publishEvent(announced);

    const own = await service.send(
      RegistrationsRequests.declareInterest,
      { eventId: announced.eventId },
      mayor.identity,
    );
    const again = await service.send(
      RegistrationsRequests.declareInterest,
      { eventId: announced.eventId },
      mayor.identity,
    );
    const byOffice = await service.send(
      RegistrationsRequests.declareInterest,
      {
        eventId: announced.eventId,
        municipality: { name: 'Pegnitz', ags: '09472175', population: 13_700 },
        contact: { firstName: 'Anna', lastName: 'Beispiel', email: 'anna@pegnitz.example' },
      },
      staff,
    );
    expect(own).toMatchObject({
      created: true,
      interest: { holder: { kind: 'municipality', memberId: mayor.memberId } },
    });
    expect(again).toMatchObject({ created: false, interest: { interestId: own.interest.interestId } });
    expect(byOffice.created).toBe(true);
    await expect(
      service.send(RegistrationsRequests.stats, { eventId: announced.eventId }, staff),
    ).resolves.toMatchObject({ interestedMunicipalities: 2, interestedMembers: 0 });
    await expect(
      service.send(RegistrationsRequests.listOwnInterests, { eventId: announced.eventId }, mayor.identity),
    ).resolves.toEqual({
      items: [
        expect.objectContaining({
          interestId: own.interest.interestId,
          event: expect.objectContaining({ title: announced.title, status: 'announced' }),
        }),
      ],
    });
    await expect(
      service.send(RegistrationsRequests.listOwnInterests, {}, testMember().identity),
    ).resolves.toEqual({ items: [] });

    const open = next(announced, { status: 'registration-open' });
    await service.publishEvent(open);
    // Delivered again (a retry of the events service's relay): nobody is told twice.
    await service.publishEvent(open);

    const told = await eventually(() => {
      const events = service.distinctPublished(announced.eventId, [InterestRegistrationOpenedEvent.type]);
      expect(events).toHaveLength(2);
      return events.map((event) => dataOf(event, InterestRegistrationOpenedEvent));
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(service.distinctPublished(announced.eventId, [InterestRegistrationOpenedEvent.type])).toHaveLength(
      2,
    );
    expect(service.distinctPublished(announced.eventId, [InterestDeclaredEvent.type])).toHaveLength(2);
    expect(told.map((event) => event.interestId).sort()).toEqual(
      [own.interest.interestId, byOffice.interest.interestId].sort(),
    );
    const contact = told.find((event) => event.holder.contact)!.holder.contact!;
    expect(JSON.parse(service.sealer.open(contact))).toMatchObject({ email: 'anna@pegnitz.example' });
    expect(told.every((event) => event.event.status === 'registration-open')).toBe(true);
    await expect(
      service.problemOf(
        RegistrationsRequests.declareInterest,
        { eventId: announced.eventId },
        testMember().identity,
      ),
    ).resolves.toMatchObject({ status: 422, rule: 'interest-not-open' });
  });

  it('promotes the waiting in order when the office adds seats, and tells everyone registered of a new date once', async () => {
    const lounge = loungeSnapshot({ capacity: 2 });
    const members = [testMember(), testMember(), testMember(), testMember()];
    await service.publishMembers(...members);
    await service.publishEvent(lounge);
    const registered = [];
    for (const member of members)
      registered.push((await service.register(lounge.eventId, {}, member.identity)).registration);

    const enlarged = next(lounge, { capacity: 3 });
    await service.publishUpdate(enlarged, ['capacity']);
    const promoted = await eventually(() => {
      const events = service.distinctPublished(lounge.eventId, [RegistrationPromotedEvent.type]);
      expect(events).toHaveLength(1);
      return dataOf(events[0], RegistrationPromotedEvent);
    });
    expect(promoted).toMatchObject({
      registrationId: registered[2].registrationId,
      cause: 'capacity-raised',
    });

    const moved = next(enlarged, {
      startsAt: lounge.endsAt,
      endsAt: new Date(Date.now() + 36 * DAY).toISOString(),
    });
    await service.publishUpdate(moved, ['schedule']);
    await service.publishUpdate(moved, ['schedule']);
    const notice = await eventually(() => {
      const events = service.distinctPublished(lounge.eventId, [RegisteredEventChangedEvent.type]);
      expect(events).toHaveLength(1);
      return dataOf(events[0], RegisteredEventChangedEvent);
    });
    expect(notice).toMatchObject({ eventRevision: moved.revision, changed: ['schedule'], part: 1, parts: 1 });
    expect(notice.registrations.map((registration) => registration.status)).toEqual([
      'confirmed',
      'confirmed',
      'confirmed',
      'waiting',
    ]);
  });

  it('cancels every registration when the event is cancelled, with the cause', async () => {
    const lounge = loungeSnapshot({ capacity: 1 });
    const members = [testMember(), testMember()];
    await service.publishMembers(...members);
    await service.publishEvent(lounge);
    for (const member of members) await service.register(lounge.eventId, {}, member.identity);

    await service.publishCancelled(
      next(lounge, {
        status: 'cancelled',
        cancellation: {
          reason: 'Der Saal steht nicht zur Verfügung.',
          cancelledAt: new Date().toISOString(),
        },
      }),
      'registration-open',
    );

    const cancelled = await eventually(() => {
      const events = service.distinctPublished(lounge.eventId, [RegistrationCancelledEvent.type]);
      expect(events).toHaveLength(2);
      return events.map((event) => dataOf(event, RegistrationCancelledEvent));
    });
    expect(cancelled.map((event) => [event.cause, event.previousStatus, event.by])).toEqual([
      ['event-cancelled', 'confirmed', undefined],
      ['event-cancelled', 'waiting', undefined],
    ]);
    expect(cancelled[0].event.cancellation?.reason).toBe('Der Saal steht nicht zur Verfügung.');
    expect(service.distinctPublished(lounge.eventId, [RegistrationPromotedEvent.type])).toEqual([]);
    await expect(
      service.problemOf(RegistrationsRequests.register, { eventId: lounge.eventId }, testMember().identity),
    ).resolves.toMatchObject({ status: 422, rule: 'event-cancelled' });
  });
});
