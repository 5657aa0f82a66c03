import { berlin, loungePlan } from '../../testing/event-factories';
import { audienceProblems, registrationProblems, scheduleProblems, sharedProblems } from './shared.rules';

const fields = (problems: readonly { field: string }[]) => problems.map((problem) => problem.field);

describe('shared event rules', () => {
  describe(scheduleProblems.name, () => {
    it('accepts an event that ends after it starts', () => {
      expect(scheduleProblems(loungePlan())).toEqual([]);
    });

    it('refuses an end before or at the start', () => {
      const startsAt = berlin('2027-04-15T17:00');
      expect(fields(scheduleProblems({ startsAt, endsAt: berlin('2027-04-15T16:00') }))).toEqual(['endsAt']);
      expect(fields(scheduleProblems({ startsAt, endsAt: startsAt }))).toEqual(['endsAt']);
    });
  });

  describe(registrationProblems.name, () => {
    it('accepts a window that closes exactly when the event starts', () => {
      const plan = loungePlan();
      expect(
        registrationProblems({
          ...plan,
          registration: { opensAt: berlin('2027-02-01T09:00'), closesAt: plan.startsAt! },
        }),
      ).toEqual([]);
    });

    it('refuses a window that closes before it opens', () => {
      const problems = registrationProblems({
        ...loungePlan(),
        registration: { opensAt: berlin('2027-03-01T09:00'), closesAt: berlin('2027-02-01T09:00') },
      });
      expect(fields(problems)).toEqual(['registration.closesAt']);
    });

    it('refuses registration that closes after the event has started, naming the start in Berlin time', () => {
      const [problem] = registrationProblems({
        ...loungePlan(),
        registration: { opensAt: berlin('2027-02-01T09:00'), closesAt: berlin('2027-04-15T18:00') },
      });
      expect(problem).toEqual({
        field: 'registration.closesAt',
        message:
          'Die Anmeldung muss spätestens zum Beginn der Veranstaltung (15.04.2027, 17:00 Uhr) schließen.',
      });
    });
  });

  describe(audienceProblems.name, () => {
    it('needs a target group for the audience target-group', () => {
      expect(fields(audienceProblems({ audience: 'target-group' }))).toEqual(['targetGroup']);
      expect(audienceProblems({ audience: 'target-group', targetGroup: { federalStates: ['BY'] } })).toEqual(
        [],
      );
    });

    it('refuses a target group for another audience rather than ignore it', () => {
      expect(
        fields(audienceProblems({ audience: 'members', targetGroup: { federalStates: ['BY'] } })),
      ).toEqual(['targetGroup']);
      expect(audienceProblems({ audience: 'members-and-guests' })).toEqual([]);
    });
  });

  it('reports every broken rule at once', () => {
    const plan = loungePlan({
      endsAt: berlin('2027-04-15T16:00'),
      registration: { opensAt: berlin('2027-05-01T09:00'), closesAt: berlin('2027-04-20T09:00') },
      audience: 'target-group',
    });
    expect(fields(sharedProblems(plan))).toEqual([
      'endsAt',
      'registration.closesAt',
      'registration.closesAt',
      'targetGroup',
    ]);
  });
});
