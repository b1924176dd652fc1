/**
 * A scripted HTTP upstream on 127.0.0.1 for provider and gateway tests:
 * each request takes the next reply (status, headers, body or timed chunks),
 * and can be made to stall, drop the connection mid-body, or never answer.
 * Requests are recorded with their parsed JSON bodies.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { readFileSync } from 'node:fs';

/** One scripted reply. */
export interface FakeReply {
  status?: number;
  headers?: Record<string, string>;
  /** Whole body, sent at once. */
  body?: string | Buffer;
  /** Body pieces, sent `chunkDelayMs` apart. */
  chunks?: (string | Buffer)[];
  chunkDelayMs?: number;
  /** Wait before sending headers. */
  delayMs?: number;
  /** Destroy the socket after the chunks instead of ending the response. */
  drop?: boolean;
  /** Send headers and the chunks, then keep the response open until the client leaves. */
  hang?: boolean;
}

/** A request as the fake saw it. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  raw: string;
  json: unknown;
}

/** A running fake upstream. */
export interface FakeUpstream {
  url: string;
  requests: RecordedRequest[];
  /** Requests whose connection the client closed before the reply ended. */
  clientAborts: number;
  /** Most requests in flight at once. */
  maxInFlight: number;
  push(...replies: FakeReply[]): void;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** SSE body from a fixture file, split into one chunk per event (blank-line separated). */
export function sseChunks(text: string): string[] {
  return text.split(/(?<=\n\n)/).filter((s) => s.length > 0);
}

/** Read a fixture beside a test: `fixture(import.meta.url, 'chat.json')`. */
export function fixture(base: string, name: string): string {
  return readFileSync(new URL(`./__fixtures__/${name}`, base), 'utf8');
}

/** Start a fake upstream with an initial reply script (or a function deciding per request). */
export async function startFakeUpstream(script: FakeReply[] | ((req: RecordedRequest) => FakeReply) = []): Promise<FakeUpstream> {
  const queue = Array.isArray(script) ? [...script] : [];
  const sockets = new Set<Socket>();
  const fake: FakeUpstream = {
    url: '',
    requests: [],
    clientAborts: 0,
    maxInFlight: 0,
    push: (...r) => void queue.push(...r),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
  const state = { fake, next: (rec: RecordedRequest) => (Array.isArray(script) ? (queue.shift() ?? NO_REPLY) : script(rec)), inFlight: 0 };
  const server = createServer((req, res) => void handle(state, req, res));
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

const NO_REPLY: FakeReply = { status: 500, body: '{"error":{"message":"no scripted reply"}}' };

interface ServerState {
  fake: FakeUpstream;
  next: (rec: RecordedRequest) => FakeReply;
  inFlight: number;
}

async function handle(st: ServerState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const parts: Buffer[] = [];
  for await (const c of req) parts.push(c as Buffer);
  const raw = Buffer.concat(parts).toString('utf8');
  let json: unknown;
  try {
    json = raw ? JSON.parse(raw) : undefined;
  } catch {
    json = undefined;
  }
  const rec: RecordedRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, raw, json };
  st.fake.requests.push(rec);
  const reply = st.next(rec);
  st.inFlight++;
  st.fake.maxInFlight = Math.max(st.fake.maxInFlight, st.inFlight);
  let finished = false;
  res.on('close', () => {
    st.inFlight--;
    if (!finished) st.fake.clientAborts++;
  });
  if (reply.delayMs) await sleep(reply.delayMs);
  if (res.destroyed) return;
  res.writeHead(reply.status ?? 200, { 'content-type': reply.chunks ? 'text/event-stream' : 'application/json', ...reply.headers });
  if (reply.body !== undefined) res.write(reply.body);
  for (const c of reply.chunks ?? []) {
    if (res.destroyed) return;
    res.write(c);
    if (reply.chunkDelayMs) await sleep(reply.chunkDelayMs);
  }
  finished = reply.drop === true || !reply.hang;
  if (reply.drop) {
    await sleep(5);
    res.socket?.destroy();
  } else if (!reply.hang) {
    res.end();
  }
}
