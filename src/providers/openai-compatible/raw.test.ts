import { afterEach, describe, expect, it } from 'vitest';
import { SseParser } from '../shared/sse.js';
import { fakeProvider, recordingSleep, SECRET } from '../testing/drain.js';
import { fixture, sseChunks, startFakeUpstream, type FakeUpstream } from '../testing/fake-upstream.js';
import type { ProviderAdapter, RawUpstreamResponse, Result } from '../types.js';

const fx = (name: string) => fixture(import.meta.url, name);
const body = Buffer.from(JSON.stringify({ model: 'client-model', stream: true, messages: [{ role: 'user', content: 'hi' }], n: 1 }));

async function bytes(r: Result<RawUpstreamResponse>): Promise<Buffer> {
  if (!r.ok) throw new Error(r.failure.message);
  const parts: Buffer[] = [];
  for await (const c of r.value.body) parts.push(c);
  return Buffer.concat(parts);
}

function raw(p: ProviderAdapter) {
  if (!p.rawChat) throw new Error('no rawChat');
  return p.rawChat.bind(p);
}

let fake: FakeUpstream;
afterEach(async () => fake?.close());

describe('openai-compatible rawChat (gateway pass-through)', () => {
  it('forwards request bytes untouched and relays SSE bytes as sent', async () => {
    const sse = fx('stream.sse');
    fake = await startFakeUpstream([{ chunks: sseChunks(sse), headers: { 'x-request-id': 'req-42' } }]);
    const p = fakeProvider(fake.url);
    const r = await raw(p)(body, { stream: true });
    expect(r.ok && r.value.status).toBe(200);
    expect(r.ok && r.value.headers['x-request-id']).toBe('req-42');
    expect((await bytes(r)).toString()).toBe(sse);
    expect(fake.requests[0]?.raw).toBe(body.toString());
    expect(fake.requests[0]?.headers.authorization).toBe(`Bearer ${SECRET}`);
  });

  it('lets the gateway tap usage from the bytes it forwards with the same SSE parser', async () => {
    fake = await startFakeUpstream([{ chunks: sseChunks(fx('stream.sse')) }]);
    const r = await raw(fakeProvider(fake.url))(body, { stream: true });
    let usage: unknown;
    const tap = new SseParser((e) => {
      if (e.data !== '[DONE]' && e.data.includes('"usage"')) usage = (JSON.parse(e.data) as { usage: unknown }).usage;
    });
    if (!r.ok) throw new Error('expected ok');
    for await (const c of r.value.body) tap.push(c); // a gateway would also res.write(c)
    expect(usage).toEqual({ prompt_tokens: 12, completion_tokens: 7, total_tokens: 19 });
  });

  it('relays a JSON body', async () => {
    fake = await startFakeUpstream([{ body: fx('chat.json') }]);
    const r = await raw(fakeProvider(fake.url))(body, { stream: false });
    expect((await bytes(r)).toString()).toBe(fx('chat.json'));
  });

  it('retries 429 before any byte reached the caller, then hands back the stream', async () => {
    fake = await startFakeUpstream([{ status: 429, headers: { 'retry-after': '1' }, body: fx('error-429.json') }, { body: fx('chat.json') }]);
    const hooks = recordingSleep();
    const r = await raw(fakeProvider(fake.url, {}, hooks))(body, { stream: false });
    expect(r.ok).toBe(true);
    expect(hooks.delays).toEqual([1000]);
    expect(fake.requests.map((q) => q.raw)).toEqual([body.toString(), body.toString()]);
    await bytes(r);
  });

  it('returns a 4xx as a failure carrying the upstream body to forward', async () => {
    fake = await startFakeUpstream([{ status: 400, body: fx('error-400.json') }]);
    const r = await raw(fakeProvider(fake.url))(body, { stream: false });
    expect(!r.ok && r.failure).toMatchObject({ kind: 'upstream_4xx', status: 400, upstreamBody: fx('error-400.json') });
  });

  it('with retries 0 and no limits (the gateway\'s case) makes one call and counts it', async () => {
    fake = await startFakeUpstream([{ status: 429, headers: { 'retry-after': '1' }, body: fx('error-429.json') }, { body: fx('chat.json') }]);
    const hooks = recordingSleep();
    const r = await raw(fakeProvider(fake.url, {}, hooks))(body, { stream: false, retries: 0 });
    expect(!r.ok && r.failure).toMatchObject({ kind: 'rate_limited', status: 429, attempts: 1 });
    expect(hooks.delays).toEqual([]);
    expect(fake.requests).toHaveLength(1);
  });

  it('holds the concurrency slot until the relayed body closes', async () => {
    fake = await startFakeUpstream(() => ({ body: fx('chat.json'), delayMs: 30 }));
    const p = fakeProvider(fake.url, { limits: { concurrency: 1 } });
    const first = await raw(p)(body, { stream: false });
    let secondDone = false;
    const second = raw(p)(body, { stream: false }).then((r) => ((secondDone = true), r));
    await new Promise((r) => setTimeout(r, 80));
    expect(secondDone).toBe(false); // waiting: the first body is still open
    await bytes(first);
    await bytes(await second);
    expect(fake.maxInFlight).toBe(1);
  });
});

describe('limits', () => {
  it('never runs more than `concurrency` calls at once', async () => {
    fake = await startFakeUpstream(() => ({ body: fx('chat.json'), delayMs: 40 }));
    const p = fakeProvider(fake.url, { limits: { concurrency: 2 } });
    const all = await Promise.all(Array.from({ length: 6 }, () => p.chat({ messages: [{ role: 'user', content: 'x' }] })));
    expect(all.every((r) => r.ok)).toBe(true);
    expect(fake.maxInFlight).toBe(2);
  });

  it('a caller waiting for a slot can cancel', async () => {
    fake = await startFakeUpstream(() => ({ body: fx('chat.json'), delayMs: 300 }));
    const p = fakeProvider(fake.url, { limits: { concurrency: 1 } });
    const first = p.chat({ messages: [{ role: 'user', content: 'x' }] });
    const ac = new AbortController();
    const second = p.chat({ messages: [{ role: 'user', content: 'y' }] }, { signal: ac.signal });
    ac.abort();
    expect(((await second) as { failure?: { kind: string } }).failure?.kind).toBe('cancelled');
    expect((await first).ok).toBe(true);
    expect(fake.requests).toHaveLength(1);
  });
});
