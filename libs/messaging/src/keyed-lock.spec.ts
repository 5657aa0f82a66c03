import { KeyedLock } from './keyed-lock';

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** Work that notes in `trace` when it starts and, a tick later, when it ends. */
function tracedWork() {
  const trace: string[] = [];
  const work = (name: string) => async () => {
    trace.push(`${name} start`);
    await tick();
    trace.push(`${name} end`);
  };
  return { trace, work };
}

describe(KeyedLock.name, () => {
  it('runs work for one key one after the other, in call order', async () => {
    const sut = new KeyedLock();
    const { trace, work } = tracedWork();
    await Promise.all([sut.run('a', work('first')), sut.run('a', work('second'))]);
    expect(trace).toEqual(['first start', 'first end', 'second start', 'second end']);
  });

  it('lets different keys run at the same time', async () => {
    const sut = new KeyedLock();
    const { trace, work } = tracedWork();
    await Promise.all([sut.run('a', work('a')), sut.run('b', work('b'))]);
    expect(trace.slice(0, 2)).toEqual(['a start', 'b start']);
  });

  it('goes on after a failure of earlier work for the same key', async () => {
    const sut = new KeyedLock();
    await expect(sut.run('a', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(sut.run('a', () => Promise.resolve('next'))).resolves.toBe('next');
  });
});
