import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { tinyLlamaGguf } from '../../artifacts/writers/tiny-llama.js';
import { collectStream } from '../collect.js';
import { createProvider, disposeModels } from '../index.js';
import { drain } from '../testing/drain.js';
import type { ProviderAdapter } from '../types.js';
import { defaultThreads } from './api.js';
import { toHistory } from './chat.js';

const SHARED = process.env.MODELGATE_SHARED ?? fileURLToPath(new URL('../../../../shared', import.meta.url));
const STORIES = join(SHARED, 'fixtures/models/stories260K.gguf');
const HAS_STORIES = existsSync(STORIES);
if (!HAS_STORIES) console.warn(`[local provider] SKIPPING stories260K tests: ${STORIES} is absent`);

const dir = mkdtempSync(join(tmpdir(), 'mg-local-'));
const TINY = join(dir, 'tiny-llama.gguf');
writeFileSync(TINY, tinyLlamaGguf());

const open: ProviderAdapter[] = [];
function local(modelPath: string, extra: Record<string, unknown> = {}): ProviderAdapter {
  const p = createProvider({ type: 'local', model_path: modelPath, context_size: 256, threads: 1, ...extra }, { id: 'local-test' });
  open.push(p);
  return p;
}
afterAll(async () => {
  for (const p of open) await p.close();
  await disposeModels();
});

const story = { messages: [{ role: 'user' as const, content: 'Once upon a time' }], max_tokens: 40 };

describe('local provider: mapping', () => {
  it('builds chat history: system, user, tool calls with their results, and a model turn to fill', () => {
    expect(
      toHistory([
        { role: 'system', content: 'S' },
        { role: 'user', content: [{ type: 'text', text: 'U' }] },
        { role: 'assistant', content: 'A', tool_calls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: '{"x":1}' } }] },
        { role: 'tool', tool_call_id: 'c1', content: 'R' },
        { role: 'tool', tool_call_id: 'orphan', content: 'O' },
      ]),
    ).toEqual([
      { type: 'system', text: 'S' },
      { type: 'user', text: 'U' },
      { type: 'model', response: ['A', { type: 'functionCall', name: 'f', params: { x: 1 }, result: 'R' }] },
      { type: 'user', text: 'Tool result (orphan): O' },
      { type: 'model', response: [] },
    ]);
  });

  it('picks 1 thread on 2 cores and at most 4', () => {
    expect(defaultThreads(2)).toBe(1);
    expect(defaultThreads(1)).toBe(1);
    expect(defaultThreads(8)).toBe(4);
  });
});

describe.skipIf(!HAS_STORIES)(`local provider on stories260K (${STORIES})`, () => {
  it('generates with the GGUF tokenizer counting usage, fast on one thread, deterministic at temperature 0', async () => {
    const p = local(STORIES);
    const t0 = performance.now();
    const r = await p.chat(story);
    const first = performance.now() - t0;
    const t1 = performance.now();
    const again = await p.chat(story);
    const second = performance.now() - t1;
    console.log(`[local provider] stories260K, threads 1, ctx 256: first call (load + ${r.ok ? r.value.usage.completion_tokens : '?'} tokens) ${first.toFixed(0)} ms, next call ${second.toFixed(0)} ms`);
    expect(r.ok).toBe(true);
    if (!r.ok || !again.ok) return;
    expect(r.value.choices[0]?.message.content?.length).toBeGreaterThan(0);
    expect(r.value.usage.source).toBe('tokenizer');
    expect(r.value.usage.prompt_tokens).toBeGreaterThan(3);
    expect(r.value.usage.completion_tokens).toBeLessThanOrEqual(40);
    expect(r.value.choices[0]?.finish_reason).toMatch(/stop|length/);
    expect(again.value.choices[0]?.message.content).toBe(r.value.choices[0]?.message.content);
    expect(second).toBeLessThan(5_000);
  });

  it('streams the same text through token callbacks, ending with finish reason and usage', async () => {
    const p = local(STORIES);
    const whole = await p.chat(story);
    const streamed = await collectStream(p, story);
    expect(streamed.ok && whole.ok).toBe(true);
    if (!streamed.ok || !whole.ok) return;
    expect(streamed.value.choices[0]?.message.content).toBe(whole.value.choices[0]?.message.content);
    expect(streamed.value.usage).toEqual(whole.value.usage);
    expect(streamed.value.ttft_ms).toBeDefined();
  });

  it('stops generating when the caller cancels mid-stream, and the engine stays usable', async () => {
    const p = local(STORIES);
    const ac = new AbortController();
    let chunks = 0;
    let failure: { kind: string; partial?: { content: string } } | undefined;
    for await (const item of p.stream({ ...story, max_tokens: 200 }, { signal: ac.signal })) {
      if (!item.ok) {
        failure = item.failure;
        break;
      }
      if (item.value.choices[0]?.delta.content && ++chunks === 3) ac.abort();
    }
    expect(failure?.kind).toBe('cancelled');
    expect(failure?.partial?.content.length).toBeGreaterThan(0);
    expect((await p.chat(story)).ok).toBe(true);
  });

  it('times out a long generation', async () => {
    const r = await local(STORIES).chat({ ...story, max_tokens: 5_000 }, { timeoutMs: 30 });
    expect(!r.ok && r.failure.kind).toBe('timeout');
  });

  it('constrains output to a JSON schema with a grammar', async () => {
    const r = await local(STORIES).chat({
      ...story,
      max_tokens: 60,
      response_format: { type: 'json_schema', json_schema: { name: 'flag', schema: { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'] } } },
    });
    expect(r.ok).toBe(true);
    const parsed = JSON.parse(r.ok ? (r.value.choices[0]?.message.content ?? '') : '') as { ok: unknown };
    expect(typeof parsed.ok).toBe('boolean');
  });

  it('serves concurrent requests on separate sequences', async () => {
    const p = local(STORIES, { limits: { concurrency: 2 } });
    const [a, b] = await Promise.all([p.chat(story), p.chat({ ...story, messages: [{ role: 'user', content: 'The dog' }] })]);
    expect(a.ok && b.ok).toBe(true);
  });
});

describe('local provider on the generated tiny llama GGUF', () => {
  it('loads it with its ChatML template and generates', async () => {
    const p = local(TINY);
    const r = await p.chat({ messages: [{ role: 'system', content: 'hello' }, { role: 'user', content: 'hello world' }], max_tokens: 16 });
    if (!r.ok) console.error('[local provider] tiny llama failed:', r.failure.message);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.usage.completion_tokens).toBeGreaterThan(0);
    expect(r.value.usage.completion_tokens).toBeLessThanOrEqual(16);
    // ChatML framing of two messages plus the reply primer is well over the text itself.
    expect(r.value.usage.prompt_tokens).toBeGreaterThan(10);
    const s = await drain(p.stream({ messages: [{ role: 'user', content: 'hello' }], max_tokens: 8 }));
    expect(s.failure).toBeUndefined();
    expect(s.chunks.at(-1)?.usage?.source).toBe('tokenizer');
  });

  it('refuses a truncated GGUF before llama.cpp sees it, and reports a missing file', async () => {
    const bad = join(dir, 'truncated.gguf');
    writeFileSync(bad, tinyLlamaGguf().subarray(0, 4_000));
    const r = await local(bad).chat(story);
    expect(!r.ok && r.failure).toMatchObject({ kind: 'upstream_5xx' });
    expect(!r.ok && r.failure.message).toMatch(/refusing to load/);
    const missing = await local(join(dir, 'missing.gguf')).chat(story);
    expect(!missing.ok && missing.failure.message).toMatch(/cannot open model file .*ENOENT/);
  });
});
