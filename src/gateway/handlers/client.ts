/** Response headers shared by the API handlers. */

/** Headers of a JSON answer with a known length (so Node need not chunk it). */
export function jsonHeaders(payload: string | Buffer): Record<string, string | number> {
  return { 'content-type': 'application/json', 'content-length': typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length };
}

/** Headers of an SSE answer (no buffering by proxies in between). */
export const SSE_HEADERS = { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'x-accel-buffering': 'no' } as const;
