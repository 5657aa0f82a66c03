import { Actor, EventDraftedEvent, RegistrationOpenedEvent } from '@ic/contracts';
import { ConflictError, RuleViolationError } from '@ic/platform';
import { berlin, clubEvent, loungePlan } from '../testing/event-factories';
import { ClubEventAggregate } from './club-event.aggregate';

const office: Actor = { subject: 'staff-1', role: 'staff' };
const now = berlin('2027-03-01T10:00');

describe(ClubEventAggregate.name, () => {
  describe('draft', () => {
    it('records that the event was drafted, as a new event', () => {
      const sut = ClubEventAggregate.draft('event-1', { plan: loungePlan(), problems: [] }, office, now);
      expect(sut.loadedRevision).toBeUndefined();
      expect(sut.state).toMatchObject({ status: 'draft', createdAt: now, updatedAt: now });
      const [drafted, ...more] = sut.takeFacts();
      expect(more).toEqual([]);
      expect(drafted.contract).toBe(EventDraftedEvent);
      expect(drafted.data).toMatchObject({ eventId: 'event-1', revision: 1, by: office });
      expect(sut.takeFacts()).toEqual([]);
    });

    it('refuses a plan that breaks its kind’s rules', () => {
      const plan = loungePlan({ endsAt: berlin('2027-04-15T16:00') });
      expect(() => ClubEventAggregate.draft('event-1', { plan, problems: [] }, office, now)).toThrow(
        RuleViolationError,
      );
    });
  });

  describe('changePlan', () => {
    it('records nothing when no aspect changed', () => {
      const sut = ClubEventAggregate.of(clubEvent(loungePlan(), { status: 'announced', revision: 2 }));
      sut.changePlan('innovators-lounge', (current) => ({ plan: current, problems: [] }), office, now);
      expect(sut.hasChanges).toBe(false);
      expect(sut.takeFacts()).toEqual([]);
    });

    it('refuses a change of a cancelled event', () => {
      const sut = ClubEventAggregate.of(clubEvent(loungePlan(), { status: 'cancelled' }));
      expect(() =>
        sut.changePlan('innovators-lounge', (current) => ({ plan: current, problems: [] }), office, now),
      ).toThrow(ConflictError);
      expect(sut.takeFacts()).toEqual([]);
    });
  });

  describe('applyDueTransition', () => {
    it('opens registration by nobody when its time has come', () => {
      const sut = ClubEventAggregate.of(clubEvent(loungePlan(), { status: 'announced', revision: 2 }));
      expect(sut.applyDueTransition(now)).toMatchObject({ action: 'open-registration' });
      expect(sut.state.status).toBe('registration-open');
      const [opened] = sut.takeFacts();
      expect(opened.contract).toBe(RegistrationOpenedEvent);
      expect(opened.data).toMatchObject({ revision: 3, event: { status: 'registration-open', revision: 3 } });
      expect(opened.data).not.toHaveProperty('by');
    });
  });

  describe('removeDocument', () => {
    it('records nothing for a document the event does not have', () => {
      const sut = ClubEventAggregate.of(clubEvent());
      sut.removeDocument('unknown', office, now);
      expect(sut.hasChanges).toBe(false);
      expect(sut.takeFacts()).toEqual([]);
    });
  });
});
