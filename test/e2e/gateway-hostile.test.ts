// Hostile clients on loopback, in bounded numbers: oversized, slow, malformed and deeply nested
// bodies, and crowds of idle connections. Each gets a clear answer (or a closed socket) and the
// gateway keeps serving.
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from '../../src/providers/testing/fake-upstream.js';
import { completion } from '../../src/gateway/test-support/openai-wire.js';
import { ADMIN_KEY, startTestGateway, type TestGateway } from '../../src/gateway/test-support/test-gateway.js';

let up: FakeUpstream | undefined;
let t: TestGateway | undefined;
afterEach(async () => {
  await t?.close();
  await up?.close();
  t = undefined;
});

type Body = NonNullable<Parameters<typeof fetch>[1]>['body'];
const ROUTES = { r: { deployments: [{ model: 'up0:m' }] } };
const headers = { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' };
const post = (body: Body, extra: RequestInit = {}) => fetch(`${t!.url}/v1/chat/completions`, { method: 'POST', headers, body, ...extra });
const good = JSON.stringify({ model: 'r', messages: [{ role: 'user', content: 'hi' }] });

async function start(server: Record<string, unknown> = {}): Promise<void> {
  up = await startFakeUpstream(() => ({ body: completion('ok') }));
  t = await startTestGateway(ROUTES, [up.url], { server: { body_limit_bytes: 64 * 1024, request_timeout_ms: 600, ...server } });
}

/** Send raw bytes on a fresh connection; resolve with everything the server wrote before closing. */
function raw(port: number, parts: (string | Buffer)[], gapMs = 0): Promise<string> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    let got = '';
    s.on('data', (d) => (got += d.toString('latin1')));
    s.on('error', () => resolve(got));
    s.on('close', () => resolve(got));
    void (async () => {
      for (const p of parts) {
        if (s.destroyed) return;
        s.write(p);
        if (gapMs) await new Promise((r) => setTimeout(r, gapMs));
      }
    })();
  });
}
const portOf = () => Number(new URL(t!.url).port);

describe('hostile clients', () => {
  it('refuses a declared oversized body with 413 without reading it', async () => {
    await start();
    const head = `POST /v1/chat/completions HTTP/1.1\r\nhost: x\r\nauthorization: Bearer ${ADMIN_KEY}\r\ncontent-type: application/json\r\ncontent-length: 50000000\r\n\r\n`;
    const answer = await raw(portOf(), [head, Buffer.alloc(64 * 1024, 0x20)]);
    expect(answer).toMatch(/^HTTP\/1.1 413/);
    expect(answer).toContain('request_too_large');
  });

  it('stops reading a chunked body at the limit', async () => {
    await start();
    const rss = process.memoryUsage().rss;
    const big = async function* () {
      for (let i = 0; i < 200; i++) yield new Uint8Array(64 * 1024).fill(0x20);
    };
    const r = await post(ReadableStream.from(big()) as unknown as Body, { duplex: 'half' } as Parameters<typeof fetch>[1]).catch((e: unknown) => e as Error);
    if (r instanceof Response) expect(r.status).toBe(413);
    expect(process.memoryUsage().rss - rss).toBeLessThan(64 * 1024 * 1024);
    expect((await post(good)).status).toBe(200);
  });

  it('answers 408 to a body that trickles in', async () => {
    await start();
    const head = `POST /v1/chat/completions HTTP/1.1\r\nhost: x\r\nauthorization: Bearer ${ADMIN_KEY}\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n`;
    const t0 = Date.now();
    const answer = await raw(portOf(), [head, ...Array.from({ length: 30 }, () => ' ')], 100);
    expect(answer).toMatch(/^HTTP\/1.1 408/);
    expect(Date.now() - t0).toBeLessThan(2_500);
  });

  it('rejects invalid UTF-8, malformed JSON and absurd nesting with 400', async () => {
    await start();
    const bad = Buffer.concat([Buffer.from('{"model":"r","messages":[{"role":"user","content":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}]}')]);
    for (const body of [bad, '{"model":', '[]', '['.repeat(30_000) + ']'.repeat(30_000), '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000)]) {
      const r = await post(body as Body);
      expect(r.status).toBe(400);
      const j = (await r.json()) as { error: { type: string; message: string } };
      expect(j.error.type).toBe('invalid_request_error');
    }
    expect((await post(good)).status).toBe(200);
  });

  it('closes idle connections and refuses those over max_connections, then serves again', async () => {
    await start({ max_connections: 100 });
    const sockets: Socket[] = [];
    let closed = 0;
    for (let i = 0; i < 150; i++) {
      const s = connect(portOf(), '127.0.0.1');
      s.on('error', () => {});
      s.on('close', () => closed++);
      sockets.push(s);
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(closed).toBeGreaterThanOrEqual(50);
    // Idle sockets that never send a request are dropped after the header/request timeouts.
    const deadline = Date.now() + 5_000;
    while (closed < 150 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(closed).toBe(150);
    expect((await post(good)).status).toBe(200);
    for (const s of sockets) s.destroy();
  });

  it('answers unknown paths and methods with OpenAI-style errors', async () => {
    await start();
    const a = await fetch(`${t!.url}/v1/nothing`);
    expect(a.status).toBe(404);
    expect(((await a.json()) as { error: { code: string } }).error.code).toBe('unknown_url');
    const b = await fetch(`${t!.url}/v1/chat/completions`);
    expect(b.status).toBe(405);
    expect((await fetch(`${t!.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${t!.url}/readyz`)).status).toBe(200);
  });
});
