import { Actor, EventCancelled, EventCancelledEvent, RegistrationOpenedEvent } from '@ic/contracts';
import { ConflictError } from '@ic/platform';
import { berlin, clubEvent, loungePlan } from '../../testing/event-factories';
import { FixedClock, InMemoryClubEvents } from '../../testing/in-memory-events';
import { ChangeStatusUseCase } from './change-status.usecase';

const office: Actor = { subject: 'staff-1', role: 'staff' };

function newTestUseCase(now: string) {
  const events = new InMemoryClubEvents();
  const clock = new FixedClock(berlin(now));
  const sut = new ChangeStatusUseCase(events.asRepository(), clock);
  const lounge = clubEvent(loungePlan(), { status: 'announced', revision: 2 });
  events.stored.set(lounge.id, lounge);
  return { sut, events, clock, lounge };
}

describe(ChangeStatusUseCase.name, () => {
  describe('applyDueTransition', () => {
    it('does nothing before the window opens', async () => {
      const { sut, events, lounge } = newTestUseCase('2027-02-01T08:59');
      await expect(sut.applyDueTransition(lounge.id)).resolves.toBeUndefined();
      expect(events.published).toEqual([]);
    });

    it('opens registration when its time has come, by nobody', async () => {
      const { sut, events, lounge } = newTestUseCase('2027-02-01T09:00');
      const applied = await sut.applyDueTransition(lounge.id);
      expect(applied).toMatchObject({ action: 'open-registration', dueAt: berlin('2027-02-01T09:00') });
      expect(events.stored.get(lounge.id)).toMatchObject({ status: 'registration-open', revision: 3 });
      expect(events.published).toHaveLength(1);
      expect(events.published[0]).toMatchObject({ type: RegistrationOpenedEvent.type, subject: lounge.id });
      expect(events.published[0].data).not.toHaveProperty('by');
    });

    it('takes one step per call when several are overdue', async () => {
      const { sut, events, lounge } = newTestUseCase('2027-05-01T12:00');
      const actions = [];
      for (
        let applied = await sut.applyDueTransition(lounge.id);
        applied;
        applied = await sut.applyDueTransition(lounge.id)
      ) {
        actions.push(applied.action);
      }
      expect(actions).toEqual(['open-registration', 'close-registration', 'mark-held']);
      expect(events.stored.get(lounge.id)).toMatchObject({ status: 'held', revision: 5 });
    });
  });

  describe('cancel', () => {
    it('records the reason and the status it was cancelled from', async () => {
      const { sut, events, lounge } = newTestUseCase('2027-03-01T10:00');
      const reply = await sut.cancel(lounge.id, 'Der Saal ist nicht verfügbar.', office);
      expect(reply).toMatchObject({
        status: 'cancelled',
        cancellation: {
          reason: 'Der Saal ist nicht verfügbar.',
          cancelledAt: '2027-03-01T09:00:00.000Z',
          cancelledBy: office,
        },
      });
      expect(events.published[0]).toMatchObject({ type: EventCancelledEvent.type });
      expect(events.published[0].data as EventCancelled).toMatchObject({
        reason: 'Der Saal ist nicht verfügbar.',
        previousStatus: 'announced',
        by: office,
      });
      await expect(sut.cancel(lounge.id, 'Noch einmal', office)).rejects.toThrow(ConflictError);
      await expect(sut.applyDueTransition(lounge.id)).resolves.toBeUndefined();
    });
  });
});
