import { summarize } from './stats';

describe(summarize.name, () => {
  it('takes the middle value of an odd number of runs', () => {
    expect(summarize([3, 1, 2])).toMatchObject({ median: 2, min: 1, max: 3 });
  });

  it('averages the two middle values of an even number of runs', () => {
    expect(summarize([4, 1, 3, 2]).median).toBe(2.5);
  });

  it('refuses to summarize nothing', () => {
    expect(() => summarize([])).toThrow('no values');
  });
});
