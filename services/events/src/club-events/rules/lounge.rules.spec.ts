import { loungePlan } from '../../testing/event-factories';
import { loungeProblems } from './lounge.rules';

describe(loungeProblems.name, () => {
  it('accepts a lounge with its host', () => {
    expect(loungeProblems(loungePlan())).toEqual([]);
  });

  it('refuses a host whose official key belongs to another Land', () => {
    const plan = loungePlan({
      lounge: { topic: 'Smarte Stadt', host: { name: 'Ulm', ags: '08421000', federalState: 'BY' } },
    });
    expect(loungeProblems(plan)).toEqual([
      { field: 'host.ags', message: expect.stringContaining('gehört zu Baden-Württemberg, nicht zu Bayern') },
    ]);
  });

  it('accepts a host without an official key', () => {
    expect(
      loungeProblems(
        loungePlan({ lounge: { topic: 'Smarte Stadt', host: { name: 'Ulm', federalState: 'BW' } } }),
      ),
    ).toEqual([]);
  });

  it('applies the shared rules', () => {
    const plan = loungePlan({ audience: 'members', targetGroup: { federalStates: ['BW'] } });
    expect(loungeProblems(plan).map((problem) => problem.field)).toEqual(['targetGroup']);
  });
});
