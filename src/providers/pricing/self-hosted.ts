/**
 * Self-hosted cost: GPU rent per hour turned into dollars per token with
 * throughput measured on real traffic. Concurrent requests share the GPU,
 * so the meter counts busy time as the union of in-flight intervals and
 * divides all tokens by it; a request's cost is its tokens at that rate.
 */
import type { SelfHostedConfig } from '../../core/config/provider.schema.js';
import type { Cost, Usage } from '../types.js';

/** Dollars for `seconds` of the configured GPUs: gpu_hour_usd × gpus × seconds / 3600. */
export function gpuCost(sh: SelfHostedConfig, seconds: number): number {
  return (sh.gpu_hour_usd * sh.gpus * seconds) / 3600;
}

/**
 * Dollars per 1M tokens at a given throughput.
 * @example pricePerMillion({ gpu_hour_usd: 2, gpus: 1 }, 500) // ≈ 1.11
 */
export function pricePerMillion(sh: SelfHostedConfig, tokensPerSecond: number): number {
  if (!(tokensPerSecond > 0)) return Number.POSITIVE_INFINITY;
  return (gpuCost(sh, 1) / tokensPerSecond) * 1e6;
}

/** Measures aggregate tokens per second of one provider instance. */
export class ThroughputMeter {
  private inflight = 0;
  private busySince = 0;
  private busyMs = 0;
  private tokens = 0;

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** A request started; call the returned function with its token count when it ends. */
  start(): (tokens: number) => void {
    if (this.inflight++ === 0) this.busySince = this.now();
    let done = false;
    return (tokens: number) => {
      if (done) return;
      done = true;
      this.tokens += tokens;
      if (--this.inflight === 0) this.busyMs += this.now() - this.busySince;
    };
  }

  /** Tokens per second so far (busy time only), or undefined before any finished request. */
  tokensPerSecond(): number | undefined {
    const ms = this.busyMs + (this.inflight > 0 ? this.now() - this.busySince : 0);
    return this.tokens > 0 && ms > 0 ? (this.tokens / ms) * 1000 : undefined;
  }
}

/** Cost of one call on self-hosted hardware, from its tokens and the measured throughput. */
export function selfHostedCost(sh: SelfHostedConfig, usage: Usage, tokensPerSecond: number): Cost {
  const total = (usage.total_tokens / tokensPerSecond) * gpuCost(sh, 1);
  // GPU time is not split into prompt and output prices; report it by token share.
  const share = usage.total_tokens > 0 ? usage.prompt_tokens / usage.total_tokens : 0;
  return { input_usd: total * share, cached_input_usd: 0, output_usd: total * (1 - share), total_usd: total, basis: 'self_hosted' };
}
