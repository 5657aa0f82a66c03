import {
  DelegationChangedEvent,
  PersonContact,
  RegistrationSessionsChangedEvent,
  RegistrationsRequests,
} from '@ic/contracts';
import { eventually } from '../../support/eventually';
import { dataOf } from '../../support/service-under-test';
import { circleSnapshot, DAY, forumSnapshot, next, workshop } from './registrations-fixtures';
import { RegistrationsService, staff, testMember } from './registrations-service';

/** Workshops of a Deutschlandforum and delegations to a Kommunalzirkel, against the real service. */
describe('Registrations: workshops and delegations', () => {
  const service = new RegistrationsService();

  beforeAll(() => service.startFresh());
  afterAll(() => service.stop());

  it('seats each workshop on its own and takes one workshop per parallel slot', async () => {
    const data = workshop('Daten teilen zwischen Kommunen', 40 * DAY, 1);
    const climate = workshop('Klimaanpassung im ländlichen Raum', 40 * DAY, 5);
    const region = workshop('Smarte Region', 41 * DAY, 5);
    const forum = forumSnapshot([data, climate, region], 10);
    const [first, second, third] = [testMember(), testMember(), testMember()];
    await service.publishMembers(first, second, third);
    await service.publishEvent(forum);

    const a = await service.register(
      forum.eventId,
      { sessionIds: [data.sessionId, region.sessionId] },
      first.identity,
    );
    const b = await service.register(forum.eventId, { sessionIds: [data.sessionId] }, second.identity);

    expect(a.registration.sessions).toEqual([
      expect.objectContaining({ sessionId: data.sessionId, title: data.title, status: 'confirmed' }),
      expect.objectContaining({ sessionId: region.sessionId, status: 'confirmed' }),
    ]);
    expect(b.registration).toMatchObject({
      status: 'confirmed',
      sessions: [{ sessionId: data.sessionId, status: 'waiting', waitingPlace: 1 }],
    });
    await expect(
      service.send(RegistrationsRequests.seats, { eventId: forum.eventId }, third.identity),
    ).resolves.toEqual({
      eventId: forum.eventId,
      capacity: 10,
      seatsLeft: 8,
      waiting: 0,
      workshops: [
        { sessionId: data.sessionId, capacity: 1, seatsLeft: 0, waiting: 1 },
        { sessionId: climate.sessionId, capacity: 5, seatsLeft: 5, waiting: 0 },
        { sessionId: region.sessionId, capacity: 5, seatsLeft: 4, waiting: 0 },
      ],
    });
    await expect(
      service.problemOf(
        RegistrationsRequests.register,
        { eventId: forum.eventId, sessionIds: [data.sessionId, climate.sessionId] },
        third.identity,
      ),
    ).resolves.toMatchObject({ status: 422, rule: 'workshop-parallel-slot' });

    await service.send(
      RegistrationsRequests.cancel,
      { registrationId: a.registration.registrationId },
      first.identity,
    );

    const moved = await eventually(() => {
      const [event] = service.distinctPublished(forum.eventId, [RegistrationSessionsChangedEvent.type]);
      expect(event).toBeDefined();
      return dataOf(event, RegistrationSessionsChangedEvent);
    });
    expect(moved).toMatchObject({
      registrationId: b.registration.registrationId,
      cause: 'seat-freed',
      changes: [{ sessionId: data.sessionId, from: 'waiting', to: 'confirmed' }],
    });
    const workshopList = await service.participants(forum.eventId, {
      sessionId: data.sessionId,
      status: 'confirmed',
    });
    expect(workshopList.map((registration) => registration.registrationId)).toEqual([
      b.registration.registrationId,
    ]);
  });

  it('registers municipal delegations, by the member and by the office, and changes them until registration closes', async () => {
    const circle = circleSnapshot();
    const mayor = testMember({ municipality: { name: 'Pegnitz', ags: '09472175', population: 13_700 } });
    const cityMayor = testMember({
      municipality: { name: 'Regensburg', ags: '09362000', population: 157_400 },
    });
    await service.publishMembers(mayor, cityMayor);
    await service.publishEvent(circle);
    const person = (firstName: string, role: 'mayor' | 'administration' | 'civil-society') => ({
      firstName,
      lastName: 'Beispiel',
      role,
      email: `${firstName.toLowerCase()}@pegnitz.example`,
    });

    const own = await service.register(
      circle.eventId,
      { delegation: [{ ...person('Anna', 'mayor'), salutation: 'Frau' }, person('Bernd', 'administration')] },
      mayor.identity,
    );
    const byOffice = await service.register(
      circle.eventId,
      {
        municipality: { name: 'Hersbruck', ags: '09574132', population: 12_800 },
        delegation: [person('Carla', 'mayor')],
      },
      staff,
    );

    expect(own.registration).toMatchObject({
      status: 'confirmed',
      registrant: { kind: 'municipality', name: 'Pegnitz', memberId: mayor.memberId },
      delegation: [
        { firstName: 'Anna', role: 'mayor', email: 'anna@pegnitz.example' },
        { firstName: 'Bernd', role: 'administration' },
      ],
    });
    expect(byOffice.registration.registrant).toMatchObject({ kind: 'municipality', name: 'Hersbruck' });
    await expect(
      service.problemOf(
        RegistrationsRequests.register,
        { eventId: circle.eventId, delegation: [person('Dora', 'mayor')] },
        cityMayor.identity,
      ),
    ).resolves.toMatchObject({ status: 422, rule: 'target-group-population' });
    await expect(
      service.problemOf(
        RegistrationsRequests.register,
        {
          eventId: circle.eventId,
          municipality: { name: 'Betzenstein', ags: '09472117', population: 2_500 },
          delegation: ['A', 'B', 'C', 'D'].map((name) => person(`Person${name}`, 'administration')),
        },
        staff,
      ),
    ).resolves.toMatchObject({ status: 422, rule: 'delegation-size' });

    const [anna] = own.registration.delegation!;
    const changed = await service.send(
      RegistrationsRequests.changeDelegation,
      {
        registrationId: own.registration.registrationId,
        people: [
          { ...person('Anna', 'mayor'), personId: anna.personId, salutation: 'Frau' },
          person('Emil', 'civil-society'),
        ],
      },
      mayor.identity,
    );
    expect(changed.delegation!.map((kept) => kept.firstName)).toEqual(['Anna', 'Emil']);
    expect(changed.delegation![0].personId).toBe(anna.personId);

    const event = await eventually(() => {
      const [found] = service.distinctPublished(circle.eventId, [DelegationChangedEvent.type]);
      expect(found).toBeDefined();
      return dataOf(found, DelegationChangedEvent);
    });
    expect(event.added).toEqual([changed.delegation![1].personId]);
    expect(event.changed).toEqual([]);
    expect(event.removed).toHaveLength(1);
    // Each person is named only sealed; the notifications service opens it to write to them.
    const contacts = event.registration.delegation!.map(
      (sealed) => JSON.parse(service.sealer.open(sealed.contact)) as PersonContact,
    );
    expect(contacts.map((contact) => contact.email)).toEqual([
      'anna@pegnitz.example',
      'emil@pegnitz.example',
    ]);
    expect(JSON.stringify(event)).not.toContain('pegnitz.example');

    await expect(
      service.problemOf(
        RegistrationsRequests.changeDelegation,
        {
          registrationId: own.registration.registrationId,
          people: [1, 2, 3, 4].map((index) => person(`P${index}`, 'administration')),
        },
        mayor.identity,
      ),
    ).resolves.toMatchObject({ status: 422, rule: 'delegation-size' });

    await service.publishEvent(next(circle, { status: 'registration-closed' }));
    await expect(
      service.problemOf(
        RegistrationsRequests.changeDelegation,
        { registrationId: own.registration.registrationId, people: [person('Anna', 'mayor')] },
        mayor.identity,
      ),
    ).resolves.toMatchObject({ status: 422, rule: 'change-deadline' });
    const stats = await service.send(RegistrationsRequests.stats, { eventId: circle.eventId }, staff);
    expect(stats).toMatchObject({ confirmed: 2, confirmedPeople: 3 });
  });
});
