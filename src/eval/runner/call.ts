/**
 * One model call with the response cache in front: a hit returns what was
 * recorded (latency and cost included, so re-runs are free and identical);
 * a miss calls the provider, streaming when asked so time to first token is
 * measured. Upstream failures come back as case errors, never thrown.
 */
import { collectStream, type ChatResponse, type ProviderAdapter, type Result } from '../../providers/index.js';
import type { Store } from '../../store/index.js';
import type { CaseError, TokenSource } from '../types.js';
import { responseCacheKey } from './cache-key.js';
import type { ModelTarget } from './models.js';
import type { CallPlan } from './request.js';

/** A model's answer, reduced to what results record. */
export interface ModelReply {
  output: string;
  latencyMs: number;
  ttftMs?: number;
  tokens: { prompt: number; completion: number; cached?: number; source: TokenSource };
  costUsd: number;
  costKnown: boolean;
  /** Tool calls in the answer (kept apart so an answer with text and calls keeps both). */
  toolCalls?: { name: string; arguments: string }[];
  /** The upstream's separate reasoning text (`reasoning_content`). */
  reasoning?: string;
}

/** The outcome of a call. */
export type CallOutcome = { ok: true; reply: ModelReply; cached: boolean } | { ok: false; error: CaseError; latencyMs: number };

/** What a call needs besides the plan. */
export interface CallEnv {
  adapter: ProviderAdapter;
  target: ModelTarget;
  /** The store's cache; absent with `--no-cache`. */
  cache?: Pick<Store, 'cacheGet' | 'cacheSet'>;
  /** Pending cache writes, awaited before the store closes. */
  writes: Set<Promise<void>>;
  signal?: AbortSignal;
}

function isReply(v: unknown): v is ModelReply {
  const r = v as ModelReply;
  return !!r && typeof r.output === 'string' && typeof r.latencyMs === 'number' && typeof r.costUsd === 'number' && !!r.tokens && typeof r.tokens.prompt === 'number';
}

/** The text of a response: the content, or the tool calls as JSON when there is none. */
export function outputOf(r: ChatResponse): string {
  const m = r.choices[0]?.message;
  if (!m) return '';
  if (m.content) return m.content;
  return m.tool_calls?.length ? JSON.stringify(m.tool_calls) : '';
}

function toReply(r: ChatResponse, target: ModelTarget): ModelReply {
  const reply: ModelReply = {
    output: outputOf(r),
    latencyMs: r.latency_ms,
    tokens: { prompt: r.usage.prompt_tokens, completion: r.usage.completion_tokens, source: r.usage.source },
    costUsd: r.cost?.total_usd ?? 0,
    // A local model without a configured price costs nothing per call; a hosted one without a price is unknown.
    costKnown: r.cost !== undefined || target.config.type === 'local',
  };
  if (r.usage.cached_tokens !== undefined) reply.tokens.cached = r.usage.cached_tokens;
  if (r.ttft_ms !== undefined) reply.ttftMs = r.ttft_ms;
  const message = r.choices[0]?.message;
  if (message?.tool_calls?.length) reply.toolCalls = message.tool_calls.map((c) => ({ name: c.function.name, arguments: c.function.arguments }));
  if (message?.reasoning_content) reply.reasoning = message.reasoning_content;
  return reply;
}

/** Call a model for one case (cache first). */
export async function callModel(plan: CallPlan, sample: number, env: CallEnv): Promise<CallOutcome> {
  const key = env.cache ? responseCacheKey(env.target.identity, plan.request, sample) : '';
  if (env.cache) {
    const hit = await env.cache.cacheGet(key);
    if (hit && isReply(hit.value)) return { ok: true, reply: hit.value, cached: true };
  }
  const started = performance.now();
  const opts = { ...plan.options, ...(env.signal ? { signal: env.signal } : {}) };
  const r: Result<ChatResponse> = plan.stream ? await collectStream(env.adapter, plan.request, opts) : await env.adapter.chat(plan.request, opts);
  const latencyMs = Math.round(performance.now() - started);
  // A refusal is an answer to grade, not a failed call.
  const response = r.ok ? r.value : r.failure.kind === 'refused' ? r.failure.response : undefined;
  if (!response) {
    const f = (r as Extract<typeof r, { ok: false }>).failure;
    return { ok: false, error: { kind: f.kind, message: f.message }, latencyMs };
  }
  const reply = toReply(response, env.target);
  if (env.cache) {
    // The cache is best effort: a failed write costs a future call, not this run.
    const w: Promise<void> = env.cache
      .cacheSet(key, reply)
      .catch(() => undefined)
      .finally(() => env.writes.delete(w));
    env.writes.add(w);
  }
  return { ok: true, reply, cached: false };
}
