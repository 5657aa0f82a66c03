import { randomUUID } from 'node:crypto';
import { memberActor, memberRegistration, SeatStepsTestBed } from '../../testing/in-memory-registrations';
import { SeatSteps } from './seat-steps';

const always = () => true;

/**
 * Holds the first count of a step of this registration (its writer is slow) until `release` is
 * called; `reached` resolves once the count is held.
 */
function holdFirstCountOf(bed: SeatStepsTestBed, registrationId: string, kind: string) {
  const claim = bed.seats.claim.bind(bed.seats);
  let release!: () => void;
  let reached!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const held = new Promise<void>((resolve) => (reached = resolve));
  let holding = true;
  bed.seats.claim = async (eventId, token, step, seatClaim, forget) => {
    const stored = await bed.registrations.findById(step.registrationId);
    if (holding && step.registrationId === registrationId && stored?.step?.kind === kind) {
      holding = false;
      reached();
      await released;
    }
    return claim(eventId, token, step, seatClaim, forget);
  };
  return { held, release };
}

describe(`${SeatSteps.name}: promotions in the order of the waiting list`, () => {
  it('never passes over a head whose promotion a slow writer has under way', async () => {
    const { bed, eventId } = SeatStepsTestBed.withEvent({ capacity: 2, workshops: [] });
    for (let index = 1; index <= 5; index++) await bed.register(eventId, memberRegistration(index));
    const slow = holdFirstCountOf(bed, 'registration-3', 'promote');

    // The cancellation's fill names the promotion of the first waiting and is slow to count it;
    // meanwhile another fill (another instance, another release) looks at the same free seat.
    const cancelling = bed.sut.cancel('registration-1', 'registrant', memberActor(1), always);
    await slow.held;
    await bed.sut.fill(eventId, 'seat-freed');
    slow.release();
    await cancelling;

    const views = await bed.views(eventId);
    const statusOf = (id: string) => views.find((view) => view.entry.registrationId === id)?.entry.status;
    expect(statusOf('registration-3')).toBe('confirmed');
    expect(statusOf('registration-4')).toBe('waiting');
    expect(views.filter((view) => view.entry.status === 'waiting').map((view) => view.waitingPlace)).toEqual([
      1, 2,
    ]);
    expect(await bed.seats.peek(eventId)).toMatchObject({ confirmed: 2, waiting: 2 });
  });

  it('gives the seats of concurrent cancellations to the first waiting, in order, however the fills interleave', async () => {
    for (const slowIndex of [11, 12, 15, 20]) {
      const { bed, eventId } = SeatStepsTestBed.withEvent({ capacity: 10, workshops: [] });
      for (let index = 1; index <= 30; index++) await bed.register(eventId, memberRegistration(index));
      const slow = holdFirstCountOf(bed, `registration-${slowIndex}`, 'promote');

      const cancelling = Array.from({ length: 10 }, (_, index) =>
        bed.sut.cancel(`registration-${index + 1}`, 'registrant', memberActor(index + 1), always),
      );
      await Promise.race([slow.held, Promise.all(cancelling)]);
      await bed.sut.fill(eventId, 'seat-freed');
      slow.release();
      await Promise.all(cancelling);

      const views = await bed.views(eventId);
      const confirmed = views.filter((view) => view.entry.status === 'confirmed');
      expect(confirmed.map((view) => view.entry.registrationId).sort()).toEqual(
        Array.from({ length: 10 }, (_, index) => `registration-${index + 11}`).sort(),
      );
      expect(await bed.seats.peek(eventId)).toMatchObject({ confirmed: 10, waiting: 10 });
    }
  });

  it('never passes over the first waiting for a workshop whose promotion is under way', async () => {
    const workshop = randomUUID();
    const { bed, eventId } = SeatStepsTestBed.withEvent({
      capacity: 10,
      workshops: [{ sessionId: workshop, capacity: 1 }],
    });
    for (let index = 1; index <= 4; index++)
      await bed.register(eventId, memberRegistration(index, [workshop]));
    const slow = holdFirstCountOf(bed, 'registration-2', 'promote-session');

    const cancelling = bed.sut.cancel('registration-1', 'registrant', memberActor(1), always);
    await slow.held;
    await bed.sut.fillSessions(eventId, [workshop], 'seat-freed');
    slow.release();
    await cancelling;

    const choiceOf = async (id: string) =>
      (await bed.find(id))?.entry.sessions.find((choice) => choice.sessionId === workshop)?.status;
    expect(await choiceOf('registration-2')).toBe('confirmed');
    expect(await choiceOf('registration-3')).toBe('waiting');
    expect(await choiceOf('registration-4')).toBe('waiting');
  });

  it('keeps the count of a slow writer whose step another caller finished meanwhile: no seat is given twice', async () => {
    const { bed, eventId } = SeatStepsTestBed.withEvent({ capacity: 2, workshops: [] });
    await bed.register(eventId, memberRegistration(1));
    const finishStep = bed.registrations.finishStep.bind(bed.registrations);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let counted!: () => void;
    const held = new Promise<void>((resolve) => (counted = resolve));
    let holding = true;
    // The writer counts its seat, then stalls before writing it; the registration is finished by
    // another caller (a recovery pass, a repeated request) with that count.
    bed.registrations.finishStep = async (next, token, revision, events) => {
      if (holding && next.registrationId === 'registration-2') {
        holding = false;
        counted();
        await released;
      }
      return finishStep(next, token, revision, events);
    };

    const registering = bed.register(eventId, memberRegistration(2));
    await held;
    await bed.sut.finish('registration-2');
    release();
    await registering;
    await bed.register(eventId, memberRegistration(3));

    expect((await bed.find('registration-2'))?.entry.status).toBe('confirmed');
    expect((await bed.find('registration-3'))?.entry.status).toBe('waiting');
    expect(await bed.seats.peek(eventId)).toMatchObject({ confirmed: 2, waiting: 1 });
  });
});
