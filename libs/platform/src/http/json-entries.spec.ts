import { jsonEntries } from './json-entries';

describe(jsonEntries.name, () => {
  it('yields every key of objects and lists with its dotted path and depth', () => {
    const entries = [...jsonEntries({ name: 'A', sessions: [{ title: 'T' }] })].map(({ path, depth }) => [
      path,
      depth,
    ]);

    expect(entries.sort()).toEqual([
      ['name', 1],
      ['sessions', 1],
      ['sessions.0', 2],
      ['sessions.0.title', 3],
    ]);
  });

  it('yields a skipped key but does not enter it, and enters no Buffer', () => {
    const paths = [...jsonEntries({ skip: { inner: 1 }, file: Buffer.from('ab') }, new Set(['skip']))].map(
      (entry) => entry.path,
    );

    expect(paths.sort()).toEqual(['file', 'skip']);
  });
});
