/** Retry delays: exponential with full jitter, honouring Retry-After up to a cap. */

const BASE_MS = 50;

/**
 * Delay before retry number `retry` (0-based).
 * @example backoffMs(0, undefined, () => 0.5, 2000) // 25..50 ms range, here 25
 */
export function backoffMs(retry: number, retryAfterMs: number | undefined, random: () => number, maxMs: number): number {
  if (retryAfterMs !== undefined && retryAfterMs > 0) return Math.min(retryAfterMs, maxMs);
  const ceiling = Math.min(maxMs, BASE_MS * 2 ** retry);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Sleep that ends early (resolving false) when `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(t);
      resolve(false);
    };
    const t = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
