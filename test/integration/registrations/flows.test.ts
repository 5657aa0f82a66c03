import {
  AttendanceRecordedEvent,
  DelegationChangedEvent,
  formatBerlinTime,
  InterestDeclaredEvent,
  InterestRegistrationOpenedEvent,
  PersonContact,
  RegisteredEventChangedEvent,
  RegistrationCancelledEvent,
  RegistrationPromotedEvent,
  RegistrationSessionsChangedEvent,
  RegistrationsRequests,
} from '@ic/contracts';
import { randomUUID } from 'node:crypto';
import { eventually } from '../../support/eventually';
import { dataOf } from '../../support/service-under-test';
import { circleSnapshot, forumSnapshot, loungeSnapshot, next, workshop } from './registrations-fixtures';
import { RegistrationsService, staff, testMember } from './registrations-service';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** Workshops, delegations, interest, the event's changes and the check-in, against the real service. */
describe('Registrations: workshops, delegations, interest and the event’s changes', () => {
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

  it('marks attendance once per person, only on the event’s day, and counts the no-shows once the event is held', async () => {
    const lounge = loungeSnapshot({ capacity: 5 });
    const members = [testMember(), testMember(), testMember()];
    await service.publishMembers(...members);
    await service.publishEvent(lounge);
    const registrations = [];
    for (const member of members)
      registrations.push((await service.register(lounge.eventId, {}, member.identity)).registration);
    const checkIn = (registrationId: string, attended = true) =>
      service.send(RegistrationsRequests.recordAttendance, { registrationId, attended }, staff);

    // Five weeks before the event the door is not open yet: refused in words, nothing published.
    await expect(
      service.problemOf(
        RegistrationsRequests.recordAttendance,
        { registrationId: registrations[0].registrationId, attended: true },
        staff,
      ),
    ).resolves.toMatchObject({
      status: 422,
      rule: 'attendance-not-today',
      detail: expect.stringContaining('Der Einlass ist nur am Tag der Veranstaltung möglich'),
    });

    // The event takes place now (registration closed): the door is open.
    const today = next(lounge, {
      status: 'registration-closed',
      startsAt: formatBerlinTime(new Date(Date.now() - HOUR)),
      endsAt: formatBerlinTime(new Date(Date.now() + HOUR)),
    });
    await service.publishEvent(today);
    await Promise.all([checkIn(registrations[0].registrationId), checkIn(registrations[0].registrationId)]);
    await checkIn(registrations[1].registrationId);
    // A mistaken tick, taken back.
    await checkIn(registrations[2].registrationId);
    await expect(checkIn(registrations[2].registrationId, false)).resolves.toMatchObject({ attended: false });
    await expect(
      service.problemOf(
        RegistrationsRequests.recordAttendance,
        { registrationId: registrations[2].registrationId, attended: true },
        members[2].identity,
      ),
    ).resolves.toMatchObject({ status: 403 });

    const marks = await eventually(() => {
      const published = service.distinctPublished(lounge.eventId, [AttendanceRecordedEvent.type]);
      expect(published).toHaveLength(4);
      return published.map((event) => dataOf(event, AttendanceRecordedEvent));
    });
    expect(marks.map((mark) => [mark.registrationId, mark.attended])).toEqual(
      expect.arrayContaining([
        [registrations[0].registrationId, true],
        [registrations[1].registrationId, true],
        [registrations[2].registrationId, true],
        [registrations[2].registrationId, false],
      ]),
    );
    await expect(
      service.send(RegistrationsRequests.stats, { eventId: lounge.eventId }, staff),
    ).resolves.not.toHaveProperty('noShows');
    await service.publishEvent(next(today, { status: 'held' }));
    await expect(
      service.send(RegistrationsRequests.stats, { eventId: lounge.eventId }, staff),
    ).resolves.toMatchObject({
      confirmed: 3,
      attendedPeople: 2,
      noShows: 1,
    });
  });

  it('checks a Kommunalzirkel’s delegation in per person and per module, on that module’s day', async () => {
    const planned = circleSnapshot('registration-closed');
    const [later] = planned.circle!.modules;
    const todays = {
      moduleId: randomUUID(),
      title: 'Modul 2: Werkstatt in Hersbruck',
      startsAt: formatBerlinTime(new Date(Date.now() - HOUR)),
      endsAt: formatBerlinTime(new Date(Date.now() + HOUR)),
      guidingQuestions: [],
    };
    const circle = { ...planned, circle: { ...planned.circle!, modules: [later, todays] } };
    await service.publishEvent({ ...circle, status: 'registration-open' });
    const { registration } = await service.register(
      circle.eventId,
      {
        municipality: { name: 'Hersbruck', ags: '09574132', population: 12_800 },
        delegation: [
          {
            salutation: 'Frau',
            firstName: 'Carla',
            lastName: 'Beispiel',
            role: 'mayor',
            email: 'carla@hersbruck.example',
          },
          {
            firstName: 'Dirk',
            lastName: 'Beispiel',
            role: 'administration',
            email: 'dirk@hersbruck.example',
          },
        ],
      },
      staff,
    );
    await service.publishEvent(next(circle, { status: 'registration-closed' }));
    const [carla, dirk] = registration.delegation!;
    const mark = (personId: string | undefined, moduleId: string | undefined, attended: boolean) =>
      service.problemOf(
        RegistrationsRequests.recordAttendance,
        { registrationId: registration.registrationId, personId, moduleId, attended },
        staff,
      );

    await expect(mark(carla.personId, undefined, true)).resolves.toMatchObject({
      status: 422,
      rule: 'attendance-module-required',
    });
    await expect(mark(carla.personId, later.moduleId, true)).resolves.toMatchObject({
      status: 422,
      rule: 'attendance-not-today',
      detail: expect.stringContaining('Der Einlass ist nur am Tag des Moduls „Modul 1: Auftakt in Pegnitz“'),
    });
    await expect(mark(undefined, todays.moduleId, true)).resolves.toMatchObject({
      status: 400,
      errors: [
        { field: 'personId', message: 'Bei einer Delegation nennen Sie bitte die Person (personId).' },
      ],
    });
    const send = (personId: string, attended: boolean) =>
      service.send(
        RegistrationsRequests.recordAttendance,
        { registrationId: registration.registrationId, personId, moduleId: todays.moduleId, attended },
        staff,
        'check-in-' + personId + String(attended),
      );
    // The same tick twice (a retry with its key, and a second request): one mark.
    await send(carla.personId, true);
    await send(carla.personId, true);
    await service.send(
      RegistrationsRequests.recordAttendance,
      {
        registrationId: registration.registrationId,
        personId: carla.personId,
        moduleId: todays.moduleId,
        attended: true,
      },
      staff,
    );
    await send(dirk.personId, true);
    const undone = await send(dirk.personId, false);

    expect(undone.delegation).toEqual([
      expect.objectContaining({
        personId: carla.personId,
        attended: true,
        attendedModules: [todays.moduleId],
      }),
      expect.objectContaining({ personId: dirk.personId, attended: false, attendedModules: [] }),
    ]);
    const marks = await eventually(() => {
      const published = service.distinctPublished(circle.eventId, [AttendanceRecordedEvent.type]);
      expect(published).toHaveLength(3);
      return published.map((event) => dataOf(event, AttendanceRecordedEvent));
    });
    expect(marks.map((data) => [data.personId, data.moduleId, data.attended])).toEqual(
      expect.arrayContaining([
        [carla.personId, todays.moduleId, true],
        [dirk.personId, todays.moduleId, true],
        [dirk.personId, todays.moduleId, false],
      ]),
    );
    await expect(
      service.send(RegistrationsRequests.stats, { eventId: circle.eventId }, staff),
    ).resolves.toMatchObject({ attendedPeople: 1 });
  });

  it('lists the participants with filters and cursor paging, and a member their own registrations', async () => {
    const lounge = loungeSnapshot({ capacity: 3 });
    const bavarian = [testMember(), testMember(), testMember()];
    const fromNrw = [
      testMember({
        federalState: 'NW',
        sector: 'Wirtschaft',
        municipality: undefined,
        organisation: 'Stadtwerke Lemgo',
      }),
    ];
    await service.publishMembers(...bavarian, ...fromNrw);
    await service.publishEvent(lounge);
    for (const member of [...bavarian, ...fromNrw])
      await service.register(lounge.eventId, {}, member.identity);

    const firstPage = await service.send(
      RegistrationsRequests.participants,
      { eventId: lounge.eventId, limit: 2 },
      staff,
    );
    const secondPage = await service.send(
      RegistrationsRequests.participants,
      { eventId: lounge.eventId, limit: 2, cursor: firstPage.nextCursor! },
      staff,
    );
    expect([...firstPage.items, ...secondPage.items].map((item) => item.registrant.memberId)).toEqual(
      [...bavarian, ...fromNrw].map((member) => member.memberId),
    );
    expect(secondPage.nextCursor).toBeNull();
    const waiting = await service.participants(lounge.eventId, { status: 'waiting' });
    expect(waiting).toEqual([
      expect.objectContaining({
        waitingPlace: 1,
        registrant: expect.objectContaining({ memberId: fromNrw[0].memberId }),
      }),
    ]);
    expect(await service.participants(lounge.eventId, { federalState: 'NW' })).toHaveLength(1);
    expect(await service.participants(lounge.eventId, { sector: 'Kommune' })).toHaveLength(3);
    await expect(
      service.problemOf(
        RegistrationsRequests.participants,
        { eventId: lounge.eventId },
        bavarian[0].identity,
      ),
    ).resolves.toMatchObject({ status: 403 });

    const own = await service.send(RegistrationsRequests.listOwn, {}, fromNrw[0].identity);
    expect(own.items).toEqual([
      expect.objectContaining({ eventId: lounge.eventId, status: 'waiting', waitingPlace: 1 }),
    ]);
    const forThisEvent = await service.send(
      RegistrationsRequests.listOwn,
      { eventId: lounge.eventId },
      fromNrw[0].identity,
    );
    expect(forThisEvent.items.map((item) => item.registrationId)).toEqual(
      own.items.map((item) => item.registrationId),
    );
    await expect(
      service.send(RegistrationsRequests.listOwn, { eventId: loungeSnapshot().eventId }, fromNrw[0].identity),
    ).resolves.toEqual({ items: [], nextCursor: null });
  });
});
