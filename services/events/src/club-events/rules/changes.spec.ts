import {
  berlin,
  circleModule,
  circlePlan,
  forumPlan,
  loungePlan,
  session,
} from '../../testing/event-factories';
import { changedAspects } from './changes';

describe(changedAspects.name, () => {
  it('finds no change in an equal plan, whatever the order of keys or absent optional fields', () => {
    const plan = loungePlan();
    const same = {
      ...plan,
      summary: undefined,
      venue: { federalState: 'BW' as const, city: 'Ulm', name: 'Stadthaus Ulm' },
      startsAt: new Date(plan.startsAt!.getTime()),
    };
    expect(changedAspects(plan, same)).toEqual([]);
  });

  it('names each changed aspect once, in the contract order', () => {
    const plan = loungePlan();
    const changed = loungePlan({
      title: 'Neuer Titel',
      venue: { name: 'Kongresshaus', city: 'Ulm', federalState: 'BW' },
      startsAt: berlin('2027-04-16T17:00'),
      endsAt: berlin('2027-04-16T21:00'),
      capacity: 60,
      registration: { opensAt: plan.registration.opensAt, closesAt: berlin('2027-04-10T12:00') },
      announceTo: 'matching-themes',
    });
    expect(changedAspects(plan, changed)).toEqual([
      'details',
      'schedule',
      'venue',
      'capacity',
      'registration-window',
      'audience',
    ]);
  });

  it('counts a cleared summary, new themes and a new host as details', () => {
    const plan = loungePlan({ summary: 'Kurz gesagt' });
    expect(changedAspects(plan, loungePlan())).toEqual(['details']);
    expect(changedAspects(plan, { ...plan, themes: ['Digitalisierung', 'Bildung'] })).toEqual(['details']);
    expect(
      changedAspects(plan, {
        ...plan,
        lounge: { topic: plan.lounge!.topic, host: { name: 'Neu-Ulm', federalState: 'BY' } },
      }),
    ).toEqual(['details']);
  });

  it('counts any change of the sessions as agenda, and a moved forum as schedule', () => {
    const talk = session();
    const plan = forumPlan([talk]);
    expect(changedAspects(plan, forumPlan([{ ...talk, room: 'Saal B' }]))).toEqual(['agenda']);
    expect(
      changedAspects(
        plan,
        forumPlan([{ ...talk, speakers: [{ kind: 'external', name: 'Ada', organisation: 'Kehl' }] }]),
      ),
    ).toEqual(['agenda']);
    expect(changedAspects(plan, { ...plan, endsAt: berlin('2027-05-13T17:00') })).toEqual(['schedule']);
  });

  it("counts a module's date as schedule, its place as venue and the rest as agenda", () => {
    const module = circleModule();
    const plan = circlePlan([module]);
    expect(changedAspects(plan, circlePlan([{ ...module, startsAt: berlin('2027-08-14T09:00') }]))).toEqual([
      'schedule',
    ]);
    expect(changedAspects(plan, circlePlan([{ ...module, place: 'Stadthalle Pegnitz' }]))).toEqual(['venue']);
    expect(
      changedAspects(plan, circlePlan([{ ...module, guidingQuestions: ['Was wollen wir erreichen?'] }])),
    ).toEqual(['agenda']);
    expect(
      changedAspects(
        plan,
        circlePlan([module, circleModule({ startsAt: undefined, endsAt: undefined, dateNote: '2028' })]),
      ),
    ).toEqual(['schedule', 'venue', 'agenda']);
  });

  it('counts the delegation rule and the target group as audience, the fee as details', () => {
    const plan = circlePlan();
    expect(
      changedAspects(plan, {
        ...plan,
        circle: { ...plan.circle!, delegation: { maxPeople: 5, suggestedRoles: ['mayor'] } },
      }),
    ).toEqual(['audience']);
    expect(changedAspects(plan, { ...plan, targetGroup: { federalStates: ['BY', 'BW'] } })).toEqual([
      'audience',
    ]);
    expect(changedAspects(plan, { ...plan, circle: { ...plan.circle!, feeCents: 5000 } })).toEqual([
      'details',
    ]);
  });
});
