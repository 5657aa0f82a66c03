import { MergedWrites } from './merged-writes';

/** A write the test finishes by hand, recording what each call carried. */
function controlledWrite() {
  const writes: { items: number[]; finish: () => void; fail: (error: Error) => void }[] = [];
  const write = (items: number[]) =>
    new Promise<void>((finish, fail) => {
      writes.push({ items, finish, fail });
    });
  return { writes, write };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe(MergedWrites.name, () => {
  describe('add', () => {
    it('writes a caller alone at once, and what comes meanwhile together in the next write', async () => {
      const { writes, write } = controlledWrite();
      const sut = new MergedWrites(write);

      const first = sut.add([1]);
      const second = sut.add([2, 3]);
      const third = sut.add([4]);
      expect(writes.map((call) => call.items)).toEqual([[1]]);

      writes[0].finish();
      await first;
      await settled();
      expect(writes.map((call) => call.items)).toEqual([[1], [2, 3, 4]]);
      writes[1].finish();
      await expect(Promise.all([second, third])).resolves.toEqual([undefined, undefined]);
    });

    it('fails every caller of a failed write and goes on with the next', async () => {
      const { writes, write } = controlledWrite();
      const sut = new MergedWrites(write);

      const first = sut.add([1]);
      const second = sut.add([2]);
      const third = sut.add([3]);
      writes[0].finish();
      await first;
      await settled();
      writes[1].fail(new Error('database gone'));
      await expect(second).rejects.toThrow('database gone');
      await expect(third).rejects.toThrow('database gone');

      const fourth = sut.add([4]);
      expect(writes.map((call) => call.items)).toEqual([[1], [2, 3], [4]]);
      writes[2].finish();
      await expect(fourth).resolves.toBeUndefined();
    });
  });
});
