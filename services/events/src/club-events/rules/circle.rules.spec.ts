import { berlin, circleModule, circlePlan } from '../../testing/event-factories';
import { circleProblems, circleSchedule } from './circle.rules';

const fields = (problems: readonly { field: string }[]) => problems.map((problem) => problem.field);

describe(circleProblems.name, () => {
  it('accepts a series with dated modules and one whose date is still open', () => {
    const plan = circlePlan([
      circleModule(),
      circleModule({
        title: 'Modul 2',
        startsAt: berlin('2027-11-07T10:00'),
        endsAt: berlin('2027-11-07T16:00'),
      }),
      circleModule({
        title: 'Modul 4',
        startsAt: undefined,
        endsAt: undefined,
        dateNote: 'Frühjahr/Sommer 2028',
      }),
    ]);
    expect(circleProblems(plan)).toEqual([]);
  });

  it('is always for its target group', () => {
    expect(fields(circleProblems(circlePlan(undefined, { audience: 'members' })))).toEqual(['audience']);
    expect(fields(circleProblems(circlePlan(undefined, { targetGroup: undefined })))).toEqual([
      'targetGroup',
    ]);
  });

  it('needs at least one dated module', () => {
    const plan = circlePlan([circleModule({ startsAt: undefined, endsAt: undefined, dateNote: '2028' })]);
    expect(fields(circleProblems(plan))).toEqual(['modules']);
  });

  it('needs both start and end of a module, or neither', () => {
    const plan = circlePlan([
      circleModule(),
      circleModule({ title: 'Nur Beginn', startsAt: berlin('2027-11-07T10:00'), endsAt: undefined }),
      circleModule({ title: 'Nur Ende', startsAt: undefined, endsAt: berlin('2027-11-07T16:00') }),
    ]);
    expect(fields(circleProblems(plan))).toEqual(['modules.1.endsAt', 'modules.2.startsAt']);
  });

  it('refuses a module that ends before it starts, and a date note on a dated module', () => {
    const plan = circlePlan([
      circleModule({ endsAt: berlin('2027-08-14T09:00') }),
      circleModule({
        title: 'Modul 2',
        startsAt: berlin('2027-11-07T10:00'),
        endsAt: berlin('2027-11-07T16:00'),
        dateNote: 'Herbst',
      }),
    ]);
    expect(fields(circleProblems(plan))).toEqual(['modules.0.endsAt', 'modules.1.dateNote']);
  });

  it('closes registration before the first dated module', () => {
    const plan = circlePlan([circleModule()], {
      registration: { opensAt: berlin('2027-05-01T09:00'), closesAt: berlin('2027-08-14T12:00') },
    });
    expect(circleProblems(plan)).toEqual([
      {
        field: 'registration.closesAt',
        message:
          'Die Anmeldung muss spätestens zum Beginn der Veranstaltung (14.08.2027, 10:00 Uhr) schließen.',
      },
    ]);
  });
});

describe(circleSchedule.name, () => {
  it('runs from the first dated module to the end of the last, in any order', () => {
    const modules = [
      circleModule({ startsAt: berlin('2027-11-07T10:00'), endsAt: berlin('2027-11-07T16:00') }),
      circleModule({ startsAt: undefined, endsAt: undefined }),
      circleModule({ startsAt: berlin('2027-08-14T10:00'), endsAt: berlin('2027-08-14T16:00') }),
    ];
    expect(circleSchedule(modules)).toEqual({
      startsAt: berlin('2027-08-14T10:00'),
      endsAt: berlin('2027-11-07T16:00'),
    });
  });

  it('has no dates without dated modules', () => {
    expect(circleSchedule([circleModule({ startsAt: undefined, endsAt: undefined })])).toEqual({});
  });
});
