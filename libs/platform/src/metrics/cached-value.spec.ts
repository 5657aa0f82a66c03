import { CachedValue } from './cached-value';

describe(CachedValue.name, () => {
  let now: number;
  let reads: number;
  let answer: () => Promise<number>;
  let sut: CachedValue<number>;

  beforeEach(() => {
    now = 1_000;
    reads = 0;
    answer = () => Promise.resolve(reads);
    sut = new CachedValue(
      () => {
        reads++;
        return answer();
      },
      5000,
      () => now,
    );
  });

  it('reads once within its age, and again after it', async () => {
    expect(await sut.get()).toBe(1);
    now += 4999;
    expect(await sut.get()).toBe(1);
    now += 1;
    expect(await sut.get()).toBe(2);
  });

  it('shares one read among callers at the same time', async () => {
    const values = await Promise.all([sut.get(), sut.get(), sut.get()]);

    expect(values).toEqual([1, 1, 1]);
    expect(reads).toBe(1);
  });

  it('does not keep a failed read', async () => {
    answer = () => Promise.reject(new Error('broker away'));
    await expect(sut.get()).rejects.toThrow('broker away');

    answer = () => Promise.resolve(reads);
    expect(await sut.get()).toBe(2);
  });
});
