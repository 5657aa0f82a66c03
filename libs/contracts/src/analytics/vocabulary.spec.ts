import { sizeClassOf } from './vocabulary';

describe(sizeClassOf.name, () => {
  it.each([
    [0, 'up-to-5000'],
    [5_000, 'up-to-5000'],
    [5_001, '5001-20000'],
    [20_000, '5001-20000'],
    [20_001, '20001-100000'],
    [100_000, '20001-100000'],
    [100_001, 'over-100000'],
    [3_700_000, 'over-100000'],
  ])('puts %i inhabitants in %s (a boundary belongs to the lower class)', (population, sizeClass) => {
    expect(sizeClassOf(population)).toBe(sizeClass);
  });
});
