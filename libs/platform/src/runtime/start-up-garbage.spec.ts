import { collectGarbage } from './start-up-garbage';

describe(collectGarbage.name, () => {
  it('frees what nothing refers to any more', () => {
    let garbage: number[][] | undefined = Array.from({ length: 200 }, () =>
      Array.from({ length: 10_000 }, Math.random),
    );
    const withGarbage = process.memoryUsage().heapUsed;
    expect(garbage).toHaveLength(200);
    garbage = undefined;

    collectGarbage();

    // 200 × 10,000 doubles are about 16 MB.
    expect(withGarbage - process.memoryUsage().heapUsed).toBeGreaterThan(10_000_000);
  });
});
