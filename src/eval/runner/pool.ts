/**
 * A fixed number of workers pulling from one lazy source. Async generators
 * queue concurrent `next()` calls, so workers can share one safely, and at
 * most `concurrency` items exist at a time: cases are generated as workers
 * free up, never all at once.
 */

/**
 * Run `work` over every item of `source` with at most `concurrency` in
 * flight. Stops pulling when `signal` aborts; the first error stops the
 * others from pulling and is rethrown once in-flight work has settled.
 */
export async function runPool<T>(source: AsyncIterator<T>, concurrency: number, work: (item: T) => Promise<void>, signal?: AbortSignal): Promise<void> {
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (!failure && !signal?.aborted) {
      let next: IteratorResult<T>;
      try {
        next = await source.next();
      } catch (error) {
        failure ??= { error };
        return;
      }
      if (next.done) return;
      try {
        await work(next.value);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  // Let the generator run its cleanup (close data-file streams) when we stopped early.
  await source.return?.();
  if (failure) throw failure.error;
}
