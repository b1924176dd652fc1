/**
 * Byte serving and fault injection for the fake hub: Range requests (206 +
 * Content-Range, 416), and faults that mimic what breaks in real downloads.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A fault for one route. `times` (default: every request) counts requests
 * the fault applies to before the route behaves normally again.
 * - `truncate`: send `after` bytes of the body, then close the connection.
 * - `stall`: send `after` bytes, then go silent (client timeouts).
 * - `corrupt`: send the right number of wrong bytes.
 * - `ignore-range`: answer 200 with the whole file even when Range was asked.
 * - `status`: answer this status (with `Retry-After` / `X-Error-Code` if given).
 * - `garbage`: answer 200 with a body that is not JSON (model-info route).
 */
export type FakeFault =
  | { kind: 'truncate'; after: number; times?: number }
  | { kind: 'stall'; after: number; times?: number }
  | { kind: 'corrupt'; times?: number }
  | { kind: 'ignore-range'; times?: number }
  | { kind: 'status'; status: number; times?: number; retryAfter?: string; errorCode?: string }
  | { kind: 'garbage'; times?: number };

/** Faults with their remaining counts, consumed as requests arrive. */
export class FaultBook {
  private readonly left = new Map<string, { fault: FakeFault; remaining: number }[]>();

  constructor(faults: Record<string, FakeFault | readonly FakeFault[]> = {}) {
    for (const [key, value] of Object.entries(faults)) {
      const list = Array.isArray(value) ? (value as readonly FakeFault[]) : [value as FakeFault];
      this.left.set(key, list.map((fault) => ({ fault, remaining: fault.times ?? Infinity })));
    }
  }

  /** Use up one application of the first fault of `key` whose kind is in `kinds`. */
  take<K extends FakeFault['kind']>(key: string, kinds: readonly K[]): Extract<FakeFault, { kind: K }> | undefined {
    const entry = this.left.get(key)?.find((e) => e.remaining > 0 && (kinds as readonly string[]).includes(e.fault.kind));
    if (!entry) return undefined;
    entry.remaining--;
    return entry.fault as Extract<FakeFault, { kind: K }>;
  }
}

/** Faults that change how bytes are served. */
export type ByteFault = Extract<FakeFault, { kind: 'truncate' | 'stall' | 'corrupt' | 'ignore-range' }>;

/** Kinds of ByteFault, for `FaultBook.take`. */
export const BYTE_FAULTS = ['truncate', 'stall', 'corrupt', 'ignore-range'] as const;

/** Serve `data` honouring `Range: bytes=N-[M]`, with an optional fault. */
export function serveBytes(req: IncomingMessage, res: ServerResponse, data: Uint8Array, headers: Record<string, string>, fault?: ByteFault): void {
  const range = fault?.kind === 'ignore-range' ? undefined : parseRange(req.headers.range, data.byteLength);
  if (range === 'unsatisfiable') {
    res.writeHead(416, { ...headers, 'content-range': `bytes */${data.byteLength}` }).end();
    return;
  }
  const [start, end] = range ?? [0, data.byteLength - 1];
  let body = data.subarray(start, end + 1);
  if (fault?.kind === 'corrupt' && body.byteLength > 0) {
    body = Uint8Array.from(body, (b) => b ^ 0x5a);
  }
  res.writeHead(range ? 206 : 200, {
    ...headers,
    'accept-ranges': 'bytes',
    'content-type': 'application/octet-stream',
    'content-length': String(body.byteLength),
    ...(range ? { 'content-range': `bytes ${start}-${end}/${data.byteLength}` } : {}),
  });
  if (req.method === 'HEAD') {
    res.end();
  } else if (fault?.kind === 'truncate') {
    // Close a moment after the bytes are out, so the client has read them before the reset.
    res.write(body.subarray(0, fault.after), () => setTimeout(() => res.socket?.destroy(), 30));
  } else if (fault?.kind === 'stall') {
    res.write(body.subarray(0, fault.after)); // and never finish; close() tears the socket down
  } else {
    res.end(body);
  }
}

function parseRange(header: string | undefined, size: number): [number, number] | 'unsatisfiable' | undefined {
  const m = header ? /^bytes=(\d+)-(\d*)$/.exec(header.trim()) : null;
  if (!m) return undefined;
  const start = Number(m[1]);
  const end = m[2] ? Math.min(Number(m[2]), size - 1) : size - 1;
  return start >= size || end < start ? 'unsatisfiable' : [start, end];
}

/** An error answer shaped like the hub's: JSON body plus X-Error-Code / X-Error-Message headers. */
export function sendHubError(res: ServerResponse, status: number, errorCode: string | undefined, message: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    ...extra,
    'content-type': 'application/json; charset=utf-8',
    ...(errorCode ? { 'x-error-code': errorCode } : {}),
    'x-error-message': message,
  });
  res.end(JSON.stringify({ error: message }));
}
