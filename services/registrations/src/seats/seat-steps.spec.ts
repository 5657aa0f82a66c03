import { Actor } from '@ic/contracts';
import { ConflictError, NotFoundError, RuleViolationError } from '@ic/platform';
import { randomUUID } from 'node:crypto';
import { BookFact, NewRegistration, SeatBook, SeatPlan, StoredPerson } from './seat-book';

const now = new Date('2027-03-01T10:00:00.000Z');
const staff: Actor = { subject: 'staff-1', role: 'staff' };
const workshopA = randomUUID();
const workshopB = randomUUID();

function plan(capacity: number, workshops: SeatPlan['workshops'] = []): SeatPlan {
  return { capacity, workshops };
}

function member(index: number, sessionIds: string[] = []): NewRegistration {
  const memberId = `member-${index}`;
  return {
    registrationId: `registration-${index}`,
    registrantKey: `member:${memberId}`,
    registrant: { kind: 'member', memberId, federalState: 'BY', sector: 'Kommune' },
    registeredBy: { subject: memberId, role: 'member' },
    sessionIds,
  };
}

function person(firstName: string, overrides: Partial<StoredPerson> = {}): StoredPerson {
  return {
    personId: randomUUID(),
    salutation: 'keine',
    firstName,
    lastName: 'Beispiel',
    role: 'administration',
    email: `${firstName.toLowerCase()}@pegnitz.example`,
    ...overrides,
  };
}

function registerMany(sut: SeatBook, count: number, seats: SeatPlan): void {
  for (let index = 1; index <= count; index++) sut.register(member(index), seats, now);
}

const typesOf = (facts: BookFact[]) => facts.map((fact) => fact.type);

/** What the work throws (undefined when it does not: the assertion on it fails then). */
function thrownBy(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe(SeatBook.name, () => {
  describe('register', () => {
    it('confirms while seats are free, then waitlists with places 1, 2, 3 …', () => {
      const sut = SeatBook.empty('event-1');
      registerMany(sut, 5, plan(3));

      const views = sut.views();
      expect(views.map((view) => view.entry.status)).toEqual([
        'confirmed',
        'confirmed',
        'confirmed',
        'waiting',
        'waiting',
      ]);
      expect(views.map((view) => view.waitingPlace)).toEqual([undefined, undefined, undefined, 1, 2]);
      expect(sut.seats(plan(3))).toEqual({ capacity: 3, confirmed: 3, waiting: 2 });
      expect(typesOf(sut.takeFacts())).toEqual([
        'confirmed',
        'confirmed',
        'confirmed',
        'waitlisted',
        'waitlisted',
      ]);
    });

    it('answers a second registration of the same person with the first, changing nothing', () => {
      const sut = SeatBook.empty('event-1');
      const first = sut.register(member(1), plan(3), now);
      sut.takeFacts();

      const second = sut.register({ ...member(1), sessionIds: [workshopA] }, plan(3), now);

      expect(second.created).toBe(false);
      expect(second.view).toEqual(first.view);
      expect(sut.takeFacts()).toEqual([]);
    });

    it('takes a cancelled registration up again under its id, at the end of the line', () => {
      const sut = SeatBook.empty('event-1');
      registerMany(sut, 2, plan(1));
      sut.cancel('registration-1', 'registrant', member(1).registeredBy, plan(1), now);

      const again = sut.register(member(1), plan(1), now);

      expect(again).toMatchObject({
        created: true,
        view: { waitingPlace: 1, entry: { status: 'waiting', revision: 3 } },
      });
      expect(sut.find('registration-2')?.entry.status).toBe('confirmed');
    });

    it('gives a seat added meanwhile to the waiting before a newcomer', () => {
      const sut = SeatBook.empty('event-1');
      registerMany(sut, 2, plan(1));
      sut.takeFacts();

      const newcomer = sut.register(member(3), plan(2), now);

      expect(sut.find('registration-2')?.entry.status).toBe('confirmed');
      expect(newcomer.view).toMatchObject({ waitingPlace: 1, entry: { status: 'waiting' } });
      expect(sut.takeFacts()).toEqual([
        expect.objectContaining({ type: 'promoted', cause: 'capacity-raised' }),
        expect.objectContaining({ type: 'waitlisted' }),
      ]);
    });
  });

  describe('cancel', () => {
    it('promotes the first waiting at once, in order, and closes the gap in the places', () => {
      const sut = SeatBook.empty('event-1');
      registerMany(sut, 6, plan(3));
      sut.takeFacts();

      sut.cancel('registration-2', 'registrant', member(2).registeredBy, plan(3), now);
      sut.cancel('registration-1', 'staff', staff, plan(3), now);

      expect(sut.find('registration-4')?.entry.status).toBe('confirmed');
      expect(sut.find('registration-5')?.entry.status).toBe('confirmed');
      expect(sut.find('registration-6')).toMatchObject({ waitingPlace: 1, entry: { status: 'waiting' } });
      expect(sut.takeFacts()).toEqual([
        expect.objectContaining({ type: 'cancelled', cause: 'registrant', previousStatus: 'confirmed' }),
        expect.objectContaining({
          type: 'promoted',
          cause: 'seat-freed',
          view: expect.objectContaining({
            entry: expect.objectContaining({ registrationId: 'registration-4' }),
          }),
        }),
        expect.objectContaining({ type: 'cancelled', cause: 'staff', by: staff }),
        expect.objectContaining({
          type: 'promoted',
          view: expect.objectContaining({
            entry: expect.objectContaining({ registrationId: 'registration-5' }),
          }),
        }),
      ]);
      expect(sut.seats(plan(3))).toEqual({ capacity: 3, confirmed: 3, waiting: 1 });
    });

    it('takes a waiting registration off the list without giving anyone a seat', () => {
      const sut = SeatBook.empty('event-1');
      registerMany(sut, 4, plan(2));
      sut.takeFacts();

      sut.cancel('registration-3', 'registrant', member(3).registeredBy, plan(2), now);

      expect(sut.find('registration-4')).toMatchObject({ waitingPlace: 1, entry: { status: 'waiting' } });
      expect(sut.takeFacts()).toEqual([
        expect.objectContaining({ type: 'cancelled', previousStatus: 'waiting' }),
      ]);
    });

    it('changes nothing when cancelled again', () => {
      const sut = SeatBook.empty('event-1');
      registerMany(sut, 1, plan(2));
      sut.cancel('registration-1', 'registrant', member(1).registeredBy, plan(2), now);
      sut.takeFacts();

      sut.cancel('registration-1', 'staff', staff, plan(2), now);

      expect(sut.takeFacts()).toEqual([]);
      expect(sut.find('registration-1')?.entry.cancellation).toEqual({
        cause: 'registrant',
        by: member(1).registeredBy,
      });
    });

    it('refuses an unknown registration', () => {
      expect(() => SeatBook.empty('event-1').cancel('nope', 'staff', staff, plan(1), now)).toThrow(
        NotFoundError,
      );
    });
  });

  describe('workshops', () => {
    const forum = plan(10, [
      { sessionId: workshopA, capacity: 2 },
      { sessionId: workshopB, capacity: 5 },
    ]);

    it('seats each choice on its own, so that a confirmed participant may wait for a workshop', () => {
      const sut = SeatBook.empty('forum');
      for (let index = 1; index <= 3; index++)
        sut.register(member(index, [workshopA, workshopB]), forum, now);

      expect(sut.find('registration-3')).toMatchObject({
        entry: {
          status: 'confirmed',
          sessions: [
            { sessionId: workshopA, status: 'waiting' },
            { sessionId: workshopB, status: 'confirmed' },
          ],
        },
        sessionPlaces: { [workshopA]: 1 },
      });
      expect(sut.workshopSeats(workshopA)).toEqual({ confirmed: 2, waiting: 1 });
    });

    it('gives a freed workshop seat to the first waiting for it', () => {
      const sut = SeatBook.empty('forum');
      for (let index = 1; index <= 4; index++) sut.register(member(index, [workshopA]), forum, now);
      sut.takeFacts();

      sut.cancel('registration-1', 'registrant', member(1).registeredBy, forum, now);

      expect(sut.find('registration-3')?.entry.sessions).toEqual([
        expect.objectContaining({ sessionId: workshopA, status: 'confirmed' }),
      ]);
      expect(sut.find('registration-4')?.sessionPlaces).toEqual({ [workshopA]: 1 });
      expect(sut.takeFacts()).toEqual([
        expect.objectContaining({ type: 'cancelled' }),
        expect.objectContaining({
          type: 'sessions-changed',
          cause: 'seat-freed',
          changes: [{ sessionId: workshopA, from: 'waiting', to: 'confirmed' }],
        }),
      ]);
    });

    it('holds the choices of a waiting registration until it is confirmed, behind those already waiting for the workshop', () => {
      const small = plan(3, [{ sessionId: workshopA, capacity: 1 }]);
      const sut = SeatBook.empty('forum');
      for (let index = 1; index <= 4; index++) sut.register(member(index, [workshopA]), small, now);
      expect(sut.find('registration-4')?.entry.sessions).toEqual([
        expect.objectContaining({ status: 'pending' }),
      ]);

      sut.cancel('registration-3', 'registrant', member(3).registeredBy, small, now);

      expect(sut.find('registration-4')).toMatchObject({
        entry: { status: 'confirmed', sessions: [{ sessionId: workshopA, status: 'waiting' }] },
        sessionPlaces: { [workshopA]: 2 },
      });
    });

    it('drops the choices of a workshop that left the agenda', () => {
      const sut = SeatBook.empty('forum');
      sut.register(member(1, [workshopA, workshopB]), forum, now);
      sut.takeFacts();

      sut.applyPlan(plan(10, [{ sessionId: workshopB, capacity: 5 }]), now);

      expect(sut.find('registration-1')?.entry.sessions.map((choice) => choice.sessionId)).toEqual([
        workshopB,
      ]);
      expect(sut.takeFacts()).toEqual([
        expect.objectContaining({
          type: 'sessions-changed',
          cause: 'session-removed',
          changes: [{ sessionId: workshopA, from: 'confirmed' }],
        }),
      ]);
    });
  });

  describe('applyPlan', () => {
    it('gives added seats to the waiting in order, and takes none away when seats are removed', () => {
      const sut = SeatBook.empty('event-1');
      registerMany(sut, 6, plan(2));
      sut.takeFacts();

      sut.applyPlan(plan(4), now);
      sut.applyPlan(plan(1), now);

      expect(sut.views().map((view) => view.entry.status)).toEqual([
        'confirmed',
        'confirmed',
        'confirmed',
        'confirmed',
        'waiting',
        'waiting',
      ]);
      expect(sut.takeFacts().map((fact) => (fact.type === 'promoted' ? fact.cause : fact.type))).toEqual([
        'capacity-raised',
        'capacity-raised',
      ]);
    });
  });

  describe('cancelForCancelledEvent', () => {
    it('cancels in parts of the given size, promoting no one', () => {
      const sut = SeatBook.empty('event-1');
      registerMany(sut, 5, plan(3));
      sut.takeFacts();

      expect(sut.cancelForCancelledEvent(3, plan(3), now)).toEqual({ remaining: 2 });
      expect(sut.cancelForCancelledEvent(3, plan(3), now)).toEqual({ remaining: 0 });

      const facts = sut.takeFacts();
      expect(facts.map((fact) => fact.type)).toEqual(Array(5).fill('cancelled'));
      expect(
        facts.every((fact) => fact.type === 'cancelled' && fact.cause === 'event-cancelled' && !fact.by),
      ).toBe(true);
    });
  });

  describe('changeDelegation', () => {
    function circleBook(people: StoredPerson[]): SeatBook {
      const sut = SeatBook.empty('circle');
      sut.register(
        {
          registrationId: 'pegnitz',
          registrantKey: 'municipality:09472175',
          registrant: {
            kind: 'municipality',
            municipality: { name: 'Pegnitz', ags: '09472175', population: 13_700 },
          },
          registeredBy: staff,
          sessionIds: [],
          delegation: people,
        },
        plan(30),
        now,
      );
      sut.takeFacts();
      return sut;
    }

    it('keeps people by id, and says who was added, changed and removed', () => {
      const anna = person('Anna', { role: 'mayor' });
      const bernd = person('Bernd');
      const sut = circleBook([anna, bernd]);
      const carla = person('Carla', { role: 'civil-society' });

      sut.changeDelegation('pegnitz', [{ ...anna, email: 'anna@rathaus.example' }, carla], staff, plan(30));

      expect(sut.find('pegnitz')?.entry.delegation?.map((kept) => kept.firstName)).toEqual(['Anna', 'Carla']);
      expect(sut.takeFacts()).toEqual([
        expect.objectContaining({
          type: 'delegation-changed',
          added: [carla.personId],
          changed: [anna.personId],
          removed: [bernd],
        }),
      ]);
    });

    it('changes nothing for the same people', () => {
      const anna = person('Anna');
      const sut = circleBook([anna]);

      sut.changeDelegation('pegnitz', [{ ...anna }], staff, plan(30));

      expect(sut.takeFacts()).toEqual([]);
      expect(sut.find('pegnitz')?.entry.revision).toBe(1);
    });

    it('refuses a cancelled registration', () => {
      const sut = circleBook([person('Anna')]);
      sut.cancel('pegnitz', 'staff', staff, plan(30), now);

      expect(() => sut.changeDelegation('pegnitz', [person('Bernd')], staff, plan(30))).toThrow(
        ConflictError,
      );
    });
  });

  describe('recordAttendance', () => {
    it('marks once; the same mark again publishes nothing', () => {
      const sut = SeatBook.empty('event-1');
      registerMany(sut, 1, plan(1));
      sut.takeFacts();

      sut.recordAttendance('registration-1', { attended: true }, staff);
      sut.recordAttendance('registration-1', { attended: true }, staff);

      expect(sut.find('registration-1')?.entry.attended).toBe(true);
      expect(typesOf(sut.takeFacts())).toEqual(['attendance-recorded']);
    });

    it('takes a mark back once', () => {
      const sut = SeatBook.empty('event-1');
      registerMany(sut, 1, plan(1));
      sut.recordAttendance('registration-1', { attended: true }, staff);
      sut.takeFacts();

      sut.recordAttendance('registration-1', { attended: false }, staff);
      sut.recordAttendance('registration-1', { attended: false }, staff);

      expect(sut.find('registration-1')?.entry.attended).toBe(false);
      expect(sut.takeFacts()).toEqual([
        expect.objectContaining({ type: 'attendance-recorded', attended: false }),
      ]);
    });

    describe('a delegation', () => {
      const moduleA = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
      const moduleB = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

      function delegationBook(people: StoredPerson[]): SeatBook {
        const sut = SeatBook.empty('circle');
        sut.register(
          {
            registrationId: 'pegnitz',
            registrantKey: 'municipality:09472175',
            registrant: {
              kind: 'municipality',
              municipality: { name: 'Pegnitz', ags: '09472175', population: 13_700 },
            },
            registeredBy: staff,
            sessionIds: [],
            delegation: people,
          },
          plan(30),
          now,
        );
        sut.takeFacts();
        return sut;
      }
      const peopleOf = (sut: SeatBook) => sut.find('pegnitz')?.entry.delegation ?? [];

      it('marks each person separately and per module; the same mark again publishes nothing', () => {
        const [anna, bernd] = [person('Anna'), person('Bernd')];
        const sut = delegationBook([anna, bernd]);

        sut.recordAttendance(
          'pegnitz',
          { personId: anna.personId, moduleId: moduleA, attended: true },
          staff,
        );
        sut.recordAttendance(
          'pegnitz',
          { personId: anna.personId, moduleId: moduleA, attended: true },
          staff,
        );
        sut.recordAttendance(
          'pegnitz',
          { personId: anna.personId, moduleId: moduleB, attended: true },
          staff,
        );

        expect(peopleOf(sut)).toEqual([
          expect.objectContaining({ firstName: 'Anna', attended: true, attendedModules: [moduleA, moduleB] }),
          expect.not.objectContaining({ attended: true }),
        ]);
        expect(sut.takeFacts()).toEqual([
          expect.objectContaining({ personId: anna.personId, moduleId: moduleA, attended: true }),
          expect.objectContaining({ personId: anna.personId, moduleId: moduleB, attended: true }),
        ]);
      });

      it('takes back one module; the person counts as come while one module stays', () => {
        const anna = person('Anna');
        const sut = delegationBook([anna]);
        sut.recordAttendance(
          'pegnitz',
          { personId: anna.personId, moduleId: moduleA, attended: true },
          staff,
        );
        sut.recordAttendance(
          'pegnitz',
          { personId: anna.personId, moduleId: moduleB, attended: true },
          staff,
        );

        sut.recordAttendance(
          'pegnitz',
          { personId: anna.personId, moduleId: moduleA, attended: false },
          staff,
        );
        expect(peopleOf(sut)[0]).toMatchObject({ attended: true, attendedModules: [moduleB] });

        sut.recordAttendance(
          'pegnitz',
          { personId: anna.personId, moduleId: moduleB, attended: false },
          staff,
        );
        expect(peopleOf(sut)[0]).toMatchObject({ attended: false, attendedModules: [] });
      });

      it('takes back a module that was never marked without a fact', () => {
        const anna = person('Anna');
        const sut = delegationBook([anna]);

        sut.recordAttendance(
          'pegnitz',
          { personId: anna.personId, moduleId: moduleA, attended: false },
          staff,
        );

        expect(sut.takeFacts()).toEqual([]);
      });

      it('keeps the marks of a person who stays when the delegation changes', () => {
        const anna = person('Anna');
        const sut = delegationBook([anna]);
        sut.recordAttendance(
          'pegnitz',
          { personId: anna.personId, moduleId: moduleA, attended: true },
          staff,
        );

        sut.changeDelegation('pegnitz', [{ ...anna, role: 'mayor' }, person('Bernd')], staff, plan(30));

        expect(peopleOf(sut)[0]).toMatchObject({ role: 'mayor', attended: true, attendedModules: [moduleA] });
      });

      it('asks for the person', () => {
        const sut = delegationBook([person('Anna')]);

        expect(() => sut.recordAttendance('pegnitz', { moduleId: moduleA, attended: true }, staff)).toThrow(
          ConflictError,
        );
      });
    });

    it('refuses the waiting, naming the rule', () => {
      const sut = SeatBook.empty('event-1');
      registerMany(sut, 2, plan(1));

      const marking = () => sut.recordAttendance('registration-2', { attended: true }, staff);

      expect(marking).toThrow(RuleViolationError);
      expect(thrownBy(marking)).toMatchObject({ rule: 'attendance-not-confirmed' });
    });
  });

  describe('tellEventChange', () => {
    it('tells the confirmed and the waiting once per event revision', () => {
      const sut = SeatBook.empty('event-1');
      registerMany(sut, 3, plan(2));
      sut.cancel('registration-1', 'registrant', member(1).registeredBy, plan(2), now);
      sut.takeFacts();

      sut.tellEventChange(7, ['schedule']);
      sut.tellEventChange(7, ['schedule']);
      sut.tellEventChange(6, ['venue']);

      const facts = sut.takeFacts();
      expect(facts).toHaveLength(1);
      expect(facts[0]).toMatchObject({ type: 'event-changed', eventRevision: 7 });
      expect(
        facts[0].type === 'event-changed' && facts[0].registered.map((view) => view.entry.registrationId),
      ).toEqual(['registration-2', 'registration-3']);
    });
  });

  describe('under load', () => {
    it('never confirms more than the capacity and numbers the waiting list without gaps', () => {
      const sut = SeatBook.empty('event-1');
      const seats = plan(50);
      for (let index = 1; index <= 300; index++) {
        sut.register(member(index), seats, now);
        if (index % 7 === 0)
          sut.cancel(`registration-${index - 3}`, 'registrant', member(index - 3).registeredBy, seats, now);
      }

      const views = sut.views();
      expect(views.filter((view) => view.entry.status === 'confirmed')).toHaveLength(50);
      const places = views
        .flatMap((view) => (view.waitingPlace ? [view.waitingPlace] : []))
        .sort((a, b) => a - b);
      expect(places).toEqual(Array.from({ length: places.length }, (_, index) => index + 1));
    });
  });
});
