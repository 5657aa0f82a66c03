import { BoundedMap } from './bounded-map';

describe('BoundedMap', () => {
  it('keeps at most its limit, dropping the oldest, and counts a key set again as the newest', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1).set('b', 2).set('a', 3).set('c', 4);

    expect([...map]).toEqual([
      ['a', 3],
      ['c', 4],
    ]);
  });
});
