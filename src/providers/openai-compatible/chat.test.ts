import { afterEach, describe, expect, it } from 'vitest';
import { fakeProvider, recordingSleep, SECRET } from '../testing/drain.js';
import { fixture, startFakeUpstream, type FakeUpstream } from '../testing/fake-upstream.js';
import type { ChatRequest } from '../types.js';

const fx = (name: string) => fixture(import.meta.url, name);
const hello: ChatRequest = { messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Capital of France?' }] };

let fake: FakeUpstream;
afterEach(async () => fake?.close());

describe('openai-compatible chat', () => {
  it('maps a recorded completion: content, usage with cached tokens, upstream model, auth header', async () => {
    fake = await startFakeUpstream([{ body: fx('chat.json') }]);
    const p = fakeProvider(fake.url, { model: 'gpt-4o-mini' });
    const r = await p.chat(hello);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.choices[0]?.message.content).toBe('Paris is the capital of France.');
    expect(r.value.choices[0]?.finish_reason).toBe('stop');
    expect(r.value.usage).toEqual({ prompt_tokens: 1200, completion_tokens: 8, total_tokens: 1208, cached_tokens: 1024, reasoning_tokens: 0, source: 'api' });
    expect(r.value.upstream_model).toBe('gpt-4o-mini-2024-07-18');
    expect(r.value.model).toBe('gpt-4o-mini');
    expect(r.value.provider).toBe('fake');
    expect(r.value.latency_ms).toBeGreaterThanOrEqual(0);
    // cost from the default table: 176 fresh × 0.15 + 1024 cached × 0.075 + 8 × 0.60, per 1M
    expect(r.value.cost?.total_usd).toBeCloseTo((176 * 0.15 + 1024 * 0.075 + 8 * 0.6) / 1e6, 12);
    const req = fake.requests[0];
    expect(req?.url).toBe('/v1/chat/completions');
    expect(req?.headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(req?.json).toEqual({ model: 'gpt-4o-mini', messages: hello.messages });
  });

  it('keeps DeepSeek-R1 style reasoning_content and reasoning token counts', async () => {
    fake = await startFakeUpstream([{ body: fx('chat-reasoning.json') }]);
    const r = await fakeProvider(fake.url).chat(hello);
    expect(r.ok && r.value.choices[0]?.message.reasoning_content).toContain('tenths digit');
    expect(r.ok && r.value.usage.reasoning_tokens).toBe(48);
  });

  it('returns tool calls and sends tools, tool_choice and tool messages as given', async () => {
    fake = await startFakeUpstream([{ body: fx('chat-tool-calls.json') }]);
    const req: ChatRequest = {
      messages: [
        { role: 'user', content: 'Weather and time in Hangzhou?' },
        { role: 'assistant', content: null, tool_calls: [{ id: 'c0', type: 'function', function: { name: 'noop', arguments: '{}' } }] },
        { role: 'tool', tool_call_id: 'c0', content: 'done' },
      ],
      tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } }],
      tool_choice: 'auto',
    };
    const r = await fakeProvider(fake.url).chat(req);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const m = r.value.choices[0]?.message;
    expect(m?.content).toBeNull();
    expect(m?.tool_calls?.map((c) => [c.id, c.function.name, JSON.parse(c.function.arguments)])).toEqual([
      ['call_weather_1', 'get_weather', { city: 'Hangzhou', unit: 'c' }],
      ['call_time_2', 'get_time', { tz: 'Asia/Shanghai' }],
    ]);
    expect(r.value.choices[0]?.finish_reason).toBe('tool_calls');
    const body = fake.requests[0]?.json as Record<string, unknown>;
    expect(body.tools).toEqual(req.tools);
    expect(body.tool_choice).toBe('auto');
    expect(body.messages).toEqual(req.messages);
  });

  it('sends JSON mode, clamps parameters and merges extra pass-through fields', async () => {
    fake = await startFakeUpstream([{ body: fx('chat.json') }]);
    const schema = { type: 'object', properties: { a: { type: 'number' } }, required: ['a'] };
    await fakeProvider(fake.url).chat({
      ...hello,
      response_format: { type: 'json_schema', json_schema: { name: 'a', schema, strict: true } },
      temperature: 3,
      top_p: 0.9,
      max_tokens: 64,
      stop: ['\n\n'],
      seed: 7,
      user: 'u-1',
      extra: { repetition_penalty: 1.1 },
    });
    expect(fake.requests[0]?.json).toMatchObject({
      response_format: { type: 'json_schema', json_schema: { name: 'a', schema, strict: true } },
      temperature: 2,
      top_p: 0.9,
      max_tokens: 64,
      stop: ['\n\n'],
      seed: 7,
      user: 'u-1',
      repetition_penalty: 1.1,
    });
  });

  it('turns an explicit refusal into a refused failure that still carries the response', async () => {
    fake = await startFakeUpstream([{ body: fx('chat-refusal.json') }]);
    const r = await fakeProvider(fake.url).chat(hello);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.failure.kind).toBe('refused');
    expect(r.failure.response?.choices[0]?.message.content).toContain("can't help");
  });

  it('estimates usage when the upstream reports none (CJK counted per character) and says so', async () => {
    fake = await startFakeUpstream([{ body: fx('chat-no-usage.json') }]);
    const r = await fakeProvider(fake.url).chat(hello);
    expect(r.ok && r.value.usage.source).toBe('estimate');
    // "你好，世界! Hello there." = 5 wide chars + ceil(14 / 4)
    expect(r.ok && r.value.usage.completion_tokens).toBe(5 + 4);
  });

  it('retries 429 honouring Retry-After, then succeeds', async () => {
    fake = await startFakeUpstream([
      { status: 429, headers: { 'retry-after': '2' }, body: fx('error-429.json') },
      { status: 429, headers: { 'retry-after-ms': '20' }, body: fx('error-429.json') },
      { body: fx('chat.json') },
    ]);
    const hooks = recordingSleep();
    const r = await fakeProvider(fake.url, {}, hooks).chat(hello);
    expect(r.ok).toBe(true);
    expect(hooks.delays).toEqual([2000, 20]);
    expect(fake.requests).toHaveLength(3);
  });

  it('waits for real between attempts (Retry-After in ms)', async () => {
    fake = await startFakeUpstream([{ status: 429, headers: { 'retry-after-ms': '60' }, body: fx('error-429.json') }, { body: fx('chat.json') }]);
    const t = performance.now();
    const r = await fakeProvider(fake.url).chat(hello);
    expect(r.ok).toBe(true);
    expect(performance.now() - t).toBeGreaterThanOrEqual(55);
  });

  it('retries 500 with backoff and reports attempts when retries run out', async () => {
    fake = await startFakeUpstream([{ status: 500, body: '{"error":{"message":"boom"}}' }, { status: 502, body: 'bad gateway' }, { status: 503, body: '' }]);
    const hooks = recordingSleep();
    const r = await fakeProvider(fake.url, { retries: 2 }, hooks).chat(hello);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.failure).toMatchObject({ kind: 'upstream_5xx', status: 503, attempts: 3, provider: 'fake' });
    expect(hooks.delays).toEqual([250, 500]);
  });

  it('does not retry a 400 and keeps the upstream error body for the gateway', async () => {
    fake = await startFakeUpstream([{ status: 400, body: fx('error-400.json') }]);
    const r = await fakeProvider(fake.url).chat(hello);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.failure.kind).toBe('upstream_4xx');
    expect(r.failure.message).toContain("'messages' must contain at least one message");
    expect(JSON.parse(r.failure.upstreamBody ?? '')).toEqual(JSON.parse(fx('error-400.json')));
    expect(fake.requests).toHaveLength(1);
  });

  it('gives up on a Retry-After longer than the policy allows', async () => {
    fake = await startFakeUpstream([{ status: 429, headers: { 'retry-after': '3600' }, body: fx('error-429.json') }]);
    const r = await fakeProvider(fake.url, {}, recordingSleep()).chat(hello);
    expect(!r.ok && r.failure).toMatchObject({ kind: 'rate_limited', retryAfterMs: 3_600_000, attempts: 1 });
  });

  it('times out a slow upstream without retrying forever, and never leaks the key', async () => {
    fake = await startFakeUpstream([{ delayMs: 500, body: fx('chat.json') }]);
    const r = await fakeProvider(fake.url, { retries: 0 }).chat(hello, { timeoutMs: 100 });
    expect(!r.ok && r.failure.kind).toBe('timeout');
    expect(JSON.stringify(r)).not.toContain(SECRET);
  });

  it('reports a refused connection as a network failure', async () => {
    fake = await startFakeUpstream();
    const url = fake.url;
    await fake.close();
    const r = await fakeProvider(url, { retries: 0 }).chat(hello);
    expect(!r.ok && r.failure.kind).toBe('network');
    expect(JSON.stringify(r)).not.toContain(SECRET);
  });

  it('cancels through the caller signal', async () => {
    fake = await startFakeUpstream([{ delayMs: 2_000, body: fx('chat.json') }]);
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    const r = await fakeProvider(fake.url).chat(hello, { signal: ac.signal });
    expect(!r.ok && r.failure.kind).toBe('cancelled');
  });

  it('fails with no model configured or given', async () => {
    fake = await startFakeUpstream();
    const p = fakeProvider(fake.url, { model: undefined });
    const r = await p.chat({ messages: [{ role: 'user', content: 'x' }] });
    expect(!r.ok && r.failure.message).toContain('no model');
    expect(fake.requests).toHaveLength(0);
  });
});
