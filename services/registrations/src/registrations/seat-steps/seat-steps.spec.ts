import { Actor } from '@ic/contracts';
import { NotFoundError } from '@ic/platform';
import { randomUUID } from 'node:crypto';
import { Registration, RegistrationFact } from '../registration';
import { SeatPlan } from '../../seats/seat-plan';
import {
  eventWith,
  memberActor,
  memberRegistration,
  SeatStepsTestBed,
} from '../../testing/in-memory-registrations';
import { decideRegistration, NO_COUNTERS } from '../../seats/seat-claims';
import { SeatSteps } from './seat-steps';

const staff: Actor = { subject: 'staff-1', role: 'staff' };
const workshopA = randomUUID();
const workshopB = randomUUID();
const always = () => true;

function plan(capacity: number, workshops: SeatPlan['workshops'] = []): SeatPlan {
  return { capacity, workshops };
}

async function registerMany(bed: SeatStepsTestBed, eventId: string, count: number): Promise<void> {
  for (let index = 1; index <= count; index++) await bed.register(eventId, memberRegistration(index));
}

function cancel(bed: SeatStepsTestBed, index: number, by: Actor = memberActor(index)) {
  return bed.sut.cancel(`registration-${index}`, by.role === 'staff' ? 'staff' : 'registrant', by, always);
}

/** Counted steps whose registration still names them: none once everything is finished. */
async function unfinishedCounts(bed: SeatStepsTestBed): Promise<string[]> {
  const unfinished: string[] = [];
  for (const { token, step } of await bed.seats.countedSteps()) {
    const stored = await bed.registrations.findById(step.registrationId);
    if (stored?.step?.token === token) unfinished.push(step.registrationId);
  }
  return unfinished;
}

const typesOf = (facts: RegistrationFact[]) => facts.map((fact) => fact.type);
const idOf = (fact: RegistrationFact) => ('view' in fact ? fact.view.entry.registrationId : undefined);

describe(SeatSteps.name, () => {
  describe('register', () => {
    it('confirms while seats are free, then waitlists with places 1, 2, 3 …', async () => {
      const { bed, eventId } = SeatStepsTestBed.withEvent(plan(3));
      await registerMany(bed, eventId, 5);

      const views = await bed.views(eventId);
      expect(views.map((view) => view.entry.status)).toEqual([
        'confirmed',
        'confirmed',
        'confirmed',
        'waiting',
        'waiting',
      ]);
      expect(views.map((view) => view.waitingPlace)).toEqual([undefined, undefined, undefined, 1, 2]);
      expect(await bed.seats.peek(eventId)).toMatchObject({ confirmed: 3, waiting: 2 });
      const facts = bed.takeFacts();
      expect(typesOf(facts)).toEqual(['confirmed', 'confirmed', 'confirmed', 'waitlisted', 'waitlisted']);
      // The places told at once are the places then: the next in line behind everyone counted before.
      expect(facts.map((fact) => 'view' in fact && fact.view.waitingPlace)).toEqual(
        [false, false, false, 1, 2].map((place) => place || undefined),
      );
    });

    it('takes a cancelled registration up again under its id, at the end of the line', async () => {
      const { bed, eventId } = SeatStepsTestBed.withEvent(plan(1));
      await registerMany(bed, eventId, 2);
      await cancel(bed, 1);

      await bed.register(eventId, memberRegistration(1));

      expect(await bed.find('registration-1')).toMatchObject({
        waitingPlace: 1,
        entry: { status: 'waiting', revision: 3 },
      });
      expect((await bed.find('registration-2'))?.entry.status).toBe('confirmed');
    });

    it('gives a seat added meanwhile to the waiting before a newcomer', async () => {
      const { bed, eventId } = SeatStepsTestBed.withEvent(plan(1));
      await registerMany(bed, eventId, 2);
      bed.events.set(eventId, eventWith(plan(2), eventId));
      bed.takeFacts();

      await bed.register(eventId, memberRegistration(3));

      expect((await bed.find('registration-2'))?.entry.status).toBe('confirmed');
      expect(await bed.find('registration-3')).toMatchObject({
        waitingPlace: 1,
        entry: { status: 'waiting' },
      });
      expect(typesOf(bed.takeFacts())).toEqual(['waitlisted', 'promoted']);
    });
  });

  describe('cancel', () => {
    it('promotes the first waiting at once, in order, and closes the gap in the places', async () => {
      const { bed, eventId } = SeatStepsTestBed.withEvent(plan(3));
      await registerMany(bed, eventId, 6);
      bed.takeFacts();

      await cancel(bed, 2);
      await cancel(bed, 1, staff);

      expect((await bed.find('registration-4'))?.entry.status).toBe('confirmed');
      expect((await bed.find('registration-5'))?.entry.status).toBe('confirmed');
      expect(await bed.find('registration-6')).toMatchObject({
        waitingPlace: 1,
        entry: { status: 'waiting' },
      });
      const facts = bed.takeFacts();
      expect(facts).toEqual([
        expect.objectContaining({ type: 'cancelled', cause: 'registrant', previousStatus: 'confirmed' }),
        expect.objectContaining({ type: 'promoted', cause: 'seat-freed' }),
        expect.objectContaining({ type: 'cancelled', cause: 'staff', by: staff }),
        expect.objectContaining({ type: 'promoted' }),
      ]);
      expect(facts.map(idOf)).toEqual([
        'registration-2',
        'registration-4',
        'registration-1',
        'registration-5',
      ]);
      expect(await bed.seats.peek(eventId)).toMatchObject({ confirmed: 3, waiting: 1 });
    });

    it('takes a waiting registration off the list without giving anyone a seat', async () => {
      const { bed, eventId } = SeatStepsTestBed.withEvent(plan(2));
      await registerMany(bed, eventId, 4);
      bed.takeFacts();

      await cancel(bed, 3);

      expect(await bed.find('registration-4')).toMatchObject({
        waitingPlace: 1,
        entry: { status: 'waiting' },
      });
      expect(bed.takeFacts()).toEqual([
        expect.objectContaining({ type: 'cancelled', previousStatus: 'waiting' }),
      ]);
      expect(await bed.seats.peek(eventId)).toMatchObject({ confirmed: 2, waiting: 1 });
    });

    it('changes nothing when cancelled again', async () => {
      const { bed, eventId } = SeatStepsTestBed.withEvent(plan(2));
      await registerMany(bed, eventId, 1);
      await cancel(bed, 1);
      bed.takeFacts();

      await expect(cancel(bed, 1, staff)).resolves.toMatchObject({ cancelledNow: false });

      expect(bed.takeFacts()).toEqual([]);
      expect((await bed.find('registration-1'))?.entry.cancellation).toEqual({
        cause: 'registrant',
        by: memberActor(1),
      });
      expect(await bed.seats.peek(eventId)).toMatchObject({ confirmed: 0, waiting: 0 });
    });

    it('refuses an unknown registration', async () => {
      const { bed } = SeatStepsTestBed.withEvent(plan(1));

      await expect(bed.sut.cancel('nope', 'staff', staff, always)).rejects.toThrow(NotFoundError);
    });
  });

  describe('workshops', () => {
    const forum = plan(10, [
      { sessionId: workshopA, capacity: 2 },
      { sessionId: workshopB, capacity: 5 },
    ]);

    it('seats each choice on its own, so that a confirmed participant may wait for a workshop', async () => {
      const { bed, eventId } = SeatStepsTestBed.withEvent(forum);
      for (let index = 1; index <= 3; index++)
        await bed.register(eventId, memberRegistration(index, [workshopA, workshopB]));

      expect(await bed.find('registration-3')).toMatchObject({
        entry: {
          status: 'confirmed',
          sessions: [
            { sessionId: workshopA, status: 'waiting' },
            { sessionId: workshopB, status: 'confirmed' },
          ],
        },
        sessionPlaces: { [workshopA]: 1 },
      });
      expect((await bed.seats.peek(eventId)).sessions[workshopA]).toEqual({ confirmed: 2, waiting: 1 });
    });

    it('gives a freed workshop seat to the first waiting for it', async () => {
      const { bed, eventId } = SeatStepsTestBed.withEvent(forum);
      for (let index = 1; index <= 4; index++)
        await bed.register(eventId, memberRegistration(index, [workshopA]));
      bed.takeFacts();

      await cancel(bed, 1);

      expect((await bed.find('registration-3'))?.entry.sessions).toEqual([
        expect.objectContaining({ sessionId: workshopA, status: 'confirmed' }),
      ]);
      expect((await bed.find('registration-4'))?.sessionPlaces).toEqual({ [workshopA]: 1 });
      expect(bed.takeFacts()).toEqual([
        expect.objectContaining({ type: 'cancelled' }),
        expect.objectContaining({
          type: 'sessions-changed',
          cause: 'seat-freed',
          changes: [{ sessionId: workshopA, from: 'waiting', to: 'confirmed' }],
        }),
      ]);
      expect((await bed.seats.peek(eventId)).sessions[workshopA]).toEqual({ confirmed: 2, waiting: 1 });
    });

    it('holds the choices of a waiting registration until it is confirmed, behind those already waiting for the workshop', async () => {
      const { bed, eventId } = SeatStepsTestBed.withEvent(plan(3, [{ sessionId: workshopA, capacity: 1 }]));
      for (let index = 1; index <= 4; index++)
        await bed.register(eventId, memberRegistration(index, [workshopA]));
      expect((await bed.find('registration-4'))?.entry.sessions).toEqual([
        expect.objectContaining({ status: 'pending' }),
      ]);

      await cancel(bed, 3);

      expect(await bed.find('registration-4')).toMatchObject({
        entry: { status: 'confirmed', sessions: [{ sessionId: workshopA, status: 'waiting' }] },
        sessionPlaces: { [workshopA]: 2 },
      });
    });
  });

  describe('fill', () => {
    it('gives added seats to the waiting in order, and takes none away when seats are removed', async () => {
      const { bed, eventId } = SeatStepsTestBed.withEvent(plan(2));
      await registerMany(bed, eventId, 6);
      bed.takeFacts();

      bed.events.set(eventId, eventWith(plan(4), eventId));
      await bed.sut.fill(eventId, 'capacity-raised');
      bed.events.set(eventId, eventWith(plan(1), eventId));
      await bed.sut.fill(eventId, 'capacity-raised');

      expect((await bed.views(eventId)).map((view) => view.entry.status)).toEqual([
        'confirmed',
        'confirmed',
        'confirmed',
        'confirmed',
        'waiting',
        'waiting',
      ]);
      const facts = bed.takeFacts();
      expect(facts.map((fact) => (fact.type === 'promoted' ? fact.cause : fact.type))).toEqual([
        'capacity-raised',
        'capacity-raised',
      ]);
      expect(facts.map(idOf)).toEqual(['registration-3', 'registration-4']);
    });
  });

  describe('a step whose writer died', () => {
    it('is finished with the seat it had counted, counted once', async () => {
      const { bed, eventId } = SeatStepsTestBed.withEvent(plan(1));
      await bed.register(eventId, memberRegistration(1));
      const entry = await secondRegistrationLikeFirst(bed);
      // Registered and counted, then killed before the registration got its seat.
      const step = bed.sut.newStep({ kind: 'register' as const });
      await bed.registrations.insertPending(entry, step);
      const claim = decideRegistration(NO_COUNTERS, plan(5), []);
      await bed.seats.claim(
        eventId,
        step.token,
        { registrationId: 'registration-2', at: step.at, outcome: claim.outcome },
        claim,
      );
      await bed.seats.claim(
        eventId,
        step.token,
        { registrationId: 'registration-2', at: step.at, outcome: claim.outcome },
        claim,
      );

      await bed.sut.finish('registration-2');
      await bed.sut.finish('registration-2');

      expect(bed.record('registration-2')).toEqual({ status: 'confirmed' });
      expect(await bed.seats.peek(eventId)).toMatchObject({ confirmed: 2, waiting: 0 });
      expect(await unfinishedCounts(bed)).toEqual([]);
    });

    it('is decided when it died before counting, once however many finish it at once', async () => {
      const { bed, eventId } = SeatStepsTestBed.withEvent(plan(1));
      await bed.register(eventId, memberRegistration(1));
      const entry = await secondRegistrationLikeFirst(bed);
      await bed.registrations.insertPending(entry, bed.sut.newStep({ kind: 'register' as const }));

      await Promise.all([bed.sut.finish('registration-2'), bed.sut.finish('registration-2')]);

      expect(await bed.find('registration-2')).toMatchObject({
        waitingPlace: 1,
        entry: { status: 'waiting' },
      });
      expect(await bed.seats.peek(eventId)).toMatchObject({ confirmed: 1, waiting: 1 });
      expect(typesOf(bed.takeFacts())).toEqual(['confirmed', 'waitlisted']);
    });

    it('puts a waiting place it finishes last in line, behind places whose steps are still being written', async () => {
      const { bed, eventId } = SeatStepsTestBed.withEvent(plan(1));
      await bed.register(eventId, memberRegistration(1));
      bed.takeFacts();
      const first = (await bed.registrations.findById('registration-1'))!.entry;
      // Registration 2 counted for a waiting place, then killed; registration 3 counted after it, still being written.
      for (const index of [2, 3]) {
        const entry = {
          ...first,
          registrationId: `registration-${index}`,
          registrantKey: `member:member-${index}`,
        };
        const step = bed.sut.newStep({ kind: 'register' as const });
        await bed.registrations.insertPending(entry, step);
        const claim = decideRegistration((await bed.seats.read(eventId)).counters, plan(1), []);
        await bed.seats.claim(
          eventId,
          step.token,
          { registrationId: entry.registrationId, at: step.at, outcome: claim.outcome },
          claim,
        );
      }

      await bed.sut.finish('registration-2');

      // Its first order number died with its writer: it now waits behind registration 3 (counted, not yet written).
      expect(bed.takeFacts().map((fact) => 'view' in fact && fact.view.waitingPlace)).toEqual([2]);
    });

    it('gives a cancelled seat on when the release died before counting', async () => {
      const { bed, eventId } = SeatStepsTestBed.withEvent(plan(1));
      await registerMany(bed, eventId, 2);
      const first = (await bed.registrations.findById('registration-1'))!.entry;
      // Cancelled with the release of its seat named, then killed.
      const step = bed.sut.newStep({ kind: 'release' as const, held: 'confirmed' as const, sessions: [] });
      await bed.registrations.update(
        { ...first, status: 'cancelled', revision: 2 },
        first.revision,
        [],
        step,
      );

      await bed.sut.finish('registration-1');

      expect((await bed.find('registration-2'))?.entry.status).toBe('confirmed');
      expect(await bed.seats.peek(eventId)).toMatchObject({ confirmed: 1, waiting: 0 });
      expect(bed.record('registration-1')).toEqual({ status: 'cancelled' });
    });
  });

  describe('under load', () => {
    it('never confirms more than the capacity and numbers the waiting list without gaps', async () => {
      const { bed, eventId } = SeatStepsTestBed.withEvent(plan(50));

      await Promise.all(
        Array.from({ length: 300 }, async (_, index) => {
          await bed.register(eventId, memberRegistration(index + 1));
          if ((index + 1) % 7 === 0) await cancel(bed, index - 2);
        }),
      );

      const views = await bed.views(eventId);
      expect(views.filter((view) => view.entry.status === 'confirmed')).toHaveLength(50);
      const places = views
        .flatMap((view) => (view.waitingPlace ? [view.waitingPlace] : []))
        .sort((a, b) => a - b);
      expect(places).toEqual(Array.from({ length: places.length }, (_, index) => index + 1));
      expect(await bed.seats.peek(eventId)).toMatchObject({ confirmed: 50, waiting: places.length });
      expect(await unfinishedCounts(bed)).toEqual([]);
    });
  });
});

/** Registration 2, as registration 1 is stored but by member 2 (for steps written by hand). */
async function secondRegistrationLikeFirst(bed: SeatStepsTestBed): Promise<Registration> {
  return {
    ...(await bed.registrations.findById('registration-1'))!.entry,
    registrationId: 'registration-2',
    registrantKey: 'member:member-2',
  };
}
