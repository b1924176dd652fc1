/**
 * Wraps an adapter with the per-instance policies every provider shares:
 * a concurrency slot (held across retries and for a stream's lifetime), a
 * per-minute budget taken per attempt, retries with backoff, and cost.
 * Adapters stay single-attempt and policy-free; this is the one place the
 * rules live.
 */
import type { PricingConfig, SelfHostedConfig } from '../core/config/provider.schema.js';
import { computeCost, lookupPrice } from './pricing/price.js';
import { selfHostedCost, ThroughputMeter } from './pricing/self-hosted.js';
import type { Limiter } from './shared/limits.js';
import { fail } from './shared/result.js';
import { retryStream, withRetry, type RetryHooks, type RetryPolicy } from './shared/retry.js';
import type {
  CallOptions,
  ChatChunk,
  ChatRequest,
  ChatResponse,
  Cost,
  EmbeddingsRequest,
  EmbeddingsResponse,
  ProviderAdapter,
  RawCallOptions,
  RawUpstreamResponse,
  Result,
  Usage,
} from './types.js';

/** Prices responses of one provider instance. */
export class Pricer {
  private readonly meter = new ThroughputMeter();

  constructor(
    private readonly pricing?: PricingConfig,
    private readonly selfHosted?: SelfHostedConfig,
  ) {}

  /** Mark a request in flight (for self-hosted throughput); call the result with its tokens. */
  track(): (tokens: number) => void {
    return this.selfHosted ? this.meter.start() : () => {};
  }

  /** Cost of a call given the model names and usage, or undefined when no price is known. */
  cost(models: readonly (string | undefined)[], usage: Usage): Cost | undefined {
    if (this.selfHosted) {
      const tps = this.meter.tokensPerSecond();
      return tps ? selfHostedCost(this.selfHosted, usage, tps) : undefined;
    }
    for (const m of models) {
      const price = m ? lookupPrice(m, { config: this.pricing }) : undefined;
      if (price) return computeCost(usage, price);
    }
    return undefined;
  }
}

/** The policies of one instance. */
export interface Policies {
  retry: RetryPolicy;
  limiter: Limiter;
  pricer: Pricer;
  hooks?: RetryHooks;
}

function policyFor(base: RetryPolicy, opts: CallOptions): RetryPolicy {
  return opts.retries === undefined ? base : { ...base, retries: opts.retries };
}

type Attempt = <T>(opts: CallOptions, call: () => Promise<Result<T>>) => () => Promise<Result<T>>;

/** Apply limits, retries and pricing around an adapter (raw pass-through included when present). */
export function withPolicies<A extends ProviderAdapter>(inner: A, p: Policies): A {
  const { limiter } = p;
  const cancelled = <T>() => fail<T>('cancelled', inner.id, 'cancelled while waiting for a rate-limit slot');
  const attempt: Attempt = (opts, call) => async () => ((await limiter.request(opts.signal)) ? call() : cancelled());

  async function chat(req: ChatRequest, opts: CallOptions = {}): Promise<Result<ChatResponse>> {
    const release = await limiter.slot(opts.signal);
    if (!release) return cancelled();
    const done = p.pricer.track();
    try {
      const r = await withRetry(policyFor(p.retry, opts), opts.signal, attempt(opts, () => inner.chat(req, opts)), p.hooks);
      done(r.ok ? r.value.usage.total_tokens : 0);
      if (r.ok) {
        const cost = p.pricer.cost([r.value.model, r.value.upstream_model], r.value.usage);
        if (cost) r.value.cost = cost;
      }
      return r;
    } finally {
      release();
    }
  }

  async function* stream(req: ChatRequest, opts: CallOptions = {}): AsyncGenerator<Result<ChatChunk>> {
    const release = await limiter.slot(opts.signal);
    if (!release) return yield cancelled();
    const done = p.pricer.track();
    let tokens = 0;
    try {
      const open = () => (async function* (): AsyncGenerator<Result<ChatChunk>> {
        if (!(await limiter.request(opts.signal))) return yield cancelled<ChatChunk>();
        yield* inner.stream(req, opts);
      })();
      for await (const item of retryStream(policyFor(p.retry, opts), opts.signal, open, p.hooks)) {
        if (item.ok && item.value.usage) tokens = item.value.usage.total_tokens;
        yield item;
      }
    } finally {
      done(tokens);
      release();
    }
  }

  const wrapped: ProviderAdapter = { id: inner.id, type: inner.type, capabilities: inner.capabilities, chat, stream, close: () => inner.close() };
  const embeddings = inner.embeddings?.bind(inner);
  if (embeddings) wrapped.embeddings = wrapEmbeddings(embeddings, p, attempt, cancelled);
  const raw = inner.rawChat?.bind(inner);
  if (raw) wrapped.rawChat = wrapRaw(raw, p, attempt, cancelled);
  return wrapped as A;
}

function wrapEmbeddings(embed: NonNullable<ProviderAdapter['embeddings']>, p: Policies, attempt: Attempt, cancelled: <T>() => Result<T>): NonNullable<ProviderAdapter['embeddings']> {
  return async (req: EmbeddingsRequest, opts: CallOptions = {}): Promise<Result<EmbeddingsResponse>> => {
    const release = await p.limiter.slot(opts.signal);
    if (!release) return cancelled();
    try {
      return await withRetry(policyFor(p.retry, opts), opts.signal, attempt(opts, () => embed(req, opts)), p.hooks);
    } finally {
      release();
    }
  };
}

function wrapRaw(raw: NonNullable<ProviderAdapter['rawChat']>, p: Policies, attempt: Attempt, cancelled: <T>() => Result<T>): NonNullable<ProviderAdapter['rawChat']> {
  return async (body: string | Uint8Array, opts: RawCallOptions): Promise<Result<RawUpstreamResponse>> => {
    const policy = policyFor(p.retry, opts);
    // No limits and no retries (the gateway retries in its own plan): straight through, without the
    // slot, budget and retry layers' promises on the gateway's hottest path.
    if (policy.retries === 0 && p.limiter.unlimited) {
      const r = await raw(body, opts);
      return r.ok ? r : { ok: false, failure: { ...r.failure, attempts: 1 } };
    }
    const release = await p.limiter.slot(opts.signal);
    if (!release) return cancelled();
    const r = await withRetry(policy, opts.signal, attempt(opts, () => raw(body, opts)), p.hooks);
    // The slot stays taken until the caller has finished with the body.
    if (r.ok && !r.value.body.destroyed) r.value.body.once('close', release);
    else release();
    return r;
  };
}
