import { afterEach, describe, expect, it } from 'vitest';
import { collectStream } from '../collect.js';
import { drain, fakeProvider, recordingSleep, SECRET } from '../testing/drain.js';
import { fixture, sseChunks, startFakeUpstream, type FakeUpstream } from '../testing/fake-upstream.js';
import type { ChatRequest } from '../types.js';

const fx = (name: string) => fixture(import.meta.url, name);
const hello: ChatRequest = { messages: [{ role: 'user', content: 'Say hello' }] };

/** Split a body into pieces of `n` bytes, so chunk borders fall mid-line and mid-UTF-8. */
function bytesOf(text: string, n: number): Buffer[] {
  const b = Buffer.from(text);
  const out: Buffer[] = [];
  for (let i = 0; i < b.length; i += n) out.push(b.subarray(i, i + n));
  return out;
}

let fake: FakeUpstream;
afterEach(async () => fake?.close());

describe('openai-compatible stream', () => {
  it('streams content and usage; asks for include_usage', async () => {
    fake = await startFakeUpstream([{ chunks: sseChunks(fx('stream.sse')) }]);
    const { chunks, failure, text } = await drain(fakeProvider(fake.url).stream(hello));
    expect(failure).toBeUndefined();
    expect(text).toBe('你好，世界 🌏 Hello!');
    expect(chunks.at(-1)?.usage).toEqual({ prompt_tokens: 12, completion_tokens: 7, total_tokens: 19, source: 'api' });
    expect(fake.requests[0]?.json).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it('survives chunks split every 7 bytes (mid-line, mid-UTF-8)', async () => {
    fake = await startFakeUpstream([{ chunks: bytesOf(fx('stream.sse'), 7) }]);
    const { failure, text } = await drain(fakeProvider(fake.url).stream(hello));
    expect(failure).toBeUndefined();
    expect(text).toBe('你好，世界 🌏 Hello!');
  });

  it('assembles streamed tool-call argument deltas by index', async () => {
    fake = await startFakeUpstream([{ chunks: bytesOf(fx('stream-tools.sse'), 13) }]);
    const r = await collectStream(fakeProvider(fake.url), hello);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const m = r.value.choices[0]?.message;
    expect(m?.tool_calls?.map((c) => [c.id, c.function.name, JSON.parse(c.function.arguments)])).toEqual([
      ['call_a', 'get_weather', { city: 'Paris' }],
      ['call_b', 'get_time', { tz: 'UTC' }],
    ]);
    expect(m?.content).toBeNull();
    expect(r.value.choices[0]?.finish_reason).toBe('tool_calls');
    expect(r.value.usage).toMatchObject({ cached_tokens: 64, source: 'api' });
    expect(r.value.ttft_ms).toBeGreaterThanOrEqual(0);
  });

  it('streams reasoning_content separately and reads DeepSeek cache hits', async () => {
    fake = await startFakeUpstream([{ chunks: sseChunks(fx('stream-reasoning.sse')) }]);
    const r = await collectStream(fakeProvider(fake.url), hello);
    expect(r.ok && r.value.choices[0]?.message).toMatchObject({ content: '9.11 is smaller.', reasoning_content: '1 < 8 in the tenths.' });
    expect(r.ok && r.value.usage.cached_tokens).toBe(16);
  });

  it('adds an estimated usage chunk when the upstream sends none', async () => {
    fake = await startFakeUpstream([{ chunks: sseChunks(fx('stream-no-usage.sse')) }]);
    const { chunks } = await drain(fakeProvider(fake.url).stream(hello));
    const last = chunks.at(-1);
    expect(last?.choices).toEqual([]);
    expect(last?.usage?.source).toBe('estimate');
    expect(last?.usage?.completion_tokens).toBe(Math.ceil('Hello world, how are you?'.length / 4));
  });

  it('turns a garbage line into bad_response with what arrived', async () => {
    fake = await startFakeUpstream([{ chunks: sseChunks(fx('stream-garbage.sse')) }]);
    const { failure, text } = await drain(fakeProvider(fake.url).stream(hello));
    expect(text).toBe('partial ');
    expect(failure).toMatchObject({ kind: 'bad_response', partial: { content: 'partial ' } });
    expect(failure?.message).toContain('502 Bad Gateway');
  });

  it('turns a truncated JSON event into bad_response', async () => {
    fake = await startFakeUpstream([{ chunks: sseChunks(fx('stream-badjson.sse')) }]);
    const { failure } = await drain(fakeProvider(fake.url).stream(hello));
    expect(failure).toMatchObject({ kind: 'bad_response', partial: { content: 'ok so far' } });
  });

  it('reports an error event inside a 200 stream', async () => {
    fake = await startFakeUpstream([{ chunks: sseChunks(fx('stream-error.sse')) }]);
    const { failure } = await drain(fakeProvider(fake.url).stream(hello));
    expect(failure).toMatchObject({ kind: 'upstream_5xx', partial: { content: 'Once' } });
  });

  it('reports a dropped connection with the partial output', async () => {
    const events = sseChunks(fx('stream.sse'));
    fake = await startFakeUpstream([{ chunks: events.slice(0, 3), drop: true }]);
    const { failure } = await drain(fakeProvider(fake.url, { retries: 0 }).stream(hello));
    expect(failure?.kind === 'network' || failure?.kind === 'bad_response').toBe(true);
    expect(failure?.partial?.content).toBe('你好');
  });

  it('reports a stream that ends cleanly before finishing', async () => {
    const events = sseChunks(fx('stream.sse'));
    fake = await startFakeUpstream([{ chunks: events.slice(0, 3) }]);
    const { failure } = await drain(fakeProvider(fake.url).stream(hello));
    expect(failure).toMatchObject({ kind: 'bad_response', partial: { content: '你好' } });
  });

  it('cancels mid-stream: the caller gets cancelled with partial output and the upstream sees the close', async () => {
    const events = sseChunks(fx('stream.sse'));
    fake = await startFakeUpstream([{ chunks: events, chunkDelayMs: 100 }]);
    const ac = new AbortController();
    const out: string[] = [];
    let kind: string | undefined;
    for await (const item of fakeProvider(fake.url).stream(hello, { signal: ac.signal })) {
      if (!item.ok) {
        kind = item.failure.kind;
        expect(item.failure.partial?.content).toBe(out.join(''));
        break;
      }
      out.push(item.value.choices[0]?.delta.content ?? '');
      if (out.join('') === '你好') ac.abort();
    }
    expect(kind).toBe('cancelled');
    await new Promise((r) => setTimeout(r, 50));
    expect(fake.clientAborts).toBe(1);
  });

  it('breaking out of the loop closes the upstream connection', async () => {
    fake = await startFakeUpstream([{ chunks: sseChunks(fx('stream.sse')), chunkDelayMs: 100 }]);
    for await (const item of fakeProvider(fake.url).stream(hello)) {
      if (item.ok && item.value.choices[0]?.delta.content) break;
    }
    await new Promise((r) => setTimeout(r, 50));
    expect(fake.clientAborts).toBe(1);
  });

  it('times out a silent stream (idle gap longer than timeoutMs)', async () => {
    fake = await startFakeUpstream([{ chunks: sseChunks(fx('stream.sse')).slice(0, 2), hang: true }]);
    const { failure } = await drain(fakeProvider(fake.url, { retries: 0 }).stream(hello, { timeoutMs: 150 }));
    expect(failure?.kind).toBe('timeout');
  });

  it('retries a stream that failed before its first chunk (503, then 200)', async () => {
    fake = await startFakeUpstream([{ status: 503, body: '{"error":"overloaded"}' }, { chunks: sseChunks(fx('stream.sse')) }]);
    const hooks = recordingSleep();
    const { failure, text } = await drain(fakeProvider(fake.url, {}, hooks).stream(hello));
    expect(failure).toBeUndefined();
    expect(text).toBe('你好，世界 🌏 Hello!');
    expect(hooks.delays).toHaveLength(1);
  });

  it('does not leak the key in a stream failure', async () => {
    fake = await startFakeUpstream([{ status: 401, body: '{"error":{"message":"Incorrect API key provided"}}' }]);
    const { failure } = await drain(fakeProvider(fake.url).stream(hello));
    expect(failure?.kind).toBe('upstream_4xx');
    expect(JSON.stringify(failure)).not.toContain(SECRET);
  });
});
