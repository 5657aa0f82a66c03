/** Polls until the check passes or the time is up; the last failure is the test's failure. */
export async function eventually<T>(
  check: () => Promise<T> | T,
  timeoutMs = 20_000,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await sleep(intervalMs);
  }
}

/**
 * Polls a count until it reaches `target`. It fails only when the count stops growing for `stallMs`:
 * a machine busy with other test files is slow, and a fixed deadline failed work that was still
 * progressing (a replica taking in 2,000 members beside three other integration workers).
 */
export async function countReaches(
  count: () => Promise<number>,
  target: number,
  { stallMs = 30_000, intervalMs = 250 } = {},
): Promise<void> {
  let highest = -1;
  let grewAt = Date.now();
  for (;;) {
    const current = await count();
    if (current === target) return;
    if (current > target) throw new Error(`Expected ${target}, counted ${current}`);
    if (current > highest) {
      highest = current;
      grewAt = Date.now();
    } else if (Date.now() - grewAt > stallMs) {
      throw new Error(`Expected ${target}, counted ${current}, with no growth for ${stallMs} ms`);
    }
    await sleep(intervalMs);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs `work` for every item with at most `limit` at a time; returns the results in the items' order. */
export async function inParallel<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}
