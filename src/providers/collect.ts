/**
 * Stream a request and fold it into one ChatResponse with time-to-first-token:
 * what the eval harness uses to measure latency the way a user feels it.
 */
import { ChunkAssembler } from './shared/assemble.js';
import { estimatePromptTokens, makeUsage } from './shared/tokens.js';
import type { CallOptions, ChatRequest, ChatResponse, ProviderAdapter, Result } from './types.js';

/**
 * Run `adapter.stream` to the end and return the assembled response.
 * A failure mid-stream is returned as is (its `partial` holds what arrived).
 * @example
 * const r = await collectStream(provider, { messages: [{ role: 'user', content: 'hi' }] });
 * if (r.ok) console.log(r.value.ttft_ms, r.value.latency_ms);
 */
export async function collectStream(adapter: ProviderAdapter, req: ChatRequest, opts: CallOptions = {}): Promise<Result<ChatResponse>> {
  const started = performance.now();
  let ttft: number | undefined;
  const asm = new ChunkAssembler();
  for await (const item of adapter.stream(req, opts)) {
    if (!item.ok) return item;
    const c = item.value;
    if (ttft === undefined && c.choices.some((ch) => ch.delta.content || ch.delta.reasoning_content || ch.delta.tool_calls)) {
      ttft = Math.round(performance.now() - started);
    }
    asm.add(c);
  }
  const fallback = makeUsage(estimatePromptTokens(req.messages, req.tools), 0, 'estimate');
  const r = asm.response({
    model: req.model ?? asm.upstreamModel ?? '',
    provider: adapter.id,
    created: Math.floor(Date.now() / 1000),
    latency_ms: Math.round(performance.now() - started),
    ...(ttft !== undefined ? { ttft_ms: ttft } : {}),
    usage: fallback,
  });
  return { ok: true, value: r };
}
