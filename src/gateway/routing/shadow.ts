/**
 * Shadow traffic: a sampled copy of a request goes to a candidate deployment
 * after the real answer's attempt started. Its answer is stored for
 * comparison and never returned. Copies are bounded in flight; beyond that
 * they are dropped (and counted), so a slow candidate cannot hold memory.
 */
import type { GatewayMetrics } from '../observability/metrics.js';
import type { Clock, GatewayLogger, ShadowSink } from '../types.js';
import { chatAttempt, toChatRequest } from '../upstream/adapter-call.js';
import { rawJsonAttempt } from '../upstream/raw-json.js';
import type { DeploymentState, RouteState } from './route-state.js';

const NO_CHECKS = { empty: false, refusal: false };
const DEFAULT_SHADOW_TIMEOUT_MS = 60_000;

/** Sends shadow copies and hands their answers to a sink. */
export class ShadowRunner {
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly sink: ShadowSink | undefined,
    private readonly deps: { metrics: GatewayMetrics; clock: Clock; logger: GatewayLogger; random: () => number },
    private readonly maxInFlight = 32,
  ) {}

  /** Maybe send a copy of `body` (already redacted) for `route`; returns the candidate's name when sent. */
  maybeSend(route: RouteState, body: Record<string, unknown>, requestId: string): string | undefined {
    const s = route.shadow;
    if (!s || !this.sink || this.deps.random() >= s.fraction) return undefined;
    if (this.inFlight.size >= this.maxInFlight) {
      this.deps.metrics.count('shadow_dropped');
      return undefined;
    }
    const copy: Record<string, unknown> = { ...body, stream: false };
    delete copy.stream_options;
    if (s.deployment.upstreamModel !== undefined) copy.model = s.deployment.upstreamModel;
    const p = this.send(route.name, s.deployment, copy, requestId);
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
    this.deps.metrics.count('shadow_sent');
    return s.deployment.name;
  }

  /** Wait for every copy in flight (shutdown). */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  private async send(route: string, d: DeploymentState, copy: Record<string, unknown>, requestId: string): Promise<void> {
    const started = this.deps.clock.now();
    const signal = AbortSignal.timeout(d.timeoutMs ?? DEFAULT_SHADOW_TIMEOUT_MS);
    try {
      const r = d.raw ? await rawJsonAttempt(d, JSON.stringify(copy), signal, NO_CHECKS) : await chatAttempt(d, toChatRequest(copy, d.upstreamModel), signal, NO_CHECKS);
      this.sink?.record({
        requestId,
        ts: new Date(started).toISOString(),
        route,
        deployment: d.name,
        ok: r.ok,
        status: r.ok ? 200 : (r.failure.status ?? 502),
        latencyMs: this.deps.clock.now() - started,
        body: r.ok ? r.value.bytes.toString('utf8') : r.failure.message,
      });
    } catch (err) {
      this.deps.logger.warn('shadow request failed', { requestId, deployment: d.name, error: (err as Error).message });
    }
  }
}
