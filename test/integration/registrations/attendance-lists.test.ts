import { AttendanceRecordedEvent, formatBerlinTime, RegistrationsRequests } from '@ic/contracts';
import { randomUUID } from 'node:crypto';
import { eventually } from '../../support/eventually';
import { dataOf } from '../../support/service-under-test';
import { circleSnapshot, HOUR, loungeSnapshot, next } from './registrations-fixtures';
import { RegistrationsService, staff, testMember } from './registrations-service';

/** The check-in at the door and the participant lists, against the real service. */
describe('Registrations: the check-in and the participant lists', () => {
  const service = new RegistrationsService();

  beforeAll(() => service.startFresh());
  afterAll(() => service.stop());

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
