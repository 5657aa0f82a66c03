import { EventStatus } from '@ic/contracts';
import { ConflictError, RuleViolationError } from '@ic/platform';
import { berlin, circleModule, circlePlan, clubEvent, loungePlan } from '../../testing/event-factories';
import {
  assertActionAllowed,
  assertPlanChangeable,
  dueTransition,
  scheduledTransition,
} from './lifecycle.rules';

const lounge = (status: EventStatus) => clubEvent(loungePlan(), { status });
const before = berlin('2027-03-01T12:00');
const afterEnd = berlin('2027-04-15T21:00');

describe('lifecycle rules', () => {
  describe(assertActionAllowed.name, () => {
    it('announces only drafts', () => {
      expect(() => assertActionAllowed(lounge('draft'), 'announce', before)).not.toThrow();
      expect(() => assertActionAllowed(lounge('announced'), 'announce', before)).toThrow(ConflictError);
      expect(() => assertActionAllowed(lounge('cancelled'), 'announce', before)).toThrow(
        'Ankündigen ist nur im Status „Entwurf“ möglich; die Veranstaltung hat den Status „Abgesagt“.',
      );
    });

    it('does not announce an event that has ended', () => {
      expect(() => assertActionAllowed(lounge('draft'), 'announce', afterEnd)).toThrow(RuleViolationError);
    });

    it('opens registration early from announced, closes it early from registration-open', () => {
      expect(() => assertActionAllowed(lounge('announced'), 'open-registration', before)).not.toThrow();
      expect(() => assertActionAllowed(lounge('draft'), 'open-registration', before)).toThrow(ConflictError);
      expect(() =>
        assertActionAllowed(lounge('registration-open'), 'close-registration', before),
      ).not.toThrow();
      expect(() => assertActionAllowed(lounge('announced'), 'close-registration', before)).toThrow(
        ConflictError,
      );
    });

    it('marks held after the end, from registration closed or open', () => {
      expect(() => assertActionAllowed(lounge('registration-closed'), 'mark-held', afterEnd)).not.toThrow();
      expect(() => assertActionAllowed(lounge('registration-open'), 'mark-held', afterEnd)).not.toThrow();
      expect(() => assertActionAllowed(lounge('registration-closed'), 'mark-held', before)).toThrow(
        'Die Veranstaltung endet erst am 15.04.2027, 21:00 Uhr; erst danach kann sie als stattgefunden gelten.',
      );
      expect(() => assertActionAllowed(lounge('announced'), 'mark-held', afterEnd)).toThrow(ConflictError);
    });

    it('does not mark a series held while a module has no date', () => {
      const series = clubEvent(
        circlePlan([circleModule(), circleModule({ startsAt: undefined, endsAt: undefined })]),
        {
          status: 'registration-closed',
        },
      );
      expect(() => assertActionAllowed(series, 'mark-held', berlin('2028-01-01T00:00'))).toThrow(
        RuleViolationError,
      );
    });

    it('cancels from every status but held and cancelled', () => {
      for (const status of ['draft', 'announced', 'registration-open', 'registration-closed'] as const) {
        expect(assertActionAllowed(lounge(status), 'cancel', afterEnd)).toBe(status);
      }
      expect(() => assertActionAllowed(lounge('held'), 'cancel', afterEnd)).toThrow(ConflictError);
      expect(() => assertActionAllowed(lounge('cancelled'), 'cancel', afterEnd)).toThrow(ConflictError);
    });
  });

  describe(assertPlanChangeable.name, () => {
    it('lets the plan change until the event is held or cancelled', () => {
      expect(() => assertPlanChangeable(lounge('registration-closed'))).not.toThrow();
      expect(() => assertPlanChangeable(lounge('held'))).toThrow(ConflictError);
      expect(() => assertPlanChangeable(lounge('cancelled'))).toThrow('kann nicht mehr geändert werden');
    });
  });

  describe(scheduledTransition.name, () => {
    it('opens at the window opening, closes at its closing, holds at the end', () => {
      const plan = loungePlan();
      expect(scheduledTransition(lounge('announced'))).toEqual({
        action: 'open-registration',
        at: plan.registration.opensAt,
      });
      expect(scheduledTransition(lounge('registration-open'))).toEqual({
        action: 'close-registration',
        at: plan.registration.closesAt,
      });
      expect(scheduledTransition(lounge('registration-closed'))).toEqual({
        action: 'mark-held',
        at: plan.endsAt,
      });
    });

    it('has nothing to do for drafts, held and cancelled events', () => {
      for (const status of ['draft', 'held', 'cancelled'] as const)
        expect(scheduledTransition(lounge(status))).toBeUndefined();
    });

    it('does not hold a series while a module has no date', () => {
      const series = clubEvent(
        circlePlan([circleModule(), circleModule({ startsAt: undefined, endsAt: undefined })]),
        {
          status: 'registration-closed',
        },
      );
      expect(scheduledTransition(series)).toBeUndefined();
    });
  });

  describe(dueTransition.name, () => {
    it('is due from its time on, and one step at a time', () => {
      const event = lounge('announced');
      expect(dueTransition(event, berlin('2027-02-01T08:59'))).toBeUndefined();
      expect(dueTransition(event, berlin('2027-02-01T09:00'))).toMatchObject({ action: 'open-registration' });
      expect(dueTransition(event, afterEnd)).toMatchObject({ action: 'open-registration' });
    });
  });
});
