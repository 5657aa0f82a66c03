export interface Stoppable {
  stop(): Promise<unknown>;
}

/**
 * Runs the starts concurrently. If any fails, stops those that succeeded and throws the first failure,
 * so that a half-started infrastructure never lingers.
 */
export async function startSideBySide<T extends readonly Stoppable[]>(
  starts: readonly [...{ [K in keyof T]: Promise<T[K]> }],
): Promise<T> {
  const results: PromiseSettledResult<Stoppable>[] = await Promise.allSettled(
    starts as Iterable<Promise<Stoppable>>,
  );
  const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure === undefined) {
    return results.map((result) => (result as PromiseFulfilledResult<Stoppable>).value) as unknown as T;
  }
  const started = results.filter(
    (result): result is PromiseFulfilledResult<Stoppable> => result.status === 'fulfilled',
  );
  await Promise.all(started.map((result) => result.value.stop()));
  throw failure.reason;
}
